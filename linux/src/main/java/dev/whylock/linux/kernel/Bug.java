package dev.whylock.linux.kernel;

import dev.whylock.engine.Env;

/** WARN_ON / BUG_ON from include/asm-generic/bug.h. */
public final class Bug {
    private Bug() {}

    /** WARN_ON(): records a warning and continues; returns the condition like the kernel macro. */
    public static boolean warnOn(boolean condition, String what) {
        return Env.current().warnOn(condition, what);
    }

    /** BUG_ON(): stops the execution. */
    public static void bugOn(boolean condition, String what) {
        Env.current().bugOn(condition, what);
    }
}
