package dev.whylock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code whylock why}: exits 0 with a complete report, whatever it found. */
class WhyCommandTest {

    @TempDir
    Path dir;

    @Test
    void why_rtnlOnOneScenario_exits0AndWritesJsonWithAReplayPerCounterexample() throws IOException {
        Cli.Result r = Cli.run(dir, "why", "rtnl_mutex", "--scenario", "unbind-cage", "--stress-runs", "0", "--json", "why.json");
        assertEquals(ExitCode.OK, r.code(), r.toString());
        assertTrue(r.out().startsWith("WHY rtnl_mutex?"), r.out());
        JsonNode j = ExploreCommandTest.json(dir.resolve("why.json"));
        assertEquals("rtnl_mutex", j.get("lock").asText());
        assertTrue(j.get("complete").asBoolean());
        boolean anyNecessary = false;
        for (JsonNode s : j.get("sites")) {
            if (s.get("verdict").asText().equals("necessary")) {
                anyNecessary = true;
                assertTrue(Files.exists(dir.resolve(s.get("replay").asText())), "replay of " + s);
            }
        }
        assertTrue(anyNecessary, "removing rtnl_mutex breaks unbind-cage: " + r.out());
    }

    @Test
    void why_counterexampleReplayFile_replaysTheViolation() throws IOException {
        Cli.Result r = Cli.run(dir, "why", "rtnl_mutex", "--scenario", "unbind-cage", "--stress-runs", "0", "--json", "why.json",
                "--quiet");
        assertEquals(ExitCode.OK, r.code(), r.toString());
        Cli.Result replay = Cli.run(dir, "replay", "why.violation-1.replay");
        assertEquals(ExitCode.VIOLATION, replay.code(), replay.toString());
    }

    @Test
    void why_interrupted_stillWritesTheReport() {
        Cancellation c = Cancellation.manual();
        c.request();
        Cli.Result r = Cli.run(dir, System::nanoTime, c, "why", "rtnl_mutex", "--scenario", "unbind-cage");
        assertEquals(ExitCode.OK, r.code(), r.toString());
        assertTrue(r.out().contains("INTERRUPTED"), r.out());
    }
}
