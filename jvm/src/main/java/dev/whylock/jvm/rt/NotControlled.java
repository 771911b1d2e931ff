package dev.whylock.jvm.rt;

/**
 * Stops a task that calls something whylock does not model (a StampedLock, a CompletableFuture,
 * a real thread pool): run for real on the scheduler's thread it could block every task. The
 * exploration drops the executions it ends and names the call under "not controlled".
 */
public final class NotControlled extends Error {
    private static final long serialVersionUID = 1L;

    /** The prefix of the engine's message for a task this error ended. */
    public static final String MARK = "uncaught " + NotControlled.class.getName() + ": ";

    public NotControlled(String what) {
        super(what, null, false, false);
    }

    /** In an execution's task, notes {@code what} (a JDK method, qualified) at the caller's site as not modelled and stops the task. */
    static void stopAt(String what) {
        JvmRuntime rt = JvmRuntime.active();
        if (rt != null && rt.onTaskThread()) {
            stop(rt, what + " at " + CallerSite.of(rt));
        }
    }

    /** Notes {@code whatAt} as not modelled and stops the task. */
    static void stop(JvmRuntime rt, String whatAt) {
        String msg = whatAt + " (not modelled by whylock yet)";
        rt.notes.notControlled(msg);
        throw new NotControlled(msg);
    }
}
