package dev.whylock.engine.why;

/** What replacing the lock by another one did. */
public enum ReplacementVerdict {
    /** Some scenario reached damage, or the lock order gained a cycle that can deadlock. */
    UNSAFE("unsafe"),
    /** No damage, but data races that the unmodified program does not have. */
    RACY("racy"),
    /** Nothing broke in any scenario within the bound. */
    SAFE_WITHIN_BOUND("safe-within-bound"),
    /** Interrupted or time-limited before every scenario was explored, with nothing found so far. */
    UNDECIDED("undecided");

    private final String key;

    ReplacementVerdict(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
