package dev.whylock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real whylock process stopped by a signal writes its partial result before it exits. */
class InterruptIT {

    @TempDir
    Path dir;

    @Test
    void signal_duringALongExploration_writesThePartialResultAndExitsWithItsCode() throws Exception {
        Path jar = Path.of("target", "whylock.jar").toAbsolutePath();
        assertTrue(Files.exists(jar), "the packaged jar (integration tests run after package)");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(List.of(java, "--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED", "-Xss4m", "-jar",
                jar.toString(), "explore", "--scenario", "unbind-cage", "--strategy", "random", "--max-executions", "1000000000",
                "--json", "partial.json")).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
        // Long enough for the JVM to start and the search to run; the search itself would take hours.
        Thread.sleep(4_000);
        assertTrue(p.isAlive(), "still exploring: " + Files.readString(dir.resolve("out.txt")));
        p.destroy(); // SIGTERM: the same shutdown hook as Ctrl-C
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "exited after the signal");
        String out = Files.readString(dir.resolve("out.txt"));
        assertEquals(ExitCode.OK, p.exitValue(), out);
        JsonNode j = ExploreCommandTest.json(dir.resolve("partial.json"));
        assertEquals("interrupted", j.get("stopReason").asText(), out);
        assertFalse(j.get("exhaustive").asBoolean());
        assertTrue(j.get("executions").asLong() > 0, "some executions ran: " + j.get("executions"));
        assertTrue(out.contains("interrupted"), out);
    }
}
