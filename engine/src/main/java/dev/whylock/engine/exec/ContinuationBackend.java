package dev.whylock.engine.exec;

import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;

/**
 * Tasks as {@code jdk.internal.vm.Continuation}s on the scheduler's own thread: a switch costs
 * about 150 ns. Task code must synchronise only through the engine's primitives (a
 * {@code synchronized} block across a yield would pin the carrier).
 */
final class ContinuationBackend implements Backend {
    private static final ContinuationScope SCOPE = new ContinuationScope("whylock");
    private static final boolean AVAILABLE = probe();

    static boolean available() {
        return AVAILABLE;
    }

    private static boolean probe() {
        try {
            Continuation c = new Continuation(SCOPE, () -> Continuation.yield(SCOPE));
            c.run();
            c.run();
            return c.isDone();
        } catch (Throwable t) {
            return false;
        }
    }

    @Override
    public Coroutine create(String name, Runnable body) {
        Continuation c = new Continuation(SCOPE, body) {
            @Override
            protected void onPinned(Continuation.Pinned reason) {
                throw new Backend.Pinned(switch (reason) {
                    case NATIVE -> "native code is on its stack";
                    case MONITOR -> "it holds a JVM monitor the JDK took";
                    case CRITICAL_SECTION -> "the JVM runs it inside its own work (class loading, a pinned section)";
                    default -> reason.toString();
                });
            }
        };
        return new Coroutine() {
            @Override
            public boolean resume() {
                c.run();
                return c.isDone();
            }

            @Override
            public void discard() {
                // An unfinished continuation is simply dropped and collected.
            }
        };
    }

    @Override
    public void yieldNow() {
        Continuation.yield(SCOPE);
    }

    @Override
    public String name() {
        return "continuation";
    }
}
