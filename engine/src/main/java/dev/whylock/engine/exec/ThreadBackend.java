package dev.whylock.engine.exec;

import java.util.concurrent.SynchronousQueue;

/**
 * The portable fallback: each task is a platform thread, and control is handed back and forth so
 * that exactly one of the scheduler and the tasks runs at a time. About 100 times slower than
 * continuations, but it needs no JVM flags.
 */
final class ThreadBackend implements Backend {

    /** Thrown inside a discarded task's thread to unwind it. */
    static final class Discarded extends Error {
        Discarded() {
            super(null, null, false, false);
        }
    }

    private final ThreadLocal<ThreadCoroutine> current = new ThreadLocal<>();

    private final class ThreadCoroutine implements Coroutine {
        private final SynchronousQueue<Boolean> toTask = new SynchronousQueue<>();
        private final SynchronousQueue<Boolean> toScheduler = new SynchronousQueue<>();
        private final Thread thread;
        private boolean started;
        private boolean finished;

        ThreadCoroutine(String name, Runnable body) {
            thread = Thread.ofPlatform().daemon().name("whylock-" + name).unstarted(() -> {
                current.set(this);
                boolean go = take(toTask);
                try {
                    if (go) {
                        body.run();
                    }
                } catch (Discarded d) {
                    return;
                } finally {
                    finished = true;
                }
                put(toScheduler, Boolean.TRUE);
            });
        }

        @Override
        public boolean resume() {
            if (!started) {
                started = true;
                thread.start();
            }
            put(toTask, Boolean.TRUE);
            take(toScheduler);
            return finished;
        }

        void suspend() {
            put(toScheduler, Boolean.TRUE);
            if (!take(toTask)) {
                throw new Discarded();
            }
        }

        @Override
        public void discard() {
            if (started && !finished) {
                put(toTask, Boolean.FALSE);
            }
        }
    }

    @Override
    public Coroutine create(String name, Runnable body) {
        return new ThreadCoroutine(name, body);
    }

    @Override
    public void yieldNow() {
        current.get().suspend();
    }

    @Override
    public String name() {
        return "thread";
    }

    private static boolean take(SynchronousQueue<Boolean> q) {
        while (true) {
            try {
                return q.take();
            } catch (InterruptedException e) {
                // The scheduler does not interrupt tasks; keep waiting.
            }
        }
    }

    private static void put(SynchronousQueue<Boolean> q, Boolean v) {
        while (true) {
            try {
                q.put(v);
                return;
            } catch (InterruptedException e) {
                // As above.
            }
        }
    }
}
