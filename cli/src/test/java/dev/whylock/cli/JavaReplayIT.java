package dev.whylock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Java counterexample found in one JVM replays in another: identity hash codes, thread names and
 * seeds are drawn deterministically, so a program whose outcome depends on HashSet order of
 * identity-hashed objects follows the recorded steps exactly.
 */
class JavaReplayIT {

    @TempDir
    Path dir;

    @Test
    void counterexampleFoundInOneJvm_replaysInAnother() throws Exception {
        String cp = JavaCommandTest.classPathOf(clitest.HashOrder.class);
        WhylockProcess explore = WhylockProcess.start(dir, "explore", "--java", "clitest.HashOrder", "--class-path", cp, "--json", "r.json",
                "--ignore", "data-race");
        assertEquals(ExitCode.VIOLATION, explore.waitFor(120), explore.out() + explore.err());
        List<Path> replays;
        try (var s = Files.list(dir)) {
            replays = s.filter(p -> p.toString().endsWith(".replay")).toList();
        }
        assertEquals(1, replays.size());
        String steps = Files.readString(replays.get(0));
        assertTrue(steps.contains("HashOrder.last"), steps);
        WhylockProcess replay = WhylockProcess.start(dir, "replay", replays.get(0).getFileName().toString());
        assertEquals(ExitCode.VIOLATION, replay.waitFor(120), replay.out() + replay.err());
        assertTrue(replay.out().contains("reproduced: exception: uncaught java.lang.AssertionError: saw the first item"), replay.out());
    }
}
