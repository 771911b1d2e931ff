package dev.whylock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real whylock process stopped by SIGINT (Ctrl-C) writes its partial result and exits 130. */
class InterruptIT {

    @TempDir
    Path dir;

    /**
     * Sends SIGINT, as Ctrl-C does, once the search has run a while, and waits for the process to
     * end: within a second, the partial result written.
     */
    private int interrupt(WhylockProcess p) throws Exception {
        // Wait for the search's first progress line (it comes after the signal handler is installed; a
        // fixed wait was too short for a JVM starting on a heavily loaded machine), then a little more.
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!p.err().contains("whylock: ") && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(500);
        assertTrue(p.isAlive(), "still exploring: " + p);
        long sent = System.nanoTime();
        p.interrupt();
        int code = p.waitFor(60);
        long millis = (System.nanoTime() - sent) / 1_000_000;
        long allowed = WhylockProcess.allowance(1_000);
        assertTrue(millis <= allowed, "ended " + millis + " ms after SIGINT, allowed " + allowed + " ms ("
                + WhylockProcess.load() + "): " + p);
        return code;
    }

    @Test
    void sigint_duringALongExploration_writesThePartialResultAndExits130() throws Exception {
        WhylockProcess p = WhylockProcess.start(dir, "explore", "--scenario", "unbind-cage", "--strategy", "random",
                "--max-executions", "1000000000", "--json", "partial.json");
        int code = interrupt(p);
        String out = p.toString();
        assertEquals(ExitCode.INTERRUPTED, code, out);
        JsonNode j = ExploreCommandTest.json(dir.resolve("partial.json"));
        assertEquals("interrupted", j.get("stopReason").asText(), out);
        assertFalse(j.get("exhaustive").asBoolean());
        assertTrue(j.get("executions").asLong() > 0, "some executions ran: " + j.get("executions"));
        assertTrue(out.contains("interrupted"), out);
    }

    @Test
    void sigint_duringTheDefaultWhy_writesThePartialReportUndecidedAndExits130() throws Exception {
        WhylockProcess p = WhylockProcess.start(dir, "--json", "partial.json");
        int code = interrupt(p);
        String out = p.toString();
        assertEquals(ExitCode.INTERRUPTED, code, out);
        JsonNode j = ExploreCommandTest.json(dir.resolve("partial.json"));
        assertTrue(j.get("interrupted").asBoolean(), out);
        assertFalse(j.get("exhaustive").asBoolean());
        for (JsonNode r : j.get("replacements")) {
            assertFalse(r.get("complete").asBoolean() && r.get("runs").isEmpty(), "a replacement that never ran is not complete");
        }
    }
}
