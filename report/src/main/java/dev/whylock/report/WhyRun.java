package dev.whylock.report;

import dev.whylock.engine.result.Violation;
import dev.whylock.engine.why.WhyReport;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A why inquiry as reported: the engine's {@link WhyReport}, the model it ran on, and where each
 * counterexample's replay file was written (filled by the CLI).
 *
 * @param model        the model name, or {@code null} for programs that are not a model
 * @param replayFiles  replay path per {@link #key counterexample key}
 */
public record WhyRun(String model, WhyReport report, Map<String, String> replayFiles) implements SavedResult {

    public WhyRun {
        Objects.requireNonNull(report, "report");
        replayFiles = Map.copyOf(replayFiles);
    }

    public static WhyRun of(String model, WhyReport report) {
        return new WhyRun(model, report, Map.of());
    }

    /**
     * The key of a counterexample: the experiment ({@code null} for the code as written), the
     * scenario and the violation, e.g. {@code remove L@f | scenario | use-after-free: ...}.
     */
    public static String key(String experiment, String scenario, Violation v) {
        return (experiment == null ? "as written" : experiment) + " | " + scenario + " | " + v.key();
    }

    /** This run with the replay file of violation {@code v} found by {@code experiment} in {@code scenario}. */
    public WhyRun withReplayFile(String experiment, String scenario, Violation v, String path) {
        Map<String, String> m = new HashMap<>(replayFiles);
        m.put(key(experiment, scenario, v), path);
        return new WhyRun(model, report, m);
    }

    /** The replay file of that counterexample, or {@code null}. */
    public String replayFile(String experiment, String scenario, Violation v) {
        return replayFiles.get(key(experiment, scenario, v));
    }
}
