package dev.whylock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code why --java} on the real-world-shaped examples: verdicts per site and execution counts
 * pinned as data, lock experiments that keep wait/notify meaningful, the stress comparison on
 * real threads, and the @GuardedBy check, suggestions and patch.
 */
class JavaWhyTest {

    static final String PKG = "dev.whylock.examples.realworld.";

    @TempDir
    Path dir;

    private Cli.Result run(String... args) {
        return Cli.run(dir, args);
    }

    private JsonNode why(String cls, String lock, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("why", lock, "--java", cls, "--class-path", JavaCommandTest.examples(), "--json", "why.json",
                "-q"));
        args.addAll(List.of(more));
        Cli.Result r = run(args.toArray(String[]::new));
        assertEquals(ExitCode.OK, r.code(), r.toString());
        return new ObjectMapper().readTree(dir.resolve("why.json").toFile());
    }

    /**
     * Example, lock, overall verdict, executions of the whole inquiry, damage as written, per site: necessity/executions.
     * (The counts moved when the runtime went from its interim primitives to the engine's: BoundedBuffer 38 -> 39,
     * StartupSignal 12 -> 13, ConnectionPool 78 -> 70; every verdict stayed.)
     */
    static Stream<Arguments> pinned() {
        return Stream.of(
                Arguments.of("AccountTransfer", "AccountTransfer.Account.lock", "necessary", 33, "deadlock",
                        "AccountTransfer.Account.balance:21=not-needed-within-bound/3 AccountTransfer.transfer:28=necessary/9 "
                                + "AccountTransfer.transfer:29=necessary/9 *=necessary/9"),
                Arguments.of("LazyCache", "LazyCache.this", "racy", 38, "exception",
                        "LazyCache.get:25=not-needed-within-bound/6 LazyCache.load:33=racy/10 LazyCache.loads:40=not-needed-within-bound/6 *=racy/10"),
                Arguments.of("BoundedBuffer", "BoundedBuffer.lock", "necessary", 39, "",
                        "BoundedBuffer.put:25=necessary/2 BoundedBuffer.take:40=necessary/3 *=necessary/2"),
                Arguments.of("StartupSignal", "StartupSignal.monitor", "not-needed-within-bound", 13, "deadlock",
                        "StartupSignal.awaitStarted:15=not-needed-within-bound/4 StartupSignal.markStarted:23=not-needed-within-bound/3 "
                                + "*=not-needed-within-bound/3"),
                Arguments.of("ExecutorCounter", "ExecutorCounter.Stats.this", "necessary", 8, "",
                        "ExecutorCounter.Stats.record:18=necessary/2 ExecutorCounter.Stats.views:22=not-needed-within-bound/2 *=necessary/2"),
                Arguments.of("ConnectionPool", "ConnectionPool.lock", "not-needed-within-bound", 70, "exception",
                        "ConnectionPool.borrow:17=not-needed-within-bound/14 ConnectionPool.free:33=not-needed-within-bound/18 "
                                + "ConnectionPool.release:26=not-needed-within-bound/10 *=not-needed-within-bound/10"),
                Arguments.of("ListenerList", "ListenerList.fireLock", "not-needed-within-bound", 15, "exception",
                        "ListenerList.fire:42=not-needed-within-bound/5 *=not-needed-within-bound/5"),
                // a Vector's own monitor: the client's block is needed, the vector's calls inside it are not
                Arguments.of("JobQueue", "JobQueue.jobs", "necessary", 12, "",
                        "JobQueue.main:30=not-needed-within-bound/2 JobQueue.submitOnce:15=necessary/2 "
                                + "JobQueue.submitOnce:16=not-needed-within-bound/2 JobQueue.submitOnce:17=not-needed-within-bound/2 *=necessary/2"));
    }

    @ParameterizedTest
    @MethodSource("pinned")
    void why_realWorldExample_givesThePinnedVerdictsAndExecutions(String example, String lock, String verdict, int executions,
            String damage, String sites) throws IOException {
        JsonNode w = why(PKG + example, lock, "--stress-runs", "0");
        assertEquals(verdict, w.get("verdict").asText());
        assertEquals(executions, w.get("executions").asInt());
        Set<String> kinds = new TreeSet<>();
        w.get("baselines").forEach(b -> b.get("damage").forEach(d -> kinds.add(d.get("kind").asText())));
        assertEquals(damage, String.join(",", kinds));
        List<String> got = new ArrayList<>();
        w.get("siteVerdicts").forEach(v -> got.add(v.get("site").asText() + "=" + v.get("necessity").asText() + "/" + v.get("executions").asInt()));
        JsonNode all = w.get("allSites");
        got.add(all.get("site").asText() + "=" + all.get("necessity").asText() + "/" + all.get("executions").asInt());
        assertEquals(sites, String.join(" ", got));
        w.get("siteVerdicts").forEach(v -> {
            if (v.has("counterexample")) {
                assertFalse(v.get("counterexample").get("message").asText().contains("IllegalMonitorState"), v.toString());
            }
        });
    }

    /** A ReentrantReadWriteLock: its read-lock and write-lock sites are both sites of the lock, each necessary. */
    @Test
    void why_readWriteLock_judgesTheReadAndTheWriteSites() throws IOException {
        String cp = JavaCommandTest.classPathOf(clitest.RwPair.class);
        Cli.Result sites = run("list", "sites", "--java", "clitest.RwPair", "--class-path", cp);
        assertEquals(ExitCode.OK, sites.code(), sites.toString());
        assertEquals("clitest.RwPair.rw@RwPair.check:22\nclitest.RwPair.rw@RwPair.set:12\n", sites.out());
        Cli.Result r = run("why", "RwPair.rw", "--java", "clitest.RwPair", "--class-path", cp, "--stress-runs", "0", "--json", "rw.json", "-q");
        assertEquals(ExitCode.OK, r.code(), r.toString());
        JsonNode w = new ObjectMapper().readTree(dir.resolve("rw.json").toFile());
        assertEquals("necessary", w.get("verdict").asText());
        List<String> got = new ArrayList<>();
        w.get("siteVerdicts").forEach(v -> got.add(v.get("site").asText() + "=" + v.get("necessity").asText() + "/" + v.get("executions").asInt()));
        assertEquals(List.of("RwPair.check:22=necessary/2", "RwPair.set:12=necessary/2"), got);
        Cli.Result removed = run("explore", "--java", "clitest.RwPair", "--class-path", cp, "--remove", "RwPair.rw@RwPair.check");
        assertEquals(ExitCode.VIOLATION, removed.code(), removed.toString());
        assertTrue(removed.out().contains("torn pair"), removed.out());
    }

    @Test
    void why_listenerList_replacingFireLockByTheSourcesMonitor_isSafe() throws IOException {
        JsonNode w = why(PKG + "ListenerList", "ListenerList.fireLock", "--stress-runs", "0", "--replace", "ListenerList.fireLock=ListenerList.this");
        JsonNode r = w.get("replacements").get(0);
        assertEquals("replace dev.whylock.examples.realworld.ListenerList.fireLock=dev.whylock.examples.realworld.ListenerList.this",
                r.get("experiment").asText());
        assertEquals("safe-within-bound", r.get("verdict").asText());
        assertTrue(r.get("exhaustive").asBoolean());
    }

    /** A removed synchronized region keeps wait/notify on its monitor: the waiter then misses the notify (a deadlock), never an IllegalMonitorStateException. */
    @Test
    void why_removingTheMonitorOnEitherSideOfAWait_keepsWaitAndNotifyMeaningful_andStressSaysItCannotRunIt() throws IOException {
        JsonNode w = why("dev.whylock.examples.GuardedWait", "GuardedWait.lock", "--stress-runs", "3");
        List<String> verdicts = new ArrayList<>();
        w.get("siteVerdicts").forEach(v -> {
            verdicts.add(v.get("site").asText() + "=" + v.get("necessity").asText() + ":" + v.get("counterexample").get("kind").asText());
            assertTrue(v.get("counterexample").get("message").asText().contains("waiter waits in dev.whylock.examples.GuardedWait.lock.wait() in "
                    + "GuardedWait.lambda$main$0:13 for a signal that never comes"), v.toString());
        });
        assertEquals(List.of("GuardedWait.lambda$main$0:10=necessary:deadlock", "GuardedWait.lambda$main$1:22=necessary:deadlock"), verdicts);
        JsonNode stress = w.get("stress");
        assertEquals(3, stress.size(), stress.toString());
        stress.forEach(s -> {
            assertEquals(0, s.get("stress").get("runs").asInt(), s.toString());
            assertTrue(s.get("stress").get("firstFailure").asText().startsWith("not applicable: GuardedWait.lambda$main$"), s.toString());
            assertTrue(s.get("stress").get("firstFailure").asText().contains("waits or notifies on the lock it takes"), s.toString());
        });
    }

    @Test
    void why_boundedBuffer_removingTheReentrantLock_keepsItsConditionsMeaningful() throws IOException {
        JsonNode w = why(PKG + "BoundedBuffer", "BoundedBuffer.lock", "--stress-runs", "0");
        w.get("siteVerdicts").forEach(v -> assertEquals("deadlock", v.get("counterexample").get("kind").asText(), v.toString()));
    }

    @Test
    void why_executorCounter_stressRunsTheClassFilesOnRealThreads_forEachNecessaryVerdict() throws IOException {
        JsonNode w = why(PKG + "ExecutorCounter", "ExecutorCounter.Stats.this", "--stress-runs", "20");
        JsonNode stress = w.get("stress");
        assertEquals(2, stress.size(), stress.toString());
        stress.forEach(s -> {
            assertEquals(20, s.get("stress").get("runs").asInt(), s.toString());
            assertTrue(s.get("stress").get("failures").asInt() <= 20, s.toString());
            assertEquals(2, s.get("dporExecutionsToCounterexample").asInt(), s.toString());
        });
    }

    @Test
    void why_connectionPool_reportsItsViolatedGuardedBy_withTheTrace() throws IOException {
        Cli.Result r = run("why", "ConnectionPool.lock", "--java", PKG + "ConnectionPool", "--class-path", JavaCommandTest.examples(),
                "--stress-runs", "0", "--full", "--json", "why.json", "--html", "why.html");
        assertEquals(ExitCode.OK, r.code(), r.toString());
        assertTrue(r.out().contains("@GuardedBy (Java): checked against 18 executions of the code as written (exhaustive)"), r.out());
        assertTrue(r.out().contains("ConnectionPool.free                @GuardedBy(\"lock\")  VIOLATED at 2 sites"), r.out());
        assertTrue(r.out().contains("written in ConnectionPool.release:29 by "), r.out());
        assertTrue(r.out().contains("without dev.whylock.examples.realworld.ConnectionPool.lock"), r.out());
        assertTrue(r.out().contains("ConnectionPool.release:29: write"), r.out());

        // The check is in the saved result: the JSON names the field, its lock and both breaches with their traces ...
        JsonNode g = new ObjectMapper().readTree(dir.resolve("why.json").toFile()).get("guardedBy");
        assertEquals(18, g.get("executions").asInt(), String.valueOf(g));
        assertTrue(g.get("exhaustive").asBoolean());
        JsonNode free = g.get("guards").get(0);
        assertEquals("ConnectionPool.free", free.get("field").asText());
        assertEquals("lock", free.get("expression").asText());
        assertEquals("dev.whylock.examples.realworld.ConnectionPool.lock", free.get("lock").asText());
        List<String> breaches = new ArrayList<>();
        free.get("breaches").forEach(b -> breaches.add((b.get("write").asBoolean() ? "write " : "read ") + b.get("site").asText() + " by "
                + b.get("counterexample").get("task").asText() + ", " + b.get("counterexample").get("trace").size() + " steps"));
        assertEquals(List.of("read ConnectionPool.release:29 by cleanup, 10 steps", "write ConnectionPool.release:29 by cleanup, 11 steps"),
                breaches);
        // ... 'whylock report' shows the same text again, and the page has the section
        Cli.Result again = run("report", "why.json", "--full");
        assertEquals(ExitCode.OK, again.code(), again.toString());
        assertEquals(r.out(), again.out());
        String html = Files.readString(dir.resolve("why.html"));
        assertTrue(html.contains("<h2>8. @GuardedBy (Java)</h2>") && html.contains("VIOLATED at 2 sites"), html);
    }

    @Test
    void lockset_transfers_savesItsGuardedBySuggestion_andReportPrintsItAgain() throws IOException {
        Cli.Result r = run("lockset", "--java", "dev.whylock.examples.Transfers", "--class-path", JavaCommandTest.examples(),
                "--json", "run.json");
        assertEquals(ExitCode.VIOLATION, r.code(), r.toString());
        String suggestion = "  Transfers.Account.balance          @GuardedBy(\"this\")  (com.google.errorprone.annotations.concurrent.GuardedBy)\n";
        assertTrue(r.out().endsWith("\n@GuardedBy (Java): checked against 3 executions of the code as written (exhaustive)\n"
                + "  no field the program touches carries @GuardedBy\n"
                + "  suggested from the locksets (the lock held at every shared access):\n" + suggestion), r.out());
        JsonNode g = new ObjectMapper().readTree(dir.resolve("run.json").toFile()).get("guardedBy");
        assertEquals(0, g.get("guards").size(), String.valueOf(g));
        JsonNode s = g.get("suggestions").get(0);
        assertEquals("Transfers.Account.balance", s.get("field").asText());
        assertEquals("suggested", s.get("status").asText());
        assertEquals("this", s.get("expression").asText());
        assertEquals("dev.whylock.examples.Transfers.Account.this", s.get("lock").asText());
        assertEquals("com.google.errorprone.annotations.concurrent.GuardedBy", s.get("annotationClass").asText());
        Cli.Result again = run("report", "run.json");
        assertEquals(ExitCode.OK, again.code(), again.toString());
        assertEquals(r.out(), again.out());
    }

    @Test
    void scenarioRun_hasNoGuardedByKey() throws IOException {
        Cli.Result r = run("lockset", "--scenario", "module-insert-vs-phylink-create", "--json", "run.json", "-q");
        assertEquals(ExitCode.OK, r.code(), r.toString());
        assertFalse(Files.readString(dir.resolve("run.json")).contains("guardedBy"));
    }

    @Test
    void lockset_accountTransfer_checksItsJcipAnnotation_andFindsItHeld() {
        Cli.Result r = run("lockset", "--java", PKG + "AccountTransfer", "--class-path", JavaCommandTest.examples(), "--ignore", "data-race");
        assertTrue(r.out().contains("AccountTransfer.Account.balance    @GuardedBy(\"lock\")  held at all 24 checked accesses"), r.out());
        assertFalse(r.out().contains("LazyCache"), "annotations of classes the program never used are not its: " + r.out());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (Files.isRegularFile(from)) { // the examples as a jar (the reactor's verify phase)
            try (var zip = new java.util.zip.ZipFile(from.toFile())) {
                for (var e : zip.stream().filter(e -> !e.isDirectory()).toList()) {
                    Path t = to.resolve(e.getName());
                    Files.createDirectories(t.getParent());
                    try (var in = zip.getInputStream(e)) {
                        Files.copy(in, t);
                    }
                }
            }
            return;
        }
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    @Test
    void suggestAnnotations_findsTheSourcesBesideTargetClasses_andGitApplyAcceptsThePatch() throws Exception {
        Path project = dir.resolve("project");
        copyTree(Path.of(JavaCommandTest.examples()), project.resolve("target/classes"));
        copyTree(Path.of("..", "examples", "src", "main", "java").toAbsolutePath().normalize(), project.resolve("src/main/java"));
        Cli.Result r = Cli.run(project, "why", "Transfers.Account.this", "--java", "dev.whylock.examples.Transfers", "--class-path",
                project.resolve("target/classes").toString(), "--stress-runs", "0", "--suggest-annotations", "guards.patch");
        assertEquals(ExitCode.OK, r.code(), r.toString());
        assertTrue(r.out().contains("Transfers.Account.balance          @GuardedBy(\"this\")  (com.google.errorprone.annotations.concurrent.GuardedBy)"),
                r.out());
        assertTrue(r.out().contains("wrote guards.patch: 1 annotation; apply with: git apply guards.patch"), r.out());
        String patch = Files.readString(project.resolve("guards.patch"));
        assertTrue(patch.startsWith("--- a/src/main/java/dev/whylock/examples/Transfers.java\n"), patch);
        Process init = new ProcessBuilder("git", "init", "-q").directory(project.toFile()).redirectErrorStream(true).start();
        assertEquals(0, init.waitFor());
        Process check = new ProcessBuilder("git", "apply", "--check", "guards.patch").directory(project.toFile()).redirectErrorStream(true).start();
        String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, check.waitFor(), out + patch);
    }

    @Test
    void suggestAnnotations_withoutJava_isAUsageError() {
        Cli.Result r = run("why", "rtnl_mutex", "--suggest-annotations", "x.patch");
        assertEquals(ExitCode.USAGE, r.code(), r.toString());
        assertTrue(r.err().contains("--suggest-annotations applies to a Java program"), r.err());
    }
}
