package dev.whylock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code whylock replay}: reproduces a saved counterexample, and refuses files that do not fit. */
class ReplayCommandTest {

    @TempDir
    Path dir;

    Path replay;
    String text;

    @BeforeEach
    void explore() throws IOException {
        Cli.Result r = Cli.run(dir, "explore", "--scenario", "phylink-create-under-rtnl", "--json", "out/result.json", "--quiet");
        assertEquals(ExitCode.VIOLATION, r.code(), r.toString());
        replay = dir.resolve("out/result.violation-1.replay");
        assertTrue(Files.exists(replay), "replay file beside the JSON file");
        text = Files.readString(replay);
    }

    private void assertRefused(Cli.Result r, String... fragments) {
        assertEquals(ExitCode.USAGE, r.code(), r.toString());
        assertFalse(r.err().contains("\tat "), r.toString());
        for (String f : fragments) {
            assertTrue(r.err().contains(f), "stderr lacks '" + f + "': " + r);
        }
    }

    @Test
    void replay_savedCounterexample_reproducesItStepByStepAndExits1() {
        Cli.Result r = Cli.run(dir, "replay", "out/result.violation-1.replay");
        assertEquals(ExitCode.VIOLATION, r.code(), r.toString());
        assertTrue(r.out().contains("reproduced: deadlock"), r.out());
        assertTrue(r.out().contains("dpaa2"), "prints the steps: " + r.out());
    }

    @Test
    void replay_truncatedFile_exits2SayingTruncated() throws IOException {
        Files.writeString(replay, text.substring(0, text.indexOf("decisions:")));
        assertRefused(Cli.run(dir, "replay", "out/result.violation-1.replay"), "result.violation-1.replay", "truncated");
    }

    @Test
    void replay_fileCutInTheMiddleOfTheSteps_exits2() throws IOException {
        Files.writeString(replay, text.substring(0, text.indexOf("step: ") + 20));
        assertRefused(Cli.run(dir, "replay", "out/result.violation-1.replay"), "truncated");
    }

    @Test
    void replay_corruptedDecisions_exits2() throws IOException {
        Files.writeString(replay, text.replaceFirst("decisions: (\\d+)", "decisions: x$1"));
        assertRefused(Cli.run(dir, "replay", "out/result.violation-1.replay"), "not a number");
    }

    @Test
    void replay_decisionsThatCannotBeFollowed_exits2SayingItDiverged() throws IOException {
        Files.writeString(replay, text.replaceFirst("decisions:[^\n]*", "decisions: 7 7 7"));
        assertRefused(Cli.run(dir, "replay", "out/result.violation-1.replay"), "diverged");
    }

    @Test
    void replay_editedStep_exits2NamingTheDivergingStep() throws IOException {
        List<String> lines = text.lines().toList();
        int last = lines.size() - 2;
        String edited = String.join("\n", lines.subList(0, last)) + "\nstep: dpaa2|write|no->such_field|nowhere\nend\n";
        Files.writeString(replay, edited);
        assertRefused(Cli.run(dir, "replay", "out/result.violation-1.replay"), "diverged at step", "no->such_field");
    }

    @Test
    void replay_fromAnotherModel_exits2NamingTheModel() throws IOException {
        Files.writeString(replay, text.replace("model: sfp-v5.14", "model: sfp-v9.9"));
        assertRefused(Cli.run(dir, "replay", "out/result.violation-1.replay"), "sfp-v9.9");
    }

    @Test
    void replay_fromAnotherWhylockVersion_exits2() throws IOException {
        Files.writeString(replay, text.replace("whylock: " + Version.VERSION, "whylock: 0.0.1"));
        assertRefused(Cli.run(dir, "replay", "out/result.violation-1.replay"), "0.0.1", "re-run");
    }

    @Test
    void replay_newerFormatVersion_exits2() throws IOException {
        Files.writeString(replay, text.replaceFirst("whylock-replay 1", "whylock-replay 2"));
        assertRefused(Cli.run(dir, "replay", "out/result.violation-1.replay"), "version 2");
    }

    @Test
    void replay_scenarioFile_isEmbeddedSoTheFileMayBeGone() throws IOException {
        Files.writeString(dir.resolve("race.yaml"), """
                model: sfp-v5.14
                name: my-race
                setup: [sfp_probe]
                threads:
                  dpaa2: [rtnl_lock, phylink_create, rtnl_unlock]
                """);
        Cli.Result r = Cli.run(dir, "explore", "--scenario", "race.yaml", "--quiet");
        assertEquals(ExitCode.VIOLATION, r.code(), r.toString());
        Files.delete(dir.resolve("race.yaml"));
        Cli.Result again = Cli.run(dir, "replay", ".whylock/my-race.violation-1.replay");
        assertEquals(ExitCode.VIOLATION, again.code(), again.toString());
    }
}
