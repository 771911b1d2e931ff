package dev.whylock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --timing timed} and {@code timing: timed}: the mode, its virtual time in every output, replay, strict input. */
class TimedCommandTest {

    @TempDir
    Path dir;

    @Test
    void explore_scenarioWrittenForTimed_runsTimedAndIsClean() {
        Cli.Result r = Cli.run(dir, "explore", "--scenario", "cage-probe-after-mac");
        assertEquals(ExitCode.OK, r.code(), r.toString());
        assertTrue(r.out().contains("timing timed"), r.out());
    }

    @Test
    void explore_timingFlag_overridesTheScenarioAndUntimedFindsTheWindow() {
        Cli.Result r = Cli.run(dir, "explore", "--scenario", "cage-probe-after-mac", "--timing", "untimed");
        assertEquals(ExitCode.VIOLATION, r.code(), r.toString());
        assertTrue(r.out().contains("timing untimed"), r.out());
        assertTrue(r.out().contains("NULL pointer dereference of sfp->sfp_bus"), r.out());
        assertFalse(r.out().contains("t=0ms"), "no virtual time outside the timed mode: " + r.out());
    }

    @Test
    void explore_rtnlBusy_timedCounterexampleShowsVirtualTimeInTextJsonAndHtmlAndReplays() throws IOException {
        Cli.Result r = Cli.run(dir, "explore", "--scenario", "cage-probe-after-mac-rtnl-busy", "--json", "out/r.json",
                "--html", "out/r.html");
        assertEquals(ExitCode.VIOLATION, r.code(), r.toString());
        assertTrue(r.out().contains("NULL pointer dereference of sfp->sfp_bus in cage"), r.out());
        assertTrue(r.out().contains("| time "), "a time column: " + r.out());
        assertTrue(r.out().contains("-- time passes: t=300ms --"), r.out());
        JsonNode j = ExploreCommandTest.json(dir.resolve("out/r.json"));
        assertEquals("timed", j.get("timing").asText());
        JsonNode v = j.get("violations").get(0);
        long withTime = 0;
        for (JsonNode step : v.get("trace")) {
            withTime += step.has("time") ? 1 : 0;
        }
        assertEquals(v.get("trace").size(), withTime, "every step carries its virtual time");
        assertTrue(Files.readString(dir.resolve("out/r.html")).contains("t=300ms"));
        String replay = Files.readString(dir.resolve(v.get("replay").asText()));
        assertTrue(replay.contains("timing: timed"), replay);
        Cli.Result again = Cli.run(dir, "replay", v.get("replay").asText());
        assertEquals(ExitCode.VIOLATION, again.code(), again.toString());
        assertTrue(again.out().contains("timing timed"), again.out());
        assertTrue(again.out().contains("reproduced: null-dereference"), again.out());
        assertTrue(again.out().contains("t=300ms"), again.out());
    }

    @Test
    void replay_timedFileReplayedUntimed_divergesAndExits2() throws IOException {
        Cli.Result r = Cli.run(dir, "explore", "--scenario", "cage-probe-after-mac-rtnl-busy", "--json", "r.json", "--quiet");
        assertEquals(ExitCode.VIOLATION, r.code(), r.toString());
        Path replay = dir.resolve("r.violation-1.replay");
        Files.writeString(replay, Files.readString(replay).replace("timing: timed", "timing: untimed"));
        Cli.Result again = Cli.run(dir, "replay", "r.violation-1.replay");
        assertEquals(ExitCode.USAGE, again.code(), again.toString());
        Files.writeString(replay, Files.readString(replay).replace("timing: untimed", "timing: later"));
        again = Cli.run(dir, "replay", "r.violation-1.replay");
        assertEquals(ExitCode.USAGE, again.code(), again.toString());
        assertTrue(again.err().contains("header 'timing' is 'later'; expected one of: untimed, ordered, timed"), again.toString());
    }

    @Test
    void explore_unknownTiming_exits2NamingTheChoices() {
        Cli.Result r = Cli.run(dir, "explore", "--scenario", "unbind-cage", "--timing", "timd");
        assertEquals(ExitCode.USAGE, r.code(), r.toString());
        assertTrue(r.err().contains("--timing timd: unknown value; did you mean 'timed'? (expected one of: untimed, ordered, timed)"),
                r.toString());
        assertEquals("", r.out());
    }

    @Test
    void explore_scenarioFileWithUnknownTiming_exits2WithLineAndChoices() throws IOException {
        Files.writeString(dir.resolve("s.yaml"), "model: sfp-v5.14\nsetup: [sfp_probe]\ntiming: realtime\n");
        Cli.Result r = Cli.run(dir, "explore", "--scenario", "s.yaml");
        assertEquals(ExitCode.USAGE, r.code(), r.toString());
        assertTrue(r.err().contains("s.yaml:3:9: unknown timing 'realtime'"), r.toString());
        assertTrue(r.err().contains("(expected one of: untimed, ordered, timed)"), r.toString());
    }

    @Test
    void lockset_timingFlag_isRecordedInTheJson() throws IOException {
        Cli.Result r = Cli.run(dir, "lockset", "--scenario", "cage-probe-after-mac", "--timing", "timed", "--json", "l.json", "--quiet");
        assertEquals(ExitCode.OK, r.code(), r.toString());
        assertEquals("timed", ExploreCommandTest.json(dir.resolve("l.json")).get("timing").asText());
    }

    @Test
    void why_scenarioWrittenForTimed_runsTimedAndSaysSo() throws IOException {
        Cli.Result r = Cli.run(dir, "why", "rtnl_mutex", "--scenario", "cage-probe-after-mac-rtnl-busy", "--stress-runs", "0",
                "--json", "w.json");
        assertEquals(ExitCode.OK, r.code(), r.toString());
        assertTrue(r.out().contains("model sfp-v5.14, timing timed, 1 scenario"), r.out());
        JsonNode j = ExploreCommandTest.json(dir.resolve("w.json"));
        assertEquals("timed", j.get("timing").asText());
        boolean timedReplay = false;
        for (JsonNode p : j.get("replays")) {
            timedReplay |= Files.readString(dir.resolve(p.asText())).contains("timing: timed");
        }
        assertTrue(timedReplay, "the replay files record the timed mode: " + j.get("replays"));
    }

    @Test
    void why_scenariosWrittenForDifferentTimings_exits2AskingForTiming() throws IOException {
        Files.writeString(dir.resolve("u.yaml"), "model: sfp-v5.14\nname: u\nsetup: [sfp_probe]\ntiming: ordered\n");
        Cli.Result r = Cli.run(dir, "why", "rtnl_mutex", "--scenario", "cage-probe-after-mac", "--scenario", "u.yaml");
        assertEquals(ExitCode.USAGE, r.code(), r.toString());
        assertTrue(r.err().contains("pass --timing to choose it"), r.toString());
    }
}
