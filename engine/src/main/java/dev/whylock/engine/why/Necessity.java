package dev.whylock.engine.why;

/** The verdict on one acquisition site (or on all of them) of the lock under inquiry. */
public enum Necessity {
    /** Removing it let some scenario reach damage (use-after-free, invariant, deadlock, ...). */
    NECESSARY("necessary"),
    /** No scenario reached damage within the bound (see whether that bound was exhaustive). */
    NOT_NEEDED_WITHIN_BOUND("not-needed-within-bound"),
    /** The inquiry was cancelled before the verdict was complete. */
    INCONCLUSIVE("inconclusive");

    private final String key;

    Necessity(String key) {
        this.key = key;
    }

    /** The stable name used in JSON and text reports. */
    public String key() {
        return key;
    }
}
