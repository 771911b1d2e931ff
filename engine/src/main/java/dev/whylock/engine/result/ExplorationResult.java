package dev.whylock.engine.result;

import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.ViolationKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The immutable outcome of exploring one program: the verdict, how much was explored and whether
 * that was everything within the bound, and the violations with their counterexamples, damage
 * first, then data races, then failed lock assertions.
 *
 * @param exhaustive    true when every execution up to the bound was covered (Mazurkiewicz-trace
 *                      complete for DPOR, or every schedule within the preemption bound)
 * @param executions    executions run to their end (complete, deadlocked or violating)
 * @param blocked       executions abandoned as redundant by sleep sets
 * @param bounded       true when a work item's run bound cut some schedules (see {@code Work.maxRuns})
 * @param stopReason    why the search stopped
 * @param experiments   the lock experiments every execution ran under
 */
public record ExplorationResult(
        String program,
        String strategy,
        long seed,
        boolean exhaustive,
        long executions,
        long blocked,
        long steps,
        boolean bounded,
        long elapsedMillis,
        StopReason stopReason,
        List<LockExperiment> experiments,
        List<Violation> violations) {

    public ExplorationResult {
        experiments = List.copyOf(experiments);
        List<Violation> sorted = new ArrayList<>(violations);
        sorted.sort(Violation.REPORT_ORDER);
        violations = List.copyOf(sorted);
    }

    /** {@code violation} or {@code no-violation}. */
    public String verdict() {
        return violations.isEmpty() ? "no-violation" : "violation";
    }

    public boolean hasViolation() {
        return !violations.isEmpty();
    }

    /** This result with {@code more} violations added (e.g. the data races the analyses found) and the kinds in {@code ignored} left out. */
    public ExplorationResult withViolations(List<Violation> more, Set<ViolationKind> ignored) {
        List<Violation> all = new ArrayList<>(violations);
        all.addAll(more);
        all.removeIf(v -> ignored.contains(v.kind()));
        return new ExplorationResult(program, strategy, seed, exhaustive, executions, blocked, steps, bounded, elapsedMillis,
                stopReason, experiments, all);
    }
}
