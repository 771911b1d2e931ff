package dev.whylock.engine.why;

/** The verdict on one acquisition site (or on all of them) of the lock under inquiry, strongest first. */
public enum Necessity {
    /** Removing it let some scenario reach damage (use-after-free, invariant, deadlock, ...). */
    NECESSARY("necessary"),
    /** Removing it caused no damage, but data races that the unmodified program does not have. */
    RACY("racy"),
    /** No scenario reached damage or a new race within the bound (see whether that bound was exhaustive). */
    NOT_NEEDED_WITHIN_BOUND("not-needed-within-bound"),
    /** The inquiry was interrupted or time-limited before the verdict was decided. */
    UNDECIDED("undecided");

    private final String key;

    Necessity(String key) {
        this.key = key;
    }

    /** The stable name used in JSON and text reports. */
    public String key() {
        return key;
    }
}
