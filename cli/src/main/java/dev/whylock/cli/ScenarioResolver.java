package dev.whylock.cli;

import dev.whylock.linux.model.Model;
import dev.whylock.linux.model.Models;
import dev.whylock.linux.model.Scenario;
import dev.whylock.linux.model.ScenarioException;
import dev.whylock.linux.model.ScenarioLoader;
import dev.whylock.linux.model.UnknownModelException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns {@code --model} and {@code --scenario} into a model and a checked scenario: a built-in
 * scenario name or a path to a YAML file; {@code --model} overrides the file's {@code model:} key.
 */
final class ScenarioResolver {
    private ScenarioResolver() {}

    /** The model named on the command line, or the default. */
    static Model model(String name) {
        try {
            return Models.get(name == null ? Models.DEFAULT : name);
        } catch (UnknownModelException e) {
            throw new UsageException("--model: " + e.getMessage() + "; see 'whylock list models'");
        }
    }

    /** Loads {@code spec} as a built-in scenario name or a scenario file. */
    static LoadedScenario load(Io io, String spec, String modelOverride) {
        if (modelOverride != null) {
            model(modelOverride);
        }
        if (spec.isBlank()) {
            throw new UsageException("--scenario: expected a built-in scenario name or a path to a scenario file, got ''");
        }
        Path file = io.resolve(spec);
        boolean looksLikeFile = spec.endsWith(".yaml") || spec.endsWith(".yml") || spec.contains("/") || Files.exists(file);
        if (!looksLikeFile) {
            return builtin(spec, modelOverride);
        }
        if (!Files.exists(file)) {
            throw new UsageException("--scenario " + spec + ": no such file (expected a scenario file, or a built-in "
                    + "scenario name; see 'whylock list scenarios')");
        }
        if (Files.isDirectory(file)) {
            throw new UsageException("--scenario " + spec + ": is a directory; expected a scenario file (YAML)");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new UsageException("--scenario " + spec + ": not a text file (it is not valid UTF-8); expected a YAML scenario");
        } catch (IOException e) {
            throw new UsageException("--scenario " + spec + ": cannot read the file (" + reason(e) + ")");
        }
        return parse(text, spec, modelOverride);
    }

    /** Parses scenario text; errors name {@code source} with line and column. */
    static LoadedScenario parse(String text, String source, String modelOverride) {
        Scenario s;
        try {
            s = ScenarioLoader.parse(text, source, modelOverride);
        } catch (ScenarioException e) {
            throw new UsageException(oneParagraph(e.getMessage()));
        }
        return new LoadedScenario(model(s.model()), s, text);
    }

    static LoadedScenario builtin(String name, String modelOverride) {
        Scenario s;
        try {
            s = ScenarioLoader.builtin(name);
        } catch (ScenarioException e) {
            throw new UsageException("--scenario " + name + ": " + e.getMessage().replaceFirst("^builtin:[^:]*: ", "")
                    + "; nor is there a file of that name; see 'whylock list scenarios'");
        }
        if (modelOverride != null) {
            s = s.withModel(modelOverride);
        }
        return new LoadedScenario(model(s.model()), s, null);
    }

    /**
     * The YAML parser's messages span lines, echoing the source with a caret under the column; the
     * position is already in the message, so keep the unindented lines, joined into one paragraph.
     */
    static String oneParagraph(String message) {
        return String.join("; ", message.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0))).toList());
    }

    static String reason(IOException e) {
        String m = e.getMessage();
        if (e.getClass() == IOException.class && m != null) {
            return m;
        }
        return e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase()
                + (m == null ? "" : ": " + m);
    }
}
