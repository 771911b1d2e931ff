package dev.whylock.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whylock.examples.LostUpdate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line on compiled Java programs: explore, lockset, why, list and replay with --java, and bad input. */
class JavaCommandTest {

    @TempDir
    Path dir;

    static String examples() {
        return classPathOf(LostUpdate.class);
    }

    static String classPathOf(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Cli.Result run(String... args) {
        return Cli.run(dir, args);
    }

    private static void assertUsage(Cli.Result r, String... fragments) {
        assertAll(r.toString(),
                () -> assertEquals(ExitCode.USAGE, r.code()),
                () -> assertFalse(r.err().contains("\tat "), "stack trace"),
                () -> assertTrue(r.out().isEmpty(), "nothing on stdout"),
                () -> {
                    for (String f : fragments) {
                        assertTrue(r.err().contains(f), "stderr lacks: " + f);
                    }
                });
    }

    @Test
    void explore_lostUpdate_findsTheAssertionAndTheRace_andTheReplayReproducesIt() throws Exception {
        Cli.Result r = run("explore", "--java", "dev.whylock.examples.LostUpdate", "--class-path", examples(), "--json", "out.json");
        assertEquals(ExitCode.VIOLATION, r.code(), r.toString());
        assertTrue(r.out().startsWith("VIOLATION exception in dev.whylock.examples.LostUpdate: uncaught java.lang.AssertionError: "
                + "counter is 1, expected 2 in task main"), r.out());
        assertTrue(r.out().contains("Java program dev.whylock.examples.LostUpdate"), r.out());
        assertTrue(r.out().contains("LostUpdate.increment:8: read"), r.out());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("out.json").toFile());
        assertEquals("java", json.get("model").asText());
        assertTrue(json.get("exhaustive").asBoolean());
        assertEquals(List.of("exception", "data-race", "data-race"), Stream.of(json.get("violations")).flatMap(v -> {
            List<String> kinds = new java.util.ArrayList<>();
            v.forEach(x -> kinds.add(x.get("kind").asText()));
            return kinds.stream();
        }).toList());
        Cli.Result replay = run("replay", json.get("violations").get(0).get("replay").asText());
        assertEquals(ExitCode.VIOLATION, replay.code(), replay.toString());
        assertTrue(replay.out().contains("reproduced: exception: uncaught java.lang.AssertionError: counter is 1"), replay.out());
    }

