package dev.whylock.cli;

import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.Violation;
import dev.whylock.engine.why.ReplacementOutcome;
import dev.whylock.engine.why.ScenarioRun;
import dev.whylock.engine.why.SiteVerdict;
import dev.whylock.engine.why.WhyReport;
import dev.whylock.report.WhyHtmlRenderer;
import dev.whylock.report.WhyJson;
import dev.whylock.report.WhyRun;
import dev.whylock.report.WhyTextRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a why report: a replay file per counterexample (site verdicts, replacements and the
 * damage already in the code as written), then the JSON and HTML asked for, then the text on stdout.
 */
final class WhyOutput {
    private WhyOutput() {}

    static void write(Io io, CommonOptions common, String model, Map<String, LoadedScenario> scenarios, WhyReport w) {
        Replays replays = new Replays(io, common.json(io), scenarios);
        WhyRun run = WhyRun.of(model, w);
        for (SiteVerdict v : verdicts(w)) {
            if (v.counterexample() != null) {
                run = replays.add(run, v.experiment(), v.scenario(), v.counterexample());
            }
            for (ScenarioRun s : v.runs()) {
                for (Violation d : s.damage()) {
                    run = replays.add(run, s.experiment(), s.scenario(), d);
                }
            }
        }
        for (ReplacementOutcome r : w.replacements()) {
            for (ScenarioRun s : r.runs()) {
                for (Violation v : s.damage()) {
                    run = replays.add(run, r.experiment(), s.scenario(), v);
                }
            }
        }
        for (ScenarioRun b : w.baselines()) {
            for (Violation v : b.damage()) {
                run = replays.add(run, null, b.scenario(), v);
            }
        }
        if (common.json != null) {
            RunOutput.write(common.json(io), WhyJson.text(run), "--json");
        }
        if (common.html != null) {
            RunOutput.write(io.resolve(common.html), render(run, true), "--html");
        }
        if (common.traceOut != null) {
            RunOutput.write(io.resolve(common.traceOut), traces(w), "--trace-out");
        }
        if (!common.quiet) {
            io.out().print(render(run, false));
            io.out().flush();
        }
    }

    static List<SiteVerdict> verdicts(WhyReport w) {
        List<SiteVerdict> all = new ArrayList<>(w.siteVerdicts());
        if (w.allSites() != null) {
            all.add(w.allSites());
        }
        return all;
    }

    private static String render(WhyRun run, boolean html) {
        StringBuilder b = new StringBuilder();
        try {
            if (html) {
                WhyHtmlRenderer.render(run, b);
            } else {
                WhyTextRenderer.render(run, b);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return b.toString();
    }

    /** Every site verdict's counterexample step by step, for {@code --trace-out}. */
    private static String traces(WhyReport w) {
        StringWriter sw = new StringWriter();
        PrintWriter out = new PrintWriter(sw);
        for (SiteVerdict v : verdicts(w)) {
            if (v.counterexample() != null) {
                out.printf("%s in %s: %s%n", v.experiment(), v.scenario(), v.counterexample().key());
                TraceText.print(out, v.counterexample().trace(), "  ");
                out.println();
            }
        }
        if (sw.getBuffer().isEmpty()) {
            out.println("no counterexample: no removal broke anything within the bound");
        }
        out.flush();
        return sw.toString();
    }

    /** Writes replay files, numbered per file name: per run beside the JSON file, per scenario and experiment under .whylock/. */
    private static final class Replays {
        private final Io io;
        private final Path json;
        private final Map<String, LoadedScenario> scenarios;
        private final Map<String, Integer> numbers = new HashMap<>();

        Replays(Io io, Path json, Map<String, LoadedScenario> scenarios) {
            this.io = io;
            this.json = json;
            this.scenarios = scenarios;
        }

        WhyRun add(WhyRun run, String experiment, String scenario, Violation v) {
            LoadedScenario ls = scenarios.get(scenario);
            if (ls == null || run.replayFile(experiment, scenario, v) != null) {
                return run;
            }
            List<LockExperiment> ex = new ArrayList<>();
            if (experiment != null) {
                LockExperiment.Kind kind = experiment.startsWith("remove ") ? LockExperiment.Kind.REMOVE : LockExperiment.Kind.REPLACE;
                ex.add(LockExperiment.parse(kind, experiment.substring(experiment.indexOf(' ') + 1)));
            }
            RunInfo info = new RunInfo(ls, ex, RunConfig.Timing.UNTIMED, "dpor");
            int index = numbers.merge(json == null ? info.slug() : "", 1, Integer::sum);
            Path p = ReplayFiles.pathFor(io, json, info, index);
            RunOutput.write(p, ReplayFiles.of(info, v).text(), "replay file");
            return run.withReplayFile(experiment, scenario, v, io.show(p));
        }
    }
}
