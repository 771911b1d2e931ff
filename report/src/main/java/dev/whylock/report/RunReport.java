package dev.whylock.report;

import dev.whylock.engine.analysis.AnalysisReport;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.result.Violation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one exploration run reports: what was run (model, scenario, timing), the engine's
 * result, where each counterexample's replay file was written, and the optional lock analyses.
 *
 * <p>The strategy, seed and experiments live in {@link #result()}; this record adds what only the
 * caller knows. Renderers read nothing else, so a report re-read from JSON renders identically.
 *
 * @param model       the model name, or {@code null} for a program that is not a model
 * @param scenario    the scenario name
 * @param timing      {@code untimed} or {@code ordered}
 * @param replayFiles replay file path per violation index (0-based); missing when none was written
 * @param analysis    locksets, races, lock order and assertions over the same executions, or
 *                    {@code null} when the analyses did not run
 * @param newLockClasses replacement locks of the experiments that the program does not have
 * @param neverReached the experiments (as {@link dev.whylock.engine.LockExperiment#toString()})
 *                    whose acquisitions no explored execution reached: they changed nothing
 * @param notControlled for a Java program, what ran outside the scheduler's control (native code,
 *                    I/O, threads whylock did not start, calls it does not model): not exhaustive
 * @param notReset    for a Java program, JDK-wide state it changed, which the next execution did
 *                    not start afresh from
 * @param guardedBy   for a Java program, the {@code @GuardedBy} check over the same executions, or
 *                    {@code null} when it did not run
 */
public record RunReport(
        String model,
        String scenario,
        String timing,
        ExplorationResult result,
        Map<Integer, String> replayFiles,
        AnalysisReport analysis,
        List<String> newLockClasses,
        List<String> neverReached,
        List<String> notControlled,
        List<String> notReset,
        GuardedByCheck guardedBy) implements SavedResult {

    public RunReport {
        Objects.requireNonNull(result, "result");
        replayFiles = Map.copyOf(replayFiles);
        newLockClasses = List.copyOf(newLockClasses);
        neverReached = List.copyOf(neverReached);
        notControlled = List.copyOf(notControlled);
        notReset = List.copyOf(notReset);
    }

    /** A report without replay files or analyses. */
    public static RunReport of(String model, String scenario, String timing, ExplorationResult result) {
        return new RunReport(model, scenario, timing, result, Map.of(), null, List.of(), List.of(), List.of(), List.of(), null);
    }

    /** This report naming the experiments' new lock classes and the experiments no execution reached. */
    public RunReport withExperimentNotes(List<String> newLocks, List<String> unreached) {
        return new RunReport(model, scenario, timing, result, replayFiles, analysis, newLocks, unreached, notControlled, notReset, guardedBy);
    }

    /** This report with what a Java program did outside whylock's control or reset. */
    public RunReport withJavaNotes(List<String> uncontrolled, List<String> unreset) {
        return new RunReport(model, scenario, timing, result, replayFiles, analysis, newLockClasses, neverReached, uncontrolled, unreset, guardedBy);
    }

    /** This report with the replay file of violation {@code index} (0-based) recorded. */
    public RunReport withReplayFile(int index, String path) {
        if (index < 0 || index >= result.violations().size()) {
            throw new IndexOutOfBoundsException("no violation " + index + " (there are " + result.violations().size() + ")");
        }
        Map<Integer, String> m = new HashMap<>(replayFiles);
        m.put(index, path);
        return new RunReport(model, scenario, timing, result, m, analysis, newLockClasses, neverReached, notControlled, notReset, guardedBy);
    }

    /** This report with the analyses run over the same executions (see {@code Analyses.observers()}). */
    public RunReport withAnalysis(AnalysisReport a) {
        return new RunReport(model, scenario, timing, result, replayFiles, a, newLockClasses, neverReached, notControlled, notReset, guardedBy);
    }

    /** This report with the {@code @GuardedBy} check of a Java program over the same executions. */
    public RunReport withGuardedBy(GuardedByCheck g) {
        return new RunReport(model, scenario, timing, result, replayFiles, analysis, newLockClasses, neverReached, notControlled, notReset, g);
    }

    /** The replay file of violation {@code index}, or {@code null} when none was written. */
    public String replayFile(int index) {
        return replayFiles.get(index);
    }

    public List<Violation> violations() {
        return result.violations();
    }

    public String strategy() {
        return result.strategy();
    }

    public long seed() {
        return result.seed();
    }

    public List<dev.whylock.engine.LockExperiment> experiments() {
        return result.experiments();
    }
}
