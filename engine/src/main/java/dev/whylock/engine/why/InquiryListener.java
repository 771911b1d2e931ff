package dev.whylock.engine.why;

import dev.whylock.engine.LockExperiment;

/** Hears which exploration an inquiry starts next, so a command line can show "site 3 of 11". */
@FunctionalInterface
public interface InquiryListener {

    /**
     * Exploration {@code index} (1-based) of at most {@code total} is starting: {@code scenario}
     * under {@code experiment} ({@code null} for the unmodified program). {@code total} is known
     * only once the baselines have found the sites, and counts every possible exploration.
     */
    void exploring(String scenario, LockExperiment experiment, int index, int total);

    /** Ignores everything. */
    InquiryListener NONE = (s, e, i, t) -> {};
}
