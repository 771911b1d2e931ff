package dev.whylock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import dev.whylock.engine.search.Ticker;
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
        assertTrue(r.out().startsWith("rtnl_mutex is NECESSARY"), r.out());
        JsonNode j = ExploreCommandTest.json(dir.resolve("why.json"));
        assertEquals("rtnl_mutex", j.get("lock").asText());
        assertEquals("sfp-v5.14", j.get("model").asText());
        assertFalse(j.get("interrupted").asBoolean());
        boolean anyNecessary = false;
        for (JsonNode s : j.get("siteVerdicts")) {
            if (s.get("necessity").asText().equals("necessary")) {
                anyNecessary = true;
                String key = s.get("experiment").asText() + " | " + s.get("scenario").asText() + " | "
                        + s.get("counterexample").get("kind").asText() + ": " + s.get("counterexample").get("message").asText();
                String replay = j.get("replays").get(key).asText();
                assertTrue(Files.exists(dir.resolve(replay)), "replay of " + s.get("site") + ": " + replay);
            }
        }
        assertTrue(anyNecessary, "removing rtnl_mutex breaks unbind-cage: " + r.out());
    }

    @Test
    void why_workers_sameReportAndReplayFilesForOneAndThreeWorkers() throws IOException {
        // Frozen clock: elapsed times are 0, so the files must be byte-identical. Three scenarios, so
        // that a site verdict's later scenarios start before the first one's break is known.
        String[] scenarios = {"--scenario", "unbind-cage", "--scenario", "module-phy-vs-ethtool-phydev", "--scenario", "link-los"};
        Cli.Result[] runs = new Cli.Result[2];
        String[] workers = {"1", "3"};
        for (int i = 0; i < 2; i++) {
            Path d = Files.createDirectories(dir.resolve("w" + workers[i]));
            List<String> args = new java.util.ArrayList<>(List.of("why", "rtnl_mutex", "--stress-runs", "0", "--json", "why.json",
                    "--workers", workers[i]));
            args.addAll(List.of(scenarios));
            runs[i] = Cli.run(d, Ticker.FROZEN, Cancellation.manual(), args.toArray(String[]::new));
            assertEquals(ExitCode.OK, runs[i].code(), runs[i].toString());
        }
        assertEquals(runs[0].out(), runs[1].out());
        assertTrue(runs[0].out().contains("NECESSARY"), runs[0].out());
        List<String> files;
        try (var s = Files.list(dir.resolve("w1"))) {
            files = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        try (var s = Files.list(dir.resolve("w3"))) {
            assertEquals(files, s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertTrue(files.size() > 2, "the report and its replay files: " + files);
        for (String f : files) {
            assertEquals(Files.readString(dir.resolve("w1").resolve(f)), Files.readString(dir.resolve("w3").resolve(f)), f);
        }
    }

    @Test
    void why_workersOutOfRange_isBadInput() {
        Cli.Result r = Cli.run(dir, "why", "rtnl_mutex", "--workers", "0");
        assertEquals(ExitCode.USAGE, r.code(), r.toString());
        assertTrue(r.err().contains("--workers 0: expected a number from 1 to 256"), r.err());
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
    void why_interrupted_writesThePartialReportUndecidedAndExits130() throws IOException {
        Cancellation c = Cancellation.manual();
        c.request();
        Cli.Result r = Cli.run(dir, System::nanoTime, c, "why", "rtnl_mutex", "--scenario", "unbind-cage", "--json", "w.json");
        assertEquals(ExitCode.INTERRUPTED, r.code(), r.toString());
        assertTrue(r.out().contains("UNDECIDED") && r.out().contains("INTERRUPTED"), r.out());
        assertFalse(r.out().contains("SAFE"), "nothing unfinished is called safe: " + r.out());
        JsonNode j = ExploreCommandTest.json(dir.resolve("w.json"));
        assertEquals("undecided", j.get("verdict").asText());
        assertTrue(j.get("interrupted").asBoolean());
    }

    @Test
    void why_ignoreDataRace_acceptedAndOtherKindsRefused() {
        Cli.Result bad = Cli.run(dir, "why", "rtnl_mutex", "--scenario", "unbind-cage", "--ignore", "deadlock");
        assertEquals(ExitCode.USAGE, bad.code(), bad.toString());
        Cli.Result typo = Cli.run(dir, "why", "rtnl_mutex", "--scenario", "unbind-cage", "--ignore", "data-rase");
        assertEquals(ExitCode.USAGE, typo.code(), typo.toString());
        assertTrue(typo.err().contains("did you mean 'data-race'"), typo.err());
    }

    @Test
    void why_shortByDefault_fullOnRequest_sameVerdictOnTheLastLine() {
        Cli.Result shortRun = Cli.run(dir, "why", "rtnl_mutex", "--scenario", "unbind-cage", "--stress-runs", "0");
        Cli.Result full = Cli.run(dir, "why", "rtnl_mutex", "--scenario", "unbind-cage", "--stress-runs", "0", "--full");
        List<String> lines = shortRun.out().lines().toList();
        assertTrue(lines.size() <= 60, shortRun.out());
        assertEquals(lines.get(0), lines.get(lines.size() - 1), "the verdict is repeated on the last line");
        assertTrue(full.out().contains("7. Suggested annotations"), full.out());
        assertFalse(shortRun.out().contains("7. Suggested annotations"));
        assertTrue(full.out().startsWith(lines.get(0)), "both start with the same verdict");
    }

    @Test
    void why_scenarioFilesOfDifferentModels_exits2AskingForModel() throws IOException {
        String yaml = "model: %s\nname: %s\nsetup: [sfp_probe]\nthreads:\n  unbind: [sfp_remove]\n";
        Files.writeString(dir.resolve("a.yaml"), yaml.formatted("sfp-v5.14", "a"));
        Files.writeString(dir.resolve("b.yaml"), yaml.formatted("sfp-v6.5", "b"));
        Cli.Result r = Cli.run(dir, "why", "rtnl_mutex", "--scenario", "a.yaml", "--scenario", "b.yaml");
        assertEquals(ExitCode.USAGE, r.code(), r.toString());
        assertTrue(r.err().contains("--model"), r.err());
    }

    @Test
    void why_scenarioFileModel_isUsedWithoutModelFlag() throws IOException {
        Files.writeString(dir.resolve("b.yaml"), "model: sfp-v6.5\nname: b\nsetup: [sfp_probe]\nthreads:\n  unbind: [sfp_remove]\n");
        Cli.Result r = Cli.run(dir, "why", "rtnl_mutex", "--scenario", "b.yaml", "--stress-runs", "0", "--json", "w.json", "--quiet");
        assertEquals(ExitCode.OK, r.code(), r.toString());
        assertEquals("sfp-v6.5", ExploreCommandTest.json(dir.resolve("w.json")).get("model").asText());
    }

    @Test
    void why_replaceFlag_reportsTheReplacementOutcome() throws IOException {
        Cli.Result r = Cli.run(dir, "why", "rtnl_mutex", "--scenario", "unbind-cage", "--replace", "rtnl_mutex=sfp_bus->lock",
                "--stress-runs", "0", "--json", "w.json", "--quiet");
        assertEquals(ExitCode.OK, r.code(), r.toString());
        JsonNode rep = ExploreCommandTest.json(dir.resolve("w.json")).get("replacements");
        assertEquals(1, rep.size(), rep.toString());
        assertEquals("replace rtnl_mutex=sfp_bus->lock", rep.get(0).get("experiment").asText());
    }

    @Test
    void why_withoutReplaceFlag_runsTheModelsSuggestedReplacements() throws IOException {
        Cli.Result r = Cli.run(dir, "why", "rtnl_mutex", "--scenario", "unbind-cage", "--stress-runs", "0", "--json", "w.json",
                "--quiet");
        assertEquals(ExitCode.OK, r.code(), r.toString());
        JsonNode rep = ExploreCommandTest.json(dir.resolve("w.json")).get("replacements");
        java.util.List<String> suggested = dev.whylock.linux.model.Models.get("sfp-v5.14").suggestedReplacements("rtnl_mutex");
        assertEquals(suggested.size(), rep.size(), rep.toString());
        assertTrue(rep.get(0).get("experiment").asText().endsWith("=sfp_bus->lock"), rep.toString());
    }
}
