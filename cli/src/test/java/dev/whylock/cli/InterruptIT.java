package dev.whylock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real whylock process stopped by SIGINT (Ctrl-C) writes its partial result and exits 130. */
class InterruptIT {

    @TempDir
    Path dir;

    private Process start(String... args) throws Exception {
        Path jar = Path.of("target", "whylock.jar").toAbsolutePath();
        assertTrue(Files.exists(jar), "the packaged jar (integration tests run after package)");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED", "-Xss4m", "-jar",
                jar.toString()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
    }

    /** Sends SIGINT, as Ctrl-C does, and waits for the process to end. */
    private String interrupt(Process p) throws Exception {
        // Long enough for the JVM to start and the search to run; the search itself would take much longer.
        Thread.sleep(4_000);
        assertTrue(p.isAlive(), "still exploring: " + Files.readString(dir.resolve("out.txt")));
        new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "exited after the signal");
        return Files.readString(dir.resolve("out.txt"));
    }

    @Test
    void sigint_duringALongExploration_writesThePartialResultAndExits130() throws Exception {
        Process p = start("explore", "--scenario", "unbind-cage", "--strategy", "random", "--max-executions", "1000000000",
                "--json", "partial.json");
        String out = interrupt(p);
        assertEquals(ExitCode.INTERRUPTED, p.exitValue(), out);
        JsonNode j = ExploreCommandTest.json(dir.resolve("partial.json"));
        assertEquals("interrupted", j.get("stopReason").asText(), out);
        assertFalse(j.get("exhaustive").asBoolean());
        assertTrue(j.get("executions").asLong() > 0, "some executions ran: " + j.get("executions"));
        assertTrue(out.contains("interrupted"), out);
    }

    @Test
    void sigint_duringTheDefaultWhy_writesThePartialReportUndecidedAndExits130() throws Exception {
        Process p = start("--json", "partial.json", "--quiet");
        String out = interrupt(p);
        assertEquals(ExitCode.INTERRUPTED, p.exitValue(), out);
        JsonNode j = ExploreCommandTest.json(dir.resolve("partial.json"));
        assertTrue(j.get("interrupted").asBoolean(), out);
        assertFalse(j.get("exhaustive").asBoolean());
        for (JsonNode r : j.get("replacements")) {
            assertFalse(r.get("complete").asBoolean() && r.get("runs").isEmpty(), "a replacement that never ran is not complete");
        }
    }
}
