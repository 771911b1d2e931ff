package dev.whylock.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input that was once silently accepted (issue 11): lock names, experiments that clash or never
 * run, units, names in other scripts. Each mistake exits 2 saying what to do and writes nothing.
 */
class StrictInputTest {

    @TempDir
    Path dir;

    private Cli.Result run(String... args) {
        return Cli.run(dir, args);
    }

    /** Exit 2, every fragment on stderr, no stack trace, and no file written in the working directory. */
    private void assertRefused(Cli.Result r, String... fragments) throws IOException {
        List<String> written;
        try (Stream<Path> files = Files.list(dir)) {
            written = files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".yaml")).toList();
        }
        assertAll(r.toString(),
                () -> assertEquals(ExitCode.USAGE, r.code()),
                () -> assertFalse(r.err().contains("\tat "), "stack trace"),
                () -> assertEquals(List.of(), written, "nothing written"),
                () -> {
                    for (String f : fragments) {
                        assertTrue(r.err().contains(f), "stderr lacks: " + f);
                    }
                });
    }

    @Test
    void replaceFlag_newLockTwoEditsFromAnExistingOne_exits2WithDidYouMean() throws IOException {
        assertRefused(run("explore", "--scenario", "unbind-cage", "--replace", "rtnl_mutex=sfp_mutx", "--json", "r.json"),
                "'sfp_mutx'", "did you mean 'sfp_mutex'?", "within 2 edits");
    }

    @Test
    void replaceFlag_genuinelyNewLock_isAcceptedAndNamedAsNewInTheHeader() throws IOException {
        Cli.Result r = run("explore", "--scenario", "unbind-cage", "--replace", "rtnl_mutex@sfp_unregister_socket=port_cfg_lock",
                "--json", "r.json");
        assertEquals(ExitCode.VIOLATION, r.code(), r.toString());
        assertTrue(r.out().lines().skip(1).findFirst().orElseThrow()
                .contains("replace rtnl_mutex@sfp_unregister_socket=port_cfg_lock (port_cfg_lock: a new lock class)"), r.out());
        assertEquals("port_cfg_lock", ExploreCommandTest.json(dir.resolve("r.json")).get("newLockClasses").get(0).asText());
    }

    @Test
    void replaceFlag_byAnExistingLock_isNotCalledNew() throws IOException {
        Cli.Result r = run("explore", "--scenario", "unbind-cage", "--replace", "rtnl_mutex@sfp_unregister_socket=sfp_mutex",
                "--json", "r.json", "--quiet");
        assertNotEquals(ExitCode.USAGE, r.code(), r.toString());
        assertFalse(ExploreCommandTest.json(dir.resolve("r.json")).has("newLockClasses"));
    }

    @Test
    void removeAndReplace_sameSite_exits2NamingBothFlags() throws IOException {
        assertRefused(run("explore", "--scenario", "unbind-cage", "--remove", "rtnl_mutex@sfp_remove,sfp_probe",
                "--replace", "rtnl_mutex@sfp_remove=new_lock"),
                "--remove rtnl_mutex@sfp_remove,sfp_probe and --replace rtnl_mutex@sfp_remove=new_lock", "in sfp_remove",
                "drop one of them");
    }

    @Test
    void removeEverywhere_andRemoveAtOneSite_exits2() throws IOException {
        assertRefused(run("explore", "--scenario", "unbind-cage", "--remove", "rtnl_mutex", "--remove", "rtnl@sfp_remove"),
                "both change rtnl_mutex in sfp_remove");
    }

    @Test
    void removeFlag_kernelSpellingRtnl_resolvesToRtnlMutex() {
        Cli.Result r = run("explore", "--scenario", "unbind-cage", "--remove", "rtnl@sfp_unregister_socket", "--quiet",
                "--json", "r.json");
        assertEquals(ExitCode.VIOLATION, r.code(), r.toString());
        assertTrue(Files.exists(dir.resolve("r.violation-1.replay")));
    }

    @Test
    void whyLock_kernelSpellingRtnl_asksAboutRtnlMutex() throws IOException {
        Cli.Result r = run("why", "rtnl", "--scenario", "unbind-cage", "--stress-runs", "0", "--max-executions", "20", "--quiet",
                "--json", "w.json");
        assertEquals(ExitCode.OK, r.code(), r.toString());
        assertEquals("rtnl_mutex", ExploreCommandTest.json(dir.resolve("w.json")).get("lock").asText());
    }

    @Test
    void whyLock_shortFieldName_suggestsTheQualifiedLockNotANearbyOne() throws IOException {
        Cli.Result r = run("why", "sm_mutex");
        assertRefused(r, "no lock 'sm_mutex'", "did you mean 'sfp->sm_mutex'?");
        assertFalse(r.err().contains("'sfp_mutex'?"), r.err());
    }

    @Test
    void lockName_cutAtArrowByTheShell_hintsToQuote() throws IOException {
        assertRefused(run("explore", "--scenario", "unbind-cage", "--remove", "sfp-"), "no lock 'sfp-'", "quote lock names",
                "'sfp->sm_mutex'");
        assertRefused(run("why", "pl-"), "quote lock names", "'pl->state_mutex'");
    }

    @Test
    void removeFlag_siteNoExecutionReaches_warnsAndSaysNeverReachedNotNoDamage() throws IOException {
        Cli.Result r = run("explore", "--scenario", "unbind-cage", "--remove", "rtnl_mutex@sfp_probe", "--json", "r.json");
        assertEquals(ExitCode.OK, r.code(), r.toString());
        assertTrue(r.err().contains("warning: remove rtnl_mutex@sfp_probe was never reached"), r.err());
        assertTrue(r.out().startsWith("NEVER REACHED in unbind-cage: no explored execution reached what remove "
                + "rtnl_mutex@sfp_probe changes"), r.out());
        JsonNode j = ExploreCommandTest.json(dir.resolve("r.json"));
        assertEquals("remove rtnl_mutex@sfp_probe", j.get("neverReached").get(0).asText());
    }

    @Test
    void removeFlag_oneReachedOneNot_marksOnlyTheOtherInTheHeader() {
        Cli.Result r = run("explore", "--scenario", "unbind-cage", "--remove", "rtnl_mutex@sfp_probe",
                "--remove", "rtnl_mutex@sfp_unregister_socket");
        assertEquals(ExitCode.VIOLATION, r.code(), r.toString());
        assertTrue(r.out().contains("experiments: remove rtnl_mutex@sfp_probe (never reached); remove "
                + "rtnl_mutex@sfp_unregister_socket, timing"), r.out());
    }

    @Test
    void timeLimit_numberWithoutUnit_isSeconds() {
        assertEquals(Duration.ofSeconds(30), new DurationConverter().convert("30"));
    }

    @Test
    void stress_saysPlainlyItsRunsAreNotReproducible() {
        Cli.Result r = run("explore", "--scenario", "unbind-cage", "--strategy", "stress", "--max-executions", "3");
        assertTrue(r.out().contains("NOT reproducible"), r.out());
        assertTrue(r.out().contains("--seed fixes only the model's own random choices"), r.out());
    }

    @Test
    void replayFiles_scenarioNamesInAnotherScript_stayApartAndReplayTheirOwnScenario() throws IOException {
        for (String name : List.of("竞争", "競爭")) {
            Files.writeString(dir.resolve(name + ".yaml"), "name: " + name + "\nsetup: [sfp_probe, mac_probe, module_plug, settle]\n"
                    + "threads:\n  解绑: [sfp_remove]\n  ip: [ndo_open]\n");
            Cli.Result r = run("explore", "--scenario", name + ".yaml", "--remove", "rtnl_mutex@sfp_unregister_socket");
            assertEquals(ExitCode.VIOLATION, r.code(), r.toString());
        }
        List<Path> firsts;
        try (Stream<Path> files = Files.list(dir.resolve(".whylock"))) {
            firsts = files.filter(p -> p.getFileName().toString().endsWith(".violation-1.replay")).sorted().toList();
        }
        assertEquals(2, firsts.size(), "one first replay file per scenario: " + firsts);
        List<String> replayed = new java.util.ArrayList<>();
        for (Path p : firsts) {
            assertTrue(p.getFileName().toString().matches("[A-Za-z0-9._-]+"), "an ASCII file name: " + p);
            Cli.Result replay = run("replay", dir.relativize(p).toString());
            assertEquals(ExitCode.VIOLATION, replay.code(), replay.toString());
            assertTrue(replay.out().contains("解绑"), "the thread name in the trace: " + replay.out());
            replayed.add(replay.out().contains("scenario 竞争,") ? "竞争" : replay.out().contains("scenario 競爭,") ? "競爭" : "?");
        }
        assertEquals(List.of("竞争", "競爭"), replayed.stream().sorted().toList(), "each file replays its own scenario");
    }
}
