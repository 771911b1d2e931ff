package dev.whylock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void lines_notATerminal_printOneLineEveryInterval() {
        ProgressReporter p = ProgressReporter.create(io(false), false, "dpor");
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
}