    @Test
    void explore_ifGuardedWait_isCleanWithoutSpuriousWakeups_foundWithThem_andTheReplayKeepsTheOption() throws Exception {
        String cp = classPathOf(clitest.IfWait.class);
        Cli.Result clean = run("explore", "--java", "clitest.IfWait", "--class-path", cp);
        assertEquals(ExitCode.OK, clean.code(), clean.toString());
        Cli.Result found = run("explore", "--java", "clitest.IfWait", "--class-path", cp, "--spurious-wakeups", "1", "--json", "sw.json");
        assertEquals(ExitCode.VIOLATION, found.code(), found.toString());
        assertTrue(found.out().startsWith("VIOLATION exception in clitest.IfWait: uncaught java.lang.AssertionError: woke up before ready"),
                found.out());
        assertTrue(found.out().contains("spurious wake-up"), found.out());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("sw.json").toFile());
        String file = json.get("violations").get(0).get("replay").asText();
        assertTrue(Files.readString(dir.resolve(file)).contains("spurious-wakeups: 1"), Files.readString(dir.resolve(file)));
        Cli.Result replay = run("replay", file);
        assertEquals(ExitCode.VIOLATION, replay.code(), replay.toString());
        assertTrue(replay.out().contains("reproduced: exception: uncaught java.lang.AssertionError: woke up before ready"), replay.out());
        assertUsage(run("explore", "--java", "clitest.IfWait", "--class-path", cp, "--spurious-wakeups", "-1"), "--spurious-wakeups must be 0 or more");
        assertUsage(run("explore", "--scenario", "unbind-cage", "--spurious-wakeups", "1"), "--spurious-wakeups applies to --java");
    }

    @Test
    void explore_counterAsWritten_hasNoViolation_butWithoutItsMonitorInIncrement_losesAnUpdate() {
        Cli.Result ok = run("explore", "--java", "dev.whylock.examples.Counter", "--class-path", examples());
        assertEquals(ExitCode.OK, ok.code(), ok.toString());
        assertTrue(ok.out().startsWith("NO VIOLATION in dev.whylock.examples.Counter: none of the 2 distinct interleavings fails"), ok.out());
        Cli.Result removed = run("explore", "--java", "dev.whylock.examples.Counter", "--class-path", examples(),
                "--remove", "Counter.this@Counter.increment");
        assertEquals(ExitCode.VIOLATION, removed.code(), removed.toString());
        assertTrue(removed.out().contains("experiments: remove dev.whylock.examples.Counter.this@Counter.increment:8"), removed.out());
        assertTrue(removed.out().contains("count is 1, expected 2"), removed.out());
    }

    @Test
    void lockset_counter_showsTheFieldProtectedByTheMonitor() {
        Cli.Result r = run("lockset", "--java", "dev.whylock.examples.Counter", "--class-path", examples());
        assertEquals(ExitCode.OK, r.code(), r.toString());
        assertTrue(r.out().lines().anyMatch(l -> l.contains("Counter.count") && l.contains("dev.whylock.examples.Counter.this")), r.out());
    }

    @Test
    void why_transfers_findsTheAccountMonitorNecessaryInMove() {
        Cli.Result r = run("why", "Account.this", "--java", "dev.whylock.examples.Transfers", "--class-path", examples());
        assertEquals(ExitCode.OK, r.code(), r.toString());
        assertTrue(r.out().startsWith("dev.whylock.examples.Transfers.Account.this is NECESSARY"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.contains("NECESSARY") && l.contains("Transfers.move:21")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.contains("NOT NEEDED") && l.contains("Transfers.Account.balance:16")), r.out());
    }

    @Test
    void listLocks_java_namesEachLockWithItsSites() {
        Cli.Result r = run("list", "locks", "--java", "dev.whylock.examples.DeadlockLocks", "--class-path", examples());
        assertEquals(ExitCode.OK, r.code(), r.toString());
        assertEquals(List.of("dev.whylock.examples.DeadlockLocks.a   taken in 2 sites: DeadlockLocks.both:11, DeadlockLocks.both:13",
                "dev.whylock.examples.DeadlockLocks.b   taken in 2 sites: DeadlockLocks.both:11, DeadlockLocks.both:13"), r.out().lines().toList());
    }

    @Test
    void explore_programDoingIo_isNotExhaustive_andSaysWhatWasNotControlled() throws Exception {
        Cli.Result r = run("explore", "--java", "clitest.UsesUnmodelled#io", "--class-path", classPathOf(clitest.UsesUnmodelled.class),
                "--json", "io.json", "--ignore", "data-race");
        assertEquals(ExitCode.OK, r.code(), r.toString());
        assertTrue(r.out().contains("Not controlled ("), r.out());
        assertTrue(r.out().contains("I/O (java.nio.file.Files.exists) at UsesUnmodelled.io:15"), r.out());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("io.json").toFile());
        assertFalse(json.get("exhaustive").asBoolean());
        assertEquals("I/O (java.nio.file.Files.exists) at UsesUnmodelled.io:15", json.get("notControlled").get(0).asText());
    }

    @Test
    void explore_unmodelledSynchronizer_stopsThereWithoutAViolation_andSaysSo() {
        Cli.Result r = run("explore", "--java", "clitest.UsesUnmodelled#stamped", "--class-path", classPathOf(clitest.UsesUnmodelled.class));
        assertEquals(ExitCode.OK, r.code(), r.toString());
        assertTrue(r.out().contains("java.util.concurrent.LinkedTransferQueue.offer at UsesUnmodelled.stamped:25 (not modelled by whylock yet)"),
                r.out());
        assertTrue(r.out().contains("exhaustive  no"), r.out());
    }

    @Test
    void badJavaInput_exitsTwoWithAMessage() throws Exception {
        String cp = examples();
        assertUsage(run("explore", "--java", "dev.whylock.examples.NoSuchClass", "--class-path", cp), "no class dev.whylock.examples.NoSuchClass");
        assertUsage(run("explore", "--java", "dev.whylock.examples.LostUpdate"), "needs --class-path");
        assertUsage(run("explore", "--java", "dev.whylock.examples.LostUpdate", "--class-path", dir.resolve("nowhere").toString()),
                "does not exist");
        Files.writeString(dir.resolve("notes.txt"), "x");
        assertUsage(run("explore", "--java", "dev.whylock.examples.LostUpdate", "--class-path", dir.resolve("notes.txt").toString()),
                "neither a directory nor a jar");
        assertUsage(run("explore", "--java", "dev.whylock.examples.LostUpdate#nope", "--class-path", cp), "has no method 'nope'");
        assertUsage(run("explore", "--java", "clitest.UsesUnmodelled#withArgument", "--class-path", classPathOf(clitest.UsesUnmodelled.class)),
                "takes arguments");
        assertUsage(run("explore", "--java", "dev/whylock/examples/LostUpdate.class", "--class-path", cp), "is not a class name");
        assertUsage(run("explore", "--java", "dev.whylock.examples.LostUpdate", "--class-path", cp, "--scenario", "unbind-cage"),
                "--scenario and --java");
        assertUsage(run("explore", "--class-path", cp), "--class-path applies to --java");
        assertUsage(run("explore"), "--scenario S", "--java CLASS");
        assertUsage(run("explore", "--java", "dev.whylock.examples.LostUpdate", "--class-path", cp, "--strategy", "stress"), "stress");
        assertUsage(run("explore", "--java", "dev.whylock.examples.Counter", "--class-path", cp, "--remove", "Counter.that"),
                "no lock 'Counter.that'", "dev.whylock.examples.Counter.this");
        assertUsage(run("explore", "--java", "dev.whylock.examples.Counter", "--class-path", cp, "--remove", "Counter.this@Counter.decrement"),
                "is not taken in 'Counter.decrement'", "Counter.increment:8");
        assertUsage(run("list", "ops", "--java", "dev.whylock.examples.Counter", "--class-path", cp), "locks and sites");
    }
}
