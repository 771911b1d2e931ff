package dev.whylock.engine.why;

/**
 * What "run it and see" gave: how many uncontrolled runs, how many failed, and the first that did.
 *
 * @param runs             runs performed
 * @param failures         runs that ended in damage
 * @param firstFailureRun  the 1-based run of the first failure, or 0 when none failed
 * @param firstFailure     a short description of the first failure, or {@code null}
 */
public record StressCounts(long runs, long failures, long firstFailureRun, String firstFailure) {}
