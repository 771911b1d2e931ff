package dev.whylock.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Ctrl-C during a long exploration: the search polls {@link #requested()} between executions and
 * stops cleanly; the shutdown hook waits until the partial result has been written, then ends the
 * process with the command's exit code.
 */
final class Cancellation {
    /** How long Ctrl-C waits for the partial result to be written before giving up. */
    private static final long WRITE_GRACE_SECONDS = 60;

    private final AtomicBoolean requested = new AtomicBoolean();
    private final boolean hook;
    private final AtomicInteger exitCode = new AtomicInteger(ExitCode.INTERNAL);
    private volatile CountDownLatch written;
    private Thread installed;

    private Cancellation(boolean hook) {
        this.hook = hook;
    }

    /** Cancellation by a JVM shutdown hook (SIGINT, SIGTERM). */
    static Cancellation onShutdown() {
        return new Cancellation(true);
    }

    /** Cancellation only by {@link #request()}, for tests. */
    static Cancellation manual() {
        return new Cancellation(false);
    }

    /** What the search polls. */
    BooleanSupplier requested() {
        return requested::get;
    }

    /** Asks the running search to stop. */
    void request() {
        requested.set(true);
    }

    /** Called when a search starts: from now on Ctrl-C stops it and waits for {@link #finished}. */
    synchronized void begin() {
        written = new CountDownLatch(1);
        if (hook && installed == null) {
            CountDownLatch latch = written;
            installed = new Thread(() -> {
                requested.set(true);
                try {
                    if (latch.await(WRITE_GRACE_SECONDS, TimeUnit.SECONDS)) {
                        Runtime.getRuntime().halt(exitCode.get());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "whylock-ctrl-c");
            Runtime.getRuntime().addShutdownHook(installed);
        }
    }

    /** Called once the (possibly partial) result has been written, with the command's exit code. */
    synchronized void finished(int code) {
        exitCode.set(code);
        if (written != null) {
            written.countDown();
        }
        if (installed != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(installed);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C arrived: the hook now ends the process with exitCode.
            }
            installed = null;
        }
    }
}
