package dev.whylock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scenario whose background work re-arms itself (issue 11): a copper module plugged during the
 * race creates a PHY whose state machine re-queues itself, so one execution runs tens of thousands
 * of steps. A real whylock process must show progress while it runs, stop at its time limit or on
 * Ctrl-C within a second even in the middle of that execution, and write its partial result.
 */
class RunawayIT {

    private static final long LIMIT_MILLIS = 6_000;
    private static final Pattern ELAPSED = Pattern.compile("([0-9.]+) s elapsed");

    @TempDir
    Path dir;

    /**
     * The runaway scenario: the model bounds self-re-arming work by default, so a large
     * {@code bounds: {work_runs: N}} lets the PHY's state machine run away again.
     */
    private Path runaway() throws Exception {
        String yaml = """
                model: sfp-v5.14
                name: runaway
                setup: [sfp_probe, mac_probe, ndo_open]
                threads:
                  hw: [{module_plug: {type: copper-sgmii-phy}}]
                background: [sfp_irq, sfp_timeout, phy_state_machine]
                bounds: {work_runs: 1000}
                """;
        Path p = dir.resolve("runaway.yaml");
        Files.writeString(p, yaml);
        return p;
    }

    @Test
    void timeLimit_runawayScenario_endsWithinTheLimitPlusOneSecondWithPartialResultAndProgress() throws Exception {
        runaway();
        WhylockProcess p = WhylockProcess.start(dir, "explore", "--scenario", "runaway.yaml", "--time-limit",
                LIMIT_MILLIS + "ms", "--json", "partial.json");
        int code = p.waitFor(120);
        long millis = p.elapsedMillis();
        long allowed = LIMIT_MILLIS + WhylockProcess.allowance(1_000);
        assertTrue(millis <= allowed, "ended " + millis + " ms after it started, limit " + LIMIT_MILLIS + " ms, allowed "
                + allowed + " ms (" + WhylockProcess.load() + "): " + p);
        assertTrue(code == ExitCode.OK || code == ExitCode.VIOLATION, "a time limit exits as a bound does (0 or 1): " + code + p);
        JsonNode j = ExploreCommandTest.json(dir.resolve("partial.json"));
        assertEquals("time-limit", j.get("stopReason").asText(), p.toString());
        assertFalse(j.get("exhaustive").asBoolean());
        assertTrue(j.get("steps").asLong() > 0, "steps ran: " + j.get("steps"));
        assertTrue(p.out().contains("reached the time limit"), p.toString());
        assertProgress(p.err(), p);
    }

    @Test
    void sigint_inTheMiddleOfALongExecution_endsWithinOneSecondWithPartialResultAnd130() throws Exception {
        runaway();
        WhylockProcess p = WhylockProcess.start(dir, "explore", "--scenario", "runaway.yaml", "--json", "partial.json");
        // Wait for a progress line from inside an execution: the search is now in the middle of one.
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!p.err().contains(" running: ") && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(p.err().contains(" running: "), "progress from inside an execution: " + p);
        long sent = System.nanoTime();
        p.interrupt();
        int code = p.waitFor(60);
        long millis = (System.nanoTime() - sent) / 1_000_000;
        long allowed = WhylockProcess.allowance(1_000);
        assertTrue(millis <= allowed, "ended " + millis + " ms after SIGINT, allowed " + allowed + " ms ("
                + WhylockProcess.load() + "): " + p);
        assertEquals(ExitCode.INTERRUPTED, code, p.toString());
        JsonNode j = ExploreCommandTest.json(dir.resolve("partial.json"));
        assertEquals("interrupted", j.get("stopReason").asText(), p.toString());
        assertFalse(j.get("exhaustive").asBoolean());
        assertTrue(p.err().contains("interrupted after"), p.toString());
    }

    /** At least two progress lines from inside the execution, at most two seconds apart. */
    private static void assertProgress(String err, WhylockProcess p) {
        List<String> lines = err.lines().filter(l -> l.startsWith("whylock: dpor: ")).toList();
        assertTrue(lines.size() >= 2, "progress lines while it ran: " + p);
        assertTrue(lines.stream().anyMatch(l -> l.contains("steps so far")), "steps inside the execution: " + p);
        double before = 0;
        for (String l : lines) {
            Matcher m = ELAPSED.matcher(l);
            assertTrue(m.find(), l);
            double at = Double.parseDouble(m.group(1));
            assertTrue(at - before <= 2.0, "a line at most every 2 s: " + before + " s, then " + at + " s: " + p);
            before = at;
        }
    }
}
