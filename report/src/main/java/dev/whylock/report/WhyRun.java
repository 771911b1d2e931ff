package dev.whylock.report;

import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.result.Violation;
import dev.whylock.engine.why.WhyReport;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A why inquiry as reported: the engine's {@link WhyReport}, the model it ran on, the entry points
 * the model asks the question about, and where each counterexample's replay file was written
 * (filled by the CLI).
 *
 * @param model        the model name, or {@code null} for programs that are not a model
 * @param report       the engine's answer
 * @param entryPoints  the functions whose need for the lock the model was built to explain (e.g.
 *                     phylink_create), each with the acquisition sites it reaches; may be empty
 * @param replayFiles  replay path per {@link #key counterexample key}
 * @param timing       the timing mode every exploration ran in ({@code untimed}, {@code ordered},
 *                     {@code timed}), or {@code null} when not recorded (untimed)
 */
public record WhyRun(String model, WhyReport report, List<EntryPoint> entryPoints, Map<String, String> replayFiles,
        String timing, GuardedByCheck guardedBy) implements SavedResult {

    /**
     * A function the question is about and the acquisition sites of the lock it reaches.
     *
     * @param function  e.g. {@code phylink_create}
     * @param sites     e.g. {@code [sfp_bus_add_upstream]}
     */
    public record EntryPoint(String function, List<String> sites) {
        public EntryPoint {
            sites = List.copyOf(sites);
        }
    }

    public WhyRun {
        Objects.requireNonNull(report, "report");
        entryPoints = List.copyOf(entryPoints);
        replayFiles = Map.copyOf(replayFiles);
    }

    public static WhyRun of(String model, WhyReport report) {
        return new WhyRun(model, report, List.of(), Map.of(), null, null);
    }

    /** This run asking about {@code points}. */
    public WhyRun withEntryPoints(List<EntryPoint> points) {
        return new WhyRun(model, report, points, replayFiles, timing, guardedBy);
    }

    /** This run, recorded as explored in timing mode {@code mode}. */
    public WhyRun withTiming(String mode) {
        return new WhyRun(model, report, entryPoints, replayFiles, mode, guardedBy);
    }

    /** This run with the {@code @GuardedBy} check of a Java program. */
    public WhyRun withGuardedBy(GuardedByCheck g) {
        return new WhyRun(model, report, entryPoints, replayFiles, timing, g);
    }

    /** {@code ", timing MODE"} for a mode other than the default (untimed), else empty: for report headers. */
    public String timingNote() {
        return timing == null || timing.equals("untimed") ? "" : ", timing " + timing;
    }

    /**
     * The key of a counterexample: the experiment ({@code null} for the code as written), the
     * scenario and the violation, e.g. {@code remove L@f | scenario | use-after-free: ...}.
     */
    public static String key(LockExperiment experiment, String scenario, Violation v) {
        return (experiment == null ? "as written" : experiment.toString()) + " | " + scenario + " | " + v.key();
    }

    /** This run with the replay file of violation {@code v} found by {@code experiment} in {@code scenario}. */
    public WhyRun withReplayFile(LockExperiment experiment, String scenario, Violation v, String path) {
        Map<String, String> m = new HashMap<>(replayFiles);
        m.put(key(experiment, scenario, v), path);
        return new WhyRun(model, report, entryPoints, m, timing, guardedBy);
    }

    /** The replay file of that counterexample, or {@code null}. */
    public String replayFile(LockExperiment experiment, String scenario, Violation v) {
        return replayFiles.get(key(experiment, scenario, v));
    }
}
