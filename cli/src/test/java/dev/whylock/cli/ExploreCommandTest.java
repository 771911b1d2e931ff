package dev.whylock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code whylock explore}: exit codes, result files, progress, interruption. */
class ExploreCommandTest {

    @TempDir
    Path dir;

    static JsonNode json(Path p) throws IOException {
        return new ObjectMapper().readTree(Files.readString(p));
    }

    @Test
    void explore_workers_sameResultAndReplayFilesForOneAndThreeWorkers() throws IOException {
        // Frozen clock, so the files must be byte-identical; rtnl removed, so there are violations and replays.
        for (String scenario : List.of("phylink-create-vs-cage-probe", "module-hotplug")) {
            for (String n : List.of("1", "3")) {
                Path d = Files.createDirectories(dir.resolve(scenario + "-" + n));
                Cli.Result r = Cli.run(d, dev.whylock.engine.search.Ticker.FROZEN, Cancellation.manual(), "explore", "--scenario",
                        scenario, "--remove", "rtnl_mutex", "--json", "r.json", "--workers", n);
                assertTrue(r.code() == ExitCode.OK || r.code() == ExitCode.VIOLATION, r.toString());
            }
            List<String> files;
            try (var s = Files.list(dir.resolve(scenario + "-1"))) {
                files = s.map(p -> p.getFileName().toString()).sorted().toList();
            }
            try (var s = Files.list(dir.resolve(scenario + "-3"))) {
                assertEquals(files, s.map(p -> p.getFileName().toString()).sorted().toList());
            }
            for (String f : files) {
                assertEquals(Files.readString(dir.resolve(scenario + "-1").resolve(f)), Files.readString(dir.resolve(scenario + "-3").resolve(f)),
                        scenario + ": " + f);
            }
        }
        assertTrue(json(dir.resolve("phylink-create-vs-cage-probe-1").resolve("r.json")).get("violations").size() > 0);
        assertTrue(json(dir.resolve("module-hotplug-1").resolve("r.json")).get("executions").asLong() > 100);
    }

    @Test
    void explore_violatingScenario_exits1AndWritesReplayUnderDotWhylock() throws IOException {
        Cli.Result r = Cli.run(dir, "explore", "--scenario", "phylink-create-under-rtnl");
        assertEquals(ExitCode.VIOLATION, r.code(), r.toString());
        assertTrue(r.out().contains("deadlock"), r.out());
        long violations = r.out().lines().filter(l -> l.startsWith("Violation ")).count();
        assertTrue(violations >= 1, r.out());
        try (var files = Files.list(dir.resolve(".whylock"))) {
            assertEquals(violations, files.filter(p -> p.toString().endsWith(".replay")).count(), "one replay file per violation");
        }
    }

