package dev.whylock.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input exits 2 with one clear paragraph on stderr and no stack trace. */
class BadInputTest {

    @TempDir
    Path dir;

    private Cli.Result run(String... args) {
        return Cli.run(dir, args);
    }

    /** Exit 2, stderr names what is wrong (every fragment), nothing on stdout, no stack trace. */
    private static void assertUsage(Cli.Result r, String... fragments) {
        assertAll(r.toString(),
                () -> assertEquals(ExitCode.USAGE, r.code()),
                () -> assertFalse(r.err().contains("\tat "), "stack trace"),
                () -> assertFalse(r.err().contains("Exception"), "exception name"),
                () -> {
                    for (String f : fragments) {
                        assertTrue(r.err().contains(f), "stderr lacks: " + f);
                    }
                });
    }

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static final String GOOD = """
            model: sfp-v5.14
            name: t
            setup:
              - sfp_probe
            threads:
              dpaa2: [rtnl_lock, phylink_create, rtnl_unlock]
            check: all
            """;

    @Test
    void unknownCommand_typo_exits2AndSuggestsTheCommand() {
        assertUsage(run("explor", "--scenario", "unbind-cage"), "explor", "explore");
    }

    @Test
    void unknownFlag_onExplore_exits2NamingTheFlag() {
        assertUsage(run("explore", "--scenario", "unbind-cage", "--frobnicate"), "--frobnicate");
    }

    @Test
    void missingRequiredScenario_onExplore_exits2() {
        assertUsage(run("explore"), "--scenario");
    }

    @Test
    void scenarioFile_missing_exits2NamingTheFile() {
        assertUsage(run("explore", "--scenario", "nope/race.yaml"), "nope/race.yaml", "no such file");
    }

    @Test
    void scenarioFile_isADirectory_exits2() throws IOException {
        Files.createDirectories(dir.resolve("d.yaml"));
        assertUsage(run("explore", "--scenario", "d.yaml"), "d.yaml", "directory");
    }

    @Test
    void scenarioFile_malformedYaml_exits2WithLineAndColumn() throws IOException {
        file("bad.yaml", "model: sfp-v5.14\nthreads: [a, b\nsetup: x\n");
        Cli.Result r = run("explore", "--scenario", "bad.yaml");
        assertUsage(r, "bad.yaml:", "YAML");
        assertEquals(1, r.err().strip().lines().count(), "one paragraph: " + r.err());
    }

    @Test
    void scenarioFile_threadsOfWrongType_exits2SayingWhatWasExpected() throws IOException {
        file("t.yaml", "model: sfp-v5.14\nthreads: 5\n");
        assertUsage(run("explore", "--scenario", "t.yaml"), "t.yaml:2:", "threads");
    }

    @Test
    void scenarioFile_opTypo_exits2WithPositionAndDidYouMean() throws IOException {
        file("typo.yaml", GOOD.replace("  - sfp_probe", "  - sfp_prob"));
        assertUsage(run("explore", "--scenario", "typo.yaml"), "typo.yaml:4:", "sfp_prob", "did you mean 'sfp_probe'?");
    }

    @Test
    void scenarioFile_unknownInvariant_exits2() throws IOException {
        file("inv.yaml", GOOD.replace("check: all", "check: [no_such_invariant]"));
        assertUsage(run("explore", "--scenario", "inv.yaml"), "inv.yaml:", "no_such_invariant");
    }

    @Test
    void scenarioFile_unknownModelKey_exits2WithSuggestion() throws IOException {
        file("m.yaml", GOOD.replace("sfp-v5.14", "sfp-v5.41"));
        assertUsage(run("explore", "--scenario", "m.yaml"), "m.yaml:1:", "sfp-v5.41");
    }

    @Test
    void scenarioFile_backgroundContextTypo_exits2WithDidYouMean() throws IOException {
        file("bg.yaml", GOOD + "background: [sfp_tmeout]\n");
        assertUsage(run("explore", "--scenario", "bg.yaml"), "bg.yaml:8:", "sfp_tmeout", "did you mean 'sfp_timeout'?");
    }

    @Test
    void scenarioFile_moduleTypeTypo_exits2WithDidYouMean() throws IOException {
        file("mt.yaml", GOOD.replace("  - sfp_probe", "  - sfp_probe\n  - module_plug: {type: dac-pasive}"));
        assertUsage(run("explore", "--scenario", "mt.yaml"), "mt.yaml:5:", "dac-pasive", "did you mean 'dac-passive'?");
    }

    @Test
    void scenarioFile_unknownTopLevelKey_exits2WithDidYouMean() throws IOException {
        file("key.yaml", GOOD.replace("threads:", "thread:"));
        assertUsage(run("explore", "--scenario", "key.yaml"), "key.yaml:5:", "'thread'", "did you mean 'threads'?");
    }

