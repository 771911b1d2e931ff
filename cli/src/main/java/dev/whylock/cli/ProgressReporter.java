package dev.whylock.cli;

import dev.whylock.engine.search.Progress;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a long search's progress on stderr: a progress bar on a terminal (executions, rate,
 * elapsed, strategy), a plain line every few seconds otherwise, nothing with {@code --quiet}.
 */
abstract sealed class ProgressReporter implements Progress, AutoCloseable {

    /*
     * An inquiry (why) runs many explorations and each reports its own counts from zero: when the
     * count drops, a new exploration began, so the totals shown are summed over all of them.
     */
    private long base;
    private long last;

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
        return new Lines(io, strategy);
    }

    @Override
    public void close() {}

    /** Nothing at all. */
    static final class Silent extends ProgressReporter {
        @Override
        public void update(long executions, long blocked, int violations, long elapsedNanos) {}
    }

    /** A plain line at most every {@link Io#progressIntervalMillis()}: logs and CI stay readable. */
    static final class Lines extends ProgressReporter {
        private final Io io;
        private final String strategy;
        private final long start;
        private long lastPrinted;

        Lines(Io io, String strategy) {
            this.io = io;
            this.strategy = strategy;
            this.start = io.ticker().nanos();
        }

        @Override
        public void update(long executions, long blocked, int violations, long elapsedNanos) {
            long total = total(executions);
            long millis = (io.ticker().nanos() - start) / 1_000_000;
            if (millis - lastPrinted < io.progressIntervalMillis()) {
                return;
            }
            lastPrinted = millis;
            io.err().println(line(strategy, total, violations, millis));
            io.err().flush();
        }

        static String line(String strategy, long executions, int violations, long millis) {
            long rate = millis == 0 ? 0 : executions * 1000 / millis;
            return String.format("whylock: %s: %,d executions (%,d/s), %d violation%s so far, %.1f s elapsed",
                    strategy, executions, rate, violations, violations == 1 ? "" : "s", millis / 1000.0);
        }
    }

    /** The interactive bar; its length is unknown because DPOR does not know the trace count up front. */
    static final class Bar extends ProgressReporter {
        private final ProgressBar bar;

        Bar(Io io, String strategy) {
            bar = new ProgressBarBuilder().setTaskName(strategy).setInitialMax(-1).setStyle(ProgressBarStyle.ASCII)
                    .setUnit(" executions", 1).showSpeed().hideEta().setSpeedUnit(ChronoUnit.SECONDS).setUpdateIntervalMillis(250)
                    .setConsumer(new ConsoleProgressBarConsumer(io.errStream())).clearDisplayOnFinish().build();
        }

        @Override
        public void update(long executions, long blocked, int violations, long elapsedNanos) {
            bar.stepTo(total(executions));
            bar.setExtraMessage(violations + (violations == 1 ? " violation" : " violations"));
        }

        @Override
        public void close() {
            bar.close();
        }
    }
}
