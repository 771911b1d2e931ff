package dev.whylock.cli;

import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.search.Progress;
import dev.whylock.engine.why.InquiryListener;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a long search's progress on stderr: a progress bar on a terminal (executions, rate,
 * elapsed, strategy), a plain line at a fixed interval otherwise, nothing with {@code --quiet}.
 * Inside an execution that runs long it says how many steps that execution has run so far.
 */
abstract sealed class ProgressReporter implements Progress, InquiryListener, AutoCloseable {

    /*
     * The search thread calls update() between executions (every few hundred) and inExecution()
     * every 1,024 steps; either can be seconds apart. So the plain lines come from a clock of their
     * own (the pulse thread), reading the latest counts the search left here; a line says how many
     * steps the current execution has run only when a heartbeat arrived since the last line.
     *
     * An inquiry (why) runs many explorations and each reports its own counts from zero: when one
     * starts (exploring()) or the count drops, a new exploration began, so the totals shown are
     * summed over all of them.
     */
    private long base;
    private long last;
    private volatile long executions;
    private volatile int violations;
    private volatile long steps = -1;
    private volatile String exploring;
    private volatile String exploringShort;

    /** Executions over every exploration so far. */
    long total(long executions) {
        if (executions < last) {
            base += last;
        }
        last = executions;
        return base + executions;
    }

    static ProgressReporter create(Io io, boolean quiet, String strategy) {
        if (quiet) {
            return new Silent();
        }
        if (io.terminal() && io.errStream() != null) {
            return new Bar(io, strategy);
        }
        Lines lines = new Lines(io, strategy);
        if (io.progressIntervalMillis() > 0) {
            lines.startPulse();
        }
        return lines;
    }

    @Override
    public final void update(long executions, long blocked, int violations, long elapsedNanos) {
        this.executions = total(executions);
        this.violations = violations;
        this.steps = -1;
        changed();
    }

    @Override
    public final void inExecution(long executions, long steps, long elapsedNanos) {
        this.executions = total(executions);
        this.steps = steps;
        changed();
    }

    @Override
    public final void exploring(String scenario, LockExperiment experiment, int index, int total) {
        base += last;
        last = 0;
        exploringShort = "exploration " + index + " of " + total;
        exploring = exploringShort + " (" + scenario + ", " + (experiment == null ? "as written" : experiment.toString()) + ")";
        changed();
    }

    /** The counts changed; subclasses show them now or at their next tick. */
    abstract void changed();

    /** What the search is doing now, after the counts: the exploration and the steps of a long execution, or "". */
    final String doing(boolean sinceLastShown) {
        StringBuilder b = new StringBuilder();
        long s = steps;
        if (s >= 0 && sinceLastShown) {
            b.append("; execution ").append(String.format("%,d", executions + 1)).append(" running: ")
                    .append(String.format("%,d", s)).append(" steps so far");
        }
        if (exploring != null) {
            b.append("; ").append(exploring);
        }
        return b.toString();
    }

    final long executions() {
        return executions;
    }

    final int violations() {
        return violations;
    }

    /** "exploration 3 of 60" during an inquiry, else null. */
    final String exploration() {
        return exploringShort;
    }

    /** Steps of the running execution at the last heartbeat, or -1 between executions. */
    final long steps() {
        return steps;
    }

    /** Forgets the steps shown, so that a line mentions them only after a new heartbeat. */
    final void shownSteps() {
        steps = -1;
    }

    @Override
    public void close() {}

    /** Nothing at all. */
    static final class Silent extends ProgressReporter {
        @Override
        void changed() {}
    }

    /** A plain line at most every {@link Io#progressIntervalMillis()}: logs and CI stay readable. */
    static final class Lines extends ProgressReporter {
        private final Io io;
        private final String strategy;
        private final long start;
        private long lastPrinted;
        private boolean closed;
        private Thread pulse;

        Lines(Io io, String strategy) {
            this.io = io;
            this.strategy = strategy;
            this.start = io.ticker().nanos();
        }

        /** Prints a line every interval even when the search reports nothing for a while (a long execution, slow steps). */
        void startPulse() {
            pulse = new Thread(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        Thread.sleep(Math.max(5, Math.min(250, dueInMillis())));
                        tick();
                    }
                } catch (InterruptedException e) {
                    // close() stops the pulse.
                }
            }, "whylock-progress");
            pulse.setDaemon(true);
            pulse.start();
        }

        @Override
        void changed() {
            tick();
        }

        private synchronized long dueInMillis() {
            return lastPrinted + io.progressIntervalMillis() - (io.ticker().nanos() - start) / 1_000_000;
        }

        /** Prints a line when the interval has passed since the last one. */
        synchronized void tick() {
            long millis = (io.ticker().nanos() - start) / 1_000_000;
            if (closed || millis - lastPrinted < io.progressIntervalMillis()) {
                return;
            }
            lastPrinted = millis;
            // An inquiry's explorations each count their own violations, and one finding recurs in many: no total.
            io.err().println(line(strategy, executions(), exploration() == null ? violations() : -1, millis) + doing(true));
            io.err().flush();
            shownSteps();
        }

        /** The counts; {@code violations} below 0 leaves them out. */
        static String line(String strategy, long executions, int violations, long millis) {
            long rate = millis == 0 ? 0 : executions * 1000 / millis;
            String found = violations < 0 ? "" : String.format(", %d violation%s so far", violations, violations == 1 ? "" : "s");
            return String.format("whylock: %s: %,d executions (%,d/s)%s, %.1f s elapsed", strategy, executions, rate, found,
                    millis / 1000.0);
        }

        @Override
        public void close() {
            synchronized (this) {
                closed = true;
            }
            if (pulse != null) {
                pulse.interrupt();
                try {
                    pulse.join(1_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** The interactive bar; its length is unknown because DPOR does not know the trace count up front. */
    static final class Bar extends ProgressReporter {
        private final ProgressBar bar;

        Bar(Io io, String strategy) {
            // The bar redraws itself (elapsed, rate) on its own thread every 250 ms, whatever the search reports.
            bar = new ProgressBarBuilder().setTaskName(strategy).setInitialMax(-1).setStyle(ProgressBarStyle.ASCII)
                    .setUnit(" executions", 1).showSpeed().hideEta().setSpeedUnit(ChronoUnit.SECONDS).setUpdateIntervalMillis(250)
                    .setConsumer(new ConsoleProgressBarConsumer(io.errStream())).clearDisplayOnFinish().build();
        }

        @Override
        void changed() {
            bar.stepTo(executions());
            // The bar is cut at the terminal's width: short words, the exploration's number without its name.
            int v = violations();
            long st = steps();
            bar.setExtraMessage((exploration() != null ? "" : " " + v + (v == 1 ? " violation" : " violations"))
                    + (st >= 0 ? "; execution " + String.format("%,d", executions() + 1) + ": " + String.format("%,d", st) + " steps" : "")
                    + (exploration() == null ? "" : "; " + exploration()));
        }

        @Override
        public void close() {
            bar.close();
        }
    }
}
