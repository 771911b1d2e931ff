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
