package dev.whylock.engine.search;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs independent jobs on a fixed number of threads and returns their results in the jobs' order,
 * whatever order they finished in: the caller assembles its result from that list, so it is the
 * same for any number of workers. Jobs start in list order (a job may look at what earlier jobs
 * found, e.g. to return null instead of running when its answer is no longer needed); with one
 * worker they run one after the other on the calling thread.
 */
public final class Workers {

    /** Stack of a worker thread: as deep as the launcher gives the main thread ({@code -Xss4m}), doubled. */
    private static final long STACK_BYTES = 8L << 20;

    private final int count;

    /**
     * The threads every {@code Workers} runs its jobs on, kept between calls: a split search calls
     * {@link #run} once per round, and starting threads for each round cost more than a small
     * round's work. Daemon threads with the stack above, started as needed, ended after a minute idle.
     */
    private static final java.util.concurrent.ExecutorService POOL = java.util.concurrent.Executors.newCachedThreadPool(
            new java.util.concurrent.ThreadFactory() {
                private final AtomicInteger made = new AtomicInteger();

                @Override
                public Thread newThread(Runnable r) {
                    Thread t = new Thread(null, r, "whylock-worker-" + made.incrementAndGet(), STACK_BYTES);
                    t.setDaemon(true);
                    return t;
                }
            });

    /** {@code count} workers (at least 1). */
    public Workers(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + count);
        }
        this.count = count;
    }

    /** The machine's cores, the default of {@code --workers}. */
    public static int available() {
        return Runtime.getRuntime().availableProcessors();
    }

    public int count() {
        return count;
    }

    /**
     * A queue of jobs handed over over time, started in the order handed over with at most
     * {@link #count()} running at once: {@code count - 1} pool threads take jobs from the front, and
     * the thread that waits for a job runs it itself if no worker has started it, or else the next
     * job not started. So with one worker every job runs on the waiting thread, one after the
     * other, and nothing runs ahead of it.
     */
    public <T> Feed<T> feed() {
        return new Feed<>(count - 1);
    }

    /** See {@link #feed()}. One thread hands jobs over and waits for them; workers run them. */
    public static final class Feed<T> {
        private final int helpers;
        private final java.util.ArrayDeque<Job> queue = new java.util.ArrayDeque<>();
        private int running;
        private int helping;
        private boolean skipping;

        private Feed(int helpers) {
            this.helpers = helpers;
        }

        /** One job handed over; {@link #get()} waits for its result (null if it was skipped). */
        public final class Job implements Supplier<T> {
            private final Supplier<T> work;
            private boolean started;
            private boolean done;
            private T result;
            private Throwable failure;

            private Job(Supplier<T> work) {
                this.work = work;
            }

            /**
             * Its result: runs it here if no worker started it; while a worker runs it, runs the
             * next job not started yet here (the waiting thread is one of the workers), or waits.
             * Rethrows what the job threw.
             */
            @Override
            public T get() {
                boolean interrupted = false;
                try {
                    while (true) {
                        Job other = null;
                        synchronized (Feed.this) {
                            if (done) {
                                break;
                            }
                            if (!started) {
                                queue.remove(this);
                                other = this;
                            } else {
                                other = queue.poll();
                                if (other == null) {
                                    try {
                                        Feed.this.wait();
                                    } catch (InterruptedException e) {
                                        interrupted = true; // the jobs poll their own cancellation: wait for this one to return
                                    }
                                    continue;
                                }
                            }
                            other.started = true;
                            running++;
                        }
                        other.runIt();
                    }
                } finally {
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
                synchronized (Feed.this) {
                    if (failure instanceof RuntimeException re) {
                        throw re;
                    }
                    if (failure instanceof Error e) {
                        throw e;
                    }
                    if (failure != null) {
                        throw new IllegalStateException(failure);
                    }
                    return result;
                }
            }

            private void runIt() {
                T r = null;
                Throwable t = null;
                boolean skip;
                synchronized (Feed.this) {
                    skip = skipping;
                }
                try {
                    r = skip ? null : work.get();
                } catch (Throwable x) {
                    t = x;
                }
                synchronized (Feed.this) {
                    result = r;
                    failure = t;
                    done = true;
                    running--;
                    Feed.this.notifyAll();
                }
            }
        }

        /** Hands {@code work} over after every job handed over before it. */
        public synchronized Supplier<T> add(Supplier<T> work) {
            Job job = new Job(work);
            queue.add(job);
            if (helping < helpers) {
                helping++;
                POOL.execute(this::help);
            }
            return job;
        }

        /** A pool thread: runs jobs from the front of the queue until it is empty. */
        private void help() {
            while (true) {
                Job job;
                synchronized (this) {
                    job = queue.poll();
                    if (job == null) {
                        helping--;
                        return;
                    }
                    job.started = true;
                    running++;
                }
                job.runIt();
            }
        }

        /** Jobs not started yet will not run (their results are null); returns once no job is running. */
        public synchronized void skipRest() {
            skipping = true;
            boolean interrupted = false;
            while (running > 0 || !queue.isEmpty() && helping > 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Runs every job and returns their results in order (a {@link #feed()} of them). If a job
     * throws, the jobs not yet started are not run and the first failure in list order is rethrown
     * once the running ones finished.
     */
    public <T> List<T> run(List<Supplier<T>> jobs) {
        Feed<T> feed = feed();
        AtomicBoolean failed = new AtomicBoolean();
        List<Supplier<T>> handles = new ArrayList<>(jobs.size());
        for (Supplier<T> job : jobs) {
            handles.add(feed.add(() -> {
                if (failed.get()) {
                    return null; // a job failed: start nothing more
                }
                try {
                    return job.get();
                } catch (RuntimeException | Error e) {
                    failed.set(true);
                    throw e;
                }
            }));
        }
        List<T> results = new ArrayList<>(jobs.size());
        for (Supplier<T> h : handles) {
            try {
                results.add(h.get());
            } catch (RuntimeException | Error e) {
                feed.skipRest();
                throw e;
            }
        }
        return results;
    }
}
