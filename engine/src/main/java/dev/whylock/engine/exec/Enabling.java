package dev.whylock.engine.exec;

/** Whether an operation could run in a given earlier state, as far as one object's recorded state tells. */
public enum Enabling {
    /** It could: the race with the operation that found that state can be reversed. */
    ENABLED,
    /** It could not: that operation (or one before it) enabled it. */
    DISABLED,
    /** It depends on other objects too: the search must treat it as both. */
    UNKNOWN;

    static Enabling of(boolean enabled) {
        return enabled ? ENABLED : DISABLED;
    }
}
