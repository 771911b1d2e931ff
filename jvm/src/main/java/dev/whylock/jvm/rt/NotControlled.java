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
}
