package dev.whylock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.LockExperiment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress on stderr: plain lines at a fixed interval off a terminal, nothing when quiet. */
class ProgressReporterTest {

    private final StringWriter err = new StringWriter();
    private final AtomicLong now = new AtomicLong();

    private Io io(boolean terminal) {
        return new Io(new PrintWriter(new StringWriter()), new PrintWriter(err, true), null, Path.of("/tmp"), terminal, now::get,
                Cancellation.manual(), 5_000);
    }

    /** Plain lines without the pulse thread, so that only the fake clock decides. */
    private ProgressReporter.Lines lines() {
        return new ProgressReporter.Lines(io(false), "dpor");
    }

    @Test
    void lines_notATerminal_printOneLineEveryInterval() {
        ProgressReporter p = lines();
        for (int i = 1; i <= 12; i++) {
            now.addAndGet(1_000_000_000L);
            p.update(i * 256L, 0, 0, 0);
        }
        assertEquals(2, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("whylock: dpor: 1,280 executions (256/s), 0 violations so far, 5.0 s elapsed"), err.toString());
    }

    @Test
    void quiet_printsNothing() {
        ProgressReporter p = ProgressReporter.create(io(false), true, "dpor");
        now.addAndGet(60_000_000_000L);
        p.update(1000, 0, 1, 0);
        assertInstanceOf(ProgressReporter.Silent.class, p);
        assertEquals("", err.toString());
    }

    @Test
    void total_successiveExplorations_areSummed() {
        ProgressReporter p = ProgressReporter.create(io(false), true, "why");
        assertEquals(512, p.total(512));
        assertEquals(700, p.total(700));
        assertEquals(956, p.total(256), "a new exploration restarts its count");
    }

    @Test
    void lines_insideALongExecution_sayHowManyStepsItHasRun() {
        ProgressReporter p = lines();
        p.update(3, 0, 1, 0);
        now.addAndGet(5_000_000_000L);
        p.inExecution(3, 52_224, 0);
        assertEquals("whylock: dpor: 3 executions (0/s), 1 violation so far, 5.0 s elapsed; execution 4 running: 52,224 steps so far",
                err.toString().strip());
    }

    @Test
    void lines_afterTheExecutionEnded_noLongerMentionItsSteps() {
        ProgressReporter.Lines p = lines();
        p.inExecution(0, 1_024, 0);
        p.update(1, 0, 0, 0);
        now.addAndGet(5_000_000_000L);
        p.tick();
        assertFalse(err.toString().contains("steps so far"), err.toString());
    }

    @Test
    void lines_duringAnInquiry_nameTheExplorationAndSumTheExecutions() {
        ProgressReporter p = lines();
        p.exploring("unbind-cage", null, 1, 3);
        p.update(300, 0, 0, 0);
        p.exploring("unbind-cage", LockExperiment.remove("rtnl_mutex", "sfp_remove"), 2, 3);
        p.update(400, 0, 0, 0);
        now.addAndGet(10_000_000_000L);
        p.inExecution(400, 2_048, 0);
        assertTrue(err.toString().startsWith("whylock: dpor: 700 executions (70/s), 10.0 s elapsed; "
                + "execution 701 running: 2,048 steps so far; exploration 2 of 3 (unbind-cage, remove rtnl_mutex@sfp_remove)"),
                err.toString());
    }

    @Test
    void pulse_withoutAnyReportFromTheSearch_stillPrintsEveryIntervalAndStopsOnClose() throws InterruptedException {
        StringWriter w = new StringWriter();
        Io io = new Io(new PrintWriter(new StringWriter()), new PrintWriter(w, true), null, Path.of("/tmp"), false, System::nanoTime,
                Cancellation.manual(), 50);
        ProgressReporter p = ProgressReporter.create(io, false, "dpor");
        Thread.sleep(400);
        p.close();
        long lines = w.toString().lines().count();
        assertTrue(lines >= 3, "a line every 50 ms over 400 ms: " + w);
        Thread.sleep(200);
        assertEquals(lines, w.toString().lines().count(), "nothing after close");
    }
}