    @Test
    void scenarioFile_notUtf8_exits2() throws IOException {
        Files.write(dir.resolve("bin.yaml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertUsage(run("explore", "--scenario", "bin.yaml"), "bin.yaml", "UTF-8");
    }

    @Test
    void seed_notANumber_exits2() {
        assertUsage(run("explore", "--scenario", "unbind-cage", "--seed", "lucky"), "--seed", "lucky");
    }

    @Test
    void preemptions_withRandomStrategy_exits2() {
        assertUsage(run("explore", "--scenario", "unbind-cage", "--strategy", "random", "--preemptions", "2"), "--preemptions");
    }

    @Test
    void replaceFlag_replacementNotALockName_exits2() {
        assertUsage(run("explore", "--scenario", "unbind-cage", "--replace", "rtnl_mutex=new lock"), "not a lock name");
    }

    @Test
    void builtinScenario_typo_exits2WithSuggestion() {
        assertUsage(run("explore", "--scenario", "unbind-cgae"), "unbind-cgae", "unbind-cage");
    }

    @Test
    void modelFlag_unknown_exits2WithSuggestion() {
        assertUsage(run("explore", "--scenario", "unbind-cage", "--model", "sfp-v6.6"), "--model", "sfp-v6.5");
    }

    @Test
    void removeFlag_unknownLock_exits2WithSuggestion() {
        assertUsage(run("explore", "--scenario", "unbind-cage", "--remove", "rtnl_mutx"), "--remove", "rtnl_mutx", "'rtnl_mutex'");
    }

    @Test
    void removeFlag_lockNotTakenInThatFunction_exits2ListingTheSites() {
        assertUsage(run("explore", "--scenario", "unbind-cage", "--remove", "rtnl_mutex@sfp_bus_add_upstrem"),
                "sfp_bus_add_upstrem", "did you mean 'sfp_bus_add_upstream'?");
    }

    @Test
    void replaceFlag_lockThatDoesNotExist_exits2() {
        assertUsage(run("explore", "--scenario", "unbind-cage", "--replace", "no_such_lock=other"), "--replace", "no_such_lock");
    }

    @Test
    void replaceFlag_withoutNewLock_exits2SayingTheForm() {
        assertUsage(run("explore", "--scenario", "unbind-cage", "--replace", "rtnl_mutex"), "--replace", "NEWLOCK");
    }

    @Test
    void strategyFlag_unknown_exits2WithSuggestion() {
        assertUsage(run("explore", "--scenario", "unbind-cage", "--strategy", "dpro"), "--strategy", "'dpor'");
    }

    @Test
    void maxExecutions_negative_exits2() {
        assertUsage(run("explore", "--scenario", "unbind-cage", "--max-executions", "-5"), "--max-executions", "positive");
    }

    @Test
    void maxExecutions_absurd_exits2() {
        assertUsage(run("explore", "--scenario", "unbind-cage", "--max-executions", "99999999999999"), "--max-executions", "at most");
    }

    @Test
    void maxExecutions_notANumber_exits2() {
        assertUsage(run("explore", "--scenario", "unbind-cage", "--max-executions", "lots"), "--max-executions", "lots");
    }

    @Test
    void preemptions_negative_exits2() {
        assertUsage(run("explore", "--scenario", "unbind-cage", "--preemptions", "-1"), "--preemptions");
    }

    @Test
    void timeLimit_withoutUnitSense_exits2() {
        assertUsage(run("explore", "--scenario", "unbind-cage", "--time-limit", "30x"), "--time-limit", "30x", "e.g. 30s");
    }

    @Test
    void timeLimit_absurd_exits2() {
        assertUsage(run("explore", "--scenario", "unbind-cage", "--time-limit", "400h"), "--time-limit", "7 days");
    }

    @Test
    void timing_unknown_exits2() {
        assertUsage(run("explore", "--scenario", "unbind-cage", "--timing", "realtime"), "--timing", "untimed");
    }

    @Test
    void listWhat_unknown_exits2WithSuggestion() {
        assertUsage(run("list", "lcoks"), "lcoks", "'locks'");
    }

    @Test
    void whyLock_unknown_exits2WithSuggestion() {
        assertUsage(run("why", "rtnl_mutx"), "rtnl_mutx", "'rtnl_mutex'");
    }

    @Test
    void jsonFlag_pointsAtADirectory_exits2BeforeExploring() throws IOException {
        Files.createDirectories(dir.resolve("out"));
        assertUsage(run("explore", "--scenario", "unbind-cage", "--json", "out"), "--json", "directory");
    }

    @Test
    void workingDirectory_readOnlyWithoutJson_exits2BeforeExploring() throws IOException {
        Path ro = Files.createDirectories(dir.resolve("ro"));
        assertTrue(ro.toFile().setWritable(false, false));
        try {
            Assumptions.assumeFalse(Files.isWritable(ro), "running as a user who may write anyway (root)");
            Cli.Result r = Cli.run(ro, "explore", "--scenario", "unbind-cage");
            assertUsage(r, ".whylock", "--json");
        } finally {
            ro.toFile().setWritable(true, false);
        }
    }

    @Test
    void replay_missingFile_exits2() {
        assertUsage(run("replay", "gone.replay"), "gone.replay", "no such file");
    }

    @Test
    void replay_notAReplayFile_exits2() throws IOException {
        file("x.replay", "hello\n");
        assertUsage(run("replay", "x.replay"), "x.replay", "not a whylock replay file");
    }
}
