package dev.whylock.engine.exec;

/**
 * How tasks run: each task is a coroutine that runs until it yields at its next visible operation.
 * Only one task runs at a time, chosen by the scheduler.
 */
public interface Backend {

    /** A suspended task body. */
    interface Coroutine {
        /** Runs the task until it yields or finishes. Returns true when the body has finished. */
        boolean resume();

        /** Discards a task that will not be resumed again. */
        void discard();
    }

    Coroutine create(String name, Runnable body);

    /**
     * Thrown at a scheduling point where the running task cannot be suspended: the JVM will not
     * unmount a continuation across its own frames (class loading it started, native code) or a
     * pinned section. The execution ends there, not exhaustive, and the program is told what was
     * not controlled ({@link dev.whylock.engine.Program#notControlled}); it is not a program bug.
     */
    final class Pinned extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Pinned(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Called on the running task: suspends it and returns control to the scheduler. */
    void yieldNow();

    String name();

    /** The fastest backend that works in this JVM: continuations when accessible, else threads. */
    static Backend best() {
        return ContinuationBackend.available() ? new ContinuationBackend() : new ThreadBackend();
    }

    static Backend named(String name) {
        return switch (name) {
            case "continuation" -> {
                if (!ContinuationBackend.available()) {
                    throw new IllegalStateException("jdk.internal.vm.Continuation is not accessible: run the JVM with "
                            + "--add-exports java.base/jdk.internal.vm=ALL-UNNAMED");
                }
                yield new ContinuationBackend();
            }
            case "thread" -> new ThreadBackend();
            default -> throw new IllegalArgumentException("unknown backend '" + name + "' (expected continuation or thread)");
        };
    }
}
