package dev.whylock.engine;

/** What went wrong in an execution. */
public enum ViolationKind {
    DEADLOCK("deadlock", true, true),
    USE_AFTER_FREE("use-after-free", true, true),
    NULL_DEREFERENCE("null-dereference", true, true),
    REFCOUNT_UNDERFLOW("refcount-underflow", true, true),
    BUG("bug", true, true),
    WARNING("warning", false, true),
    ASSERTION("assertion", false, false),
    INVARIANT("invariant", true, true),
    EXCEPTION("exception", true, true),
    DATA_RACE("data-race", false, false),
    LOCK_ORDER("lock-order", false, true),
    STEP_LIMIT("step-limit", true, true);

    private final String key;
    private final boolean fatal;
    private final boolean damage;

    ViolationKind(String key, boolean fatal, boolean damage) {
        this.key = key;
        this.fatal = fatal;
        this.damage = damage;
    }

    /** The stable name used in JSON and text reports. */
    public String key() {
        return key;
    }

    /** Whether the execution stops when it happens (WARN_ON and failed lock assertions continue). */
    public boolean fatal() {
        return fatal;
    }

    /**
     * Whether it is damage: something actually broke or could break. A failed lock assertion only
     * says a lock was assumed, and a data race is a finding of its own (KCSAN's), reported apart.
     */
    public boolean damage() {
        return damage;
    }

    public static ViolationKind fromKey(String key) {
        for (ViolationKind k : values()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown violation kind: " + key);
    }
}
