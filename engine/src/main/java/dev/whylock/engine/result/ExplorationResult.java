package dev.whylock.engine.result;

import java.util.List;

/**
 * The immutable outcome of exploring one program: the verdict, how much was explored and whether
 * that was everything within the bound, and the violations with their counterexamples.
 *
 * @param exhaustive    true when every execution up to the bound was covered (Mazurkiewicz-trace
 *                      complete for DPOR, or every schedule within the preemption bound)
 * @param executions    executions run to their end (complete, deadlocked or violating)
 * @param blocked       executions abandoned as redundant by sleep sets
 * @param bounded       true when a work item's run bound cut some schedules (see {@code Work.maxRuns})
 * @param stopReason    why the search stopped: {@code exhausted}, {@code max-executions}, {@code time-limit},
 *                      {@code first-violation} or {@code interrupted}
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
        String stopReason,
        List<String> experiments,
        List<Violation> violations) {

    public ExplorationResult {
        experiments = List.copyOf(experiments);
        violations = List.copyOf(violations);
    }

    /** {@code violation} or {@code no-violation}. */
    public String verdict() {
        return violations.isEmpty() ? "no-violation" : "violation";
    }

    public boolean hasViolation() {
        return !violations.isEmpty();
    }
}