    @Test
    void explore_jsonFlag_writesTheContractKeysInOrderAndTheReplayPath() throws IOException {
        Cli.Result r = Cli.run(dir, "explore", "--scenario", "phylink-create-under-rtnl", "--json", "r.json", "--quiet");
        assertEquals(ExitCode.VIOLATION, r.code(), r.toString());
        assertEquals("", r.out(), "--quiet prints no report");
        JsonNode j = json(dir.resolve("r.json"));
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = j.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        assertEquals(List.of("schemaVersion", "result", "verdict", "exhaustive", "executions", "elapsedMillis", "model", "scenario",
                "experiments", "violations", "locksets", "lockOrder"), keys.subList(0, 12));
        assertEquals("violation", j.get("verdict").asText());
        JsonNode v = j.get("violations").get(0);
        assertEquals("deadlock", v.get("kind").asText());
        assertTrue(Files.exists(dir.resolve(v.get("replay").asText())), "replay path in the JSON exists: " + v.get("replay"));
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void explore_experimentsAndTiming_areInTheJsonAndReplayHeader() throws IOException {
        Cli.Result r = Cli.run(dir, "explore", "--scenario", "phylink-create-under-rtnl", "--remove", "sfp_mutex@sfp_bus_get",
                "--timing", "ordered", "--json", "r.json", "--quiet");
        assertTrue(r.code() == ExitCode.OK || r.code() == ExitCode.VIOLATION, r.toString());
        JsonNode j = json(dir.resolve("r.json"));
        assertEquals("remove sfp_mutex@sfp_bus_get", j.get("experiments").get(0).asText());
    }

    @Test
    void explore_scenarioWhoseOnlyFindingIsADataRace_exits1WithDataRaceHeadlineAndJsonKind() throws IOException {
        Cli.Result r = Cli.run(dir, "explore", "--scenario", "tx-fault-recovery", "--json", "r.json");
        assertEquals(ExitCode.VIOLATION, r.code(), r.toString());
        assertTrue(r.out().startsWith("DATA RACE in tx-fault-recovery: data-race in "), r.out());
        JsonNode j = json(dir.resolve("r.json"));
        assertEquals("violation", j.get("verdict").asText());
        for (JsonNode v : j.get("violations")) {
            assertEquals("data-race", v.get("kind").asText(), v.get("message").asText());
        }
    }

    @Test
    void explore_ignoreDataRace_damageOnlyVerdictAndNoBugLine() {
        Cli.Result r = Cli.run(dir, "explore", "--scenario", "tx-fault-recovery", "--ignore", "data-race");
        assertEquals(ExitCode.OK, r.code(), r.toString());
        assertTrue(r.out().startsWith("NO VIOLATION"), r.out());
        assertTrue(r.out().lines().noneMatch(l -> l.strip().startsWith("BUG:")), "no BUG line under a NO VIOLATION headline:\n" + r.out());
        assertTrue(r.out().contains("not counted in the verdict"), r.out());
    }

    @Test
    void explore_cancelledBeforeTheFirstExecution_writesAPartialNonExhaustiveResult() throws IOException {
        Cancellation c = Cancellation.manual();
        c.request();
        Cli.Result r = Cli.run(dir, System::nanoTime, c, "explore", "--scenario", "unbind-cage", "--json", "r.json");
        assertEquals(ExitCode.INTERRUPTED, r.code(), r.toString());
        JsonNode j = json(dir.resolve("r.json"));
        assertFalse(j.get("exhaustive").asBoolean());
        assertEquals("interrupted", j.get("stopReason").asText());
        assertTrue(r.err().contains("interrupted"), r.err());
    }

    @Test
    void stress_interrupted_exits130AndSaysItStoppedEarly() throws IOException {
        Cancellation c = Cancellation.manual();
        c.request();
        Cli.Result r = Cli.run(dir, System::nanoTime, c, "explore", "--scenario", "unbind-cage", "--strategy", "stress",
                "--max-executions", "50", "--json", "s.json");
        assertEquals(ExitCode.INTERRUPTED, r.code(), r.toString());
        assertEquals("interrupted", json(dir.resolve("s.json")).get("stopReason").asText());
        assertTrue(r.out().contains("stopped early (Ctrl-C) after 0 of 50 runs"), r.out());
    }

    @Test
    void explore_timeLimitReached_stopsAndMarksTheResultNotExhaustive() throws IOException {
        AtomicLong now = new AtomicLong();
        // Every reading of the clock advances it by one second: the 2 s limit is hit after a few executions.
        Cli.Result r = Cli.run(dir, () -> now.addAndGet(1_000_000_000L), Cancellation.manual(),
                "explore", "--scenario", "module-hotplug", "--time-limit", "2s", "--json", "r.json");
        assertTrue(r.code() == ExitCode.OK || r.code() == ExitCode.VIOLATION, r.toString());
        JsonNode j = json(dir.resolve("r.json"));
        assertEquals("time-limit", j.get("stopReason").asText());
        assertFalse(j.get("exhaustive").asBoolean());
    }

    @Test
    void explore_notATerminal_printsPlainProgressLinesOnStderr() {
        Cli.Result r = Cli.run(dir, "explore", "--scenario", "phylink-create-under-rtnl");
        assertTrue(r.err().contains("whylock: dpor:") && r.err().contains("executions"), r.err());
    }

    @Test
    void explore_quiet_printsNothingOnStderrOrStdout() {
        Cli.Result r = Cli.run(dir, "explore", "--scenario", "phylink-create-under-rtnl", "--quiet");
        assertEquals("", r.err());
        assertEquals("", r.out());
    }

    @Test
    void explore_htmlAndTraceOut_writeBothFiles() throws IOException {
        Cli.Result r = Cli.run(dir, "explore", "--scenario", "phylink-create-under-rtnl", "--html", "r/report.html",
                "--trace-out", "r/trace.txt", "--quiet");
        assertEquals(ExitCode.VIOLATION, r.code(), r.toString());
        assertTrue(Files.readString(dir.resolve("r/report.html")).contains("<html"));
        assertTrue(Files.readString(dir.resolve("r/trace.txt")).contains("deadlock"));
    }

    @Test
    void explore_pctWithSeed_isReproducible() throws IOException {
        Cli.run(dir, "explore", "--scenario", "unbind-cage", "--strategy", "pct", "--seed", "7", "--max-executions", "20",
                "--json", "a.json", "--quiet");
        Cli.run(dir, "explore", "--scenario", "unbind-cage", "--strategy", "pct", "--seed", "7", "--max-executions", "20",
                "--json", "b.json", "--quiet");
        JsonNode a = json(dir.resolve("a.json"));
        JsonNode b = json(dir.resolve("b.json"));
        assertEquals(a.get("violations"), b.get("violations"));
        assertEquals(20, a.get("executions").asLong());
    }

    @Test
    void explore_stressStrategy_runsRealThreadsAndReportsRunsNotTraces() throws IOException {
        Cli.Result r = Cli.run(dir, "explore", "--scenario", "unbind-cage", "--strategy", "stress", "--max-executions", "20",
                "--json", "s.json");
        assertTrue(r.code() == ExitCode.OK || r.code() == ExitCode.VIOLATION, r.toString());
        JsonNode j = json(dir.resolve("s.json"));
        assertEquals("stress", j.get("strategy").asText());
        assertEquals(20, j.get("executions").asLong());
        assertFalse(j.get("exhaustive").asBoolean(), "stress never claims exhaustiveness");
        assertEquals(r.code() == ExitCode.VIOLATION, j.get("failedRuns").asLong() > 0);
        assertEquals(2, j.get("schemaVersion").asInt());
        Cli.Result report = Cli.run(dir, "report", "s.json");
        assertEquals(ExitCode.USAGE, report.code(), report.toString());
        assertTrue(report.err().contains("stress result records no trace"), report.err());
    }
}
