package dev.whylock.cli;

import dev.whylock.linux.model.Suggest;
import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.ReplayFile;
import dev.whylock.engine.result.Violation;
import dev.whylock.linux.model.Models;
import dev.whylock.linux.model.Scenario;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads the replay file of each violation. The header names everything needed to rebuild
 * the program (model, scenario, experiments, timing) and the whylock version; a scenario file's text
 * is embedded, so the replay does not depend on the file still being there.
 */
final class ReplayFiles {
    private ReplayFiles() {}

    /** Where violation {@code index} (1-based) goes: beside the JSON file, else under {@code .whylock/}. */
    static Path pathFor(Io io, Path json, RunInfo info, int index) {
        if (json != null) {
            String name = json.getFileName().toString();
            String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
            return json.resolveSibling(base + ".violation-" + index + ".replay");
        }
        return io.workDir().resolve(".whylock").resolve(info.slug() + ".violation-" + index + ".replay");
    }

    static ReplayFile of(RunInfo info, Violation v) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("whylock", Version.VERSION);
        h.put("model", info.modelName());
        h.put("scenario", info.scenarioName());
        info.subject().describe(h);
        h.put("experiments", info.experiments().isEmpty() ? "none"
                : String.join("; ", info.experiments().stream().map(LockExperiment::toString).toList()));
        h.put("timing", TimingOption.name(info.timing()));
        h.put("strategy", info.strategy());
        h.put("violation", v.key());
        return ReplayFile.of(h, v);
    }

    /** A replay file read back, with the run it belongs to. */
    record Loaded(ReplayFile file, RunInfo info, String violation) {}

    /** Reads and checks a replay file; every problem is a {@link UsageException} naming the file. */
    static Loaded read(Io io, String spec) {
        Path p = io.resolve(spec);
        if (!Files.exists(p)) {
            throw new UsageException("replay " + spec + ": no such file (expected a .replay file written by 'whylock explore')");
        }
        if (Files.isDirectory(p)) {
            throw new UsageException("replay " + spec + ": is a directory; expected a .replay file");
        }
        String text;
        try {
            text = Files.readString(p, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new UsageException("replay " + spec + ": not a whylock replay file (not UTF-8 text; corrupted?)");
        } catch (IOException e) {
            throw new UsageException("replay " + spec + ": cannot read the file (" + ScenarioResolver.reason(e) + ")");
        }
        ReplayFile f;
        try {
            f = ReplayFile.parse(text);
        } catch (ReplayFile.FormatException e) {
            throw new UsageException("replay " + spec + ": " + e.getMessage());
        }
        Map<String, String> h = f.header();
        String version = need(h, spec, "whylock");
        if (!version.equals(Version.VERSION)) {
            throw new UsageException("replay " + spec + ": written by whylock " + version + ", but this is whylock " + Version.VERSION
                    + ", whose model may schedule differently; re-run the exploration to get a fresh replay file");
        }
        String model = need(h, spec, "model");
        if (model.equals(JavaSubject.MODEL)) {
            return readJava(f, h, spec);
        }
        if (!Models.names().contains(model)) {
            throw new UsageException("replay " + spec + ": made for model '" + model + "', which this whylock does not have"
                    + Suggest.didYouMean(model, Models.names()) + " (models: " + String.join(", ", Models.names()) + ")");
        }
        String source = need(h, spec, "scenario-source");
        LoadedScenario scenario;
        try {
            if (source.equals("builtin")) {
                scenario = ScenarioResolver.builtin(need(h, spec, "scenario"), model);
            } else {
                String yaml = new String(Base64.getDecoder().decode(need(h, spec, "scenario-yaml")), StandardCharsets.UTF_8);
                scenario = ScenarioResolver.parse(yaml, source + " (embedded in " + spec + ")", model);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException("replay " + spec + ": the embedded scenario is corrupted (" + e.getMessage() + ")");
        } catch (UsageException e) {
            throw new UsageException("replay " + spec + ": its scenario no longer loads: " + e.getMessage());
        }
        List<LockExperiment> experiments = new ArrayList<>();
        String ex = need(h, spec, "experiments");
        if (!ex.equals("none")) {
            List<String> removes = new ArrayList<>();
            List<String> replaces = new ArrayList<>();
            for (String one : ex.split("; ")) {
                if (one.startsWith("remove ")) {
                    removes.add(one.substring(7));
                } else if (one.startsWith("replace ")) {
                    replaces.add(one.substring(8));
                } else {
                    throw new UsageException("replay " + spec + ": header 'experiments' has '" + one
                            + "'; expected 'remove LOCK[@SITES]' or 'replace LOCK[@SITES]=NEW' (corrupted?)");
                }
            }
            try {
                experiments = ExperimentParser.parse(scenario.model(), removes, replaces);
            } catch (UsageException e) {
                throw new UsageException("replay " + spec + ": " + e.getMessage());
            }
        }
        String mode = need(h, spec, "timing");
        if (!Scenario.TIMINGS.contains(mode)) {
            throw new UsageException("replay " + spec + ": header 'timing' is '" + mode + "'; expected one of: "
                    + String.join(", ", Scenario.TIMINGS) + " (corrupted?)");
        }
        RunConfig.Timing timing = TimingOption.of(mode);
        RunInfo info = new RunInfo(scenario, experiments, timing, "replay");
        return new Loaded(f, info, need(h, spec, "violation"));
    }

    /** A Java program's replay: the class, method and class path it names must still be there. */
    private static Loaded readJava(ReplayFile f, Map<String, String> h, String spec) {
        JavaSubject subject;
        try {
            String method = need(h, spec, "java-method");
            String cls = need(h, spec, "java-class");
            subject = new JavaSubject(JavaSubject.target(method.equals("main") ? cls : cls + "#" + method, need(h, spec, "class-path"),
                    Integer.parseInt(h.getOrDefault("spurious-wakeups", "0"))), null);
        } catch (NumberFormatException e) {
            throw new UsageException("replay " + spec + ": header 'spurious-wakeups' is not a number (corrupted?)");
        } catch (UsageException e) {
            throw new UsageException("replay " + spec + ": its program no longer loads: " + e.getMessage());
        }
        List<LockExperiment> experiments = new ArrayList<>();
        String ex = need(h, spec, "experiments");
        if (!ex.equals("none")) {
            for (String one : ex.split("; ")) {
                try {
                    experiments.add(LockExperiment.parse(one));
                } catch (IllegalArgumentException e) {
                    throw new UsageException("replay " + spec + ": header 'experiments' has '" + one + "': " + e.getMessage() + " (corrupted?)");
                }
            }
        }
        String mode = need(h, spec, "timing");
        if (!Scenario.TIMINGS.contains(mode)) {
            throw new UsageException("replay " + spec + ": header 'timing' is '" + mode + "'; expected one of: "
                    + String.join(", ", Scenario.TIMINGS) + " (corrupted?)");
        }
        RunConfig.Timing timing = TimingOption.of(mode);
        return new Loaded(f, new RunInfo(subject, experiments, timing, "replay"), need(h, spec, "violation"));
    }

    private static String need(Map<String, String> h, String spec, String key) {
        String v = h.get(key);
        if (v == null || v.isBlank()) {
            throw new UsageException("replay " + spec + ": the header has no '" + key + "' line (truncated or corrupted?)");
        }
        return v;
    }
}
