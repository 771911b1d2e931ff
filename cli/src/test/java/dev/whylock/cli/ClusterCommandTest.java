package dev.whylock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.cluster.Member;
import dev.whylock.engine.search.Ticker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code explore --cluster} and {@code worker}: the cluster's result is this machine's, and bad use exits 2 with a message. */
class ClusterCommandTest {

    @TempDir
    Path dir;

    @Test
    void explore_onTwoLocalMembers_writesTheSameFilesAsOneMachine() throws IOException {
        // rtnl removed, so there are violations and replay files.
        List<String> files = sameFilesAloneAndOnCluster("explore", ExitCode.VIOLATION, "--scenario", "phylink-create-vs-cage-probe",
                "--remove", "rtnl_mutex", "--json", "r.json", "--workers", "1");
        assertTrue(files.stream().anyMatch(f -> f.endsWith(".replay")), files.toString());
    }

    @Test
    void lockset_onTwoLocalMembers_writesTheSameFilesAsOneMachine() throws IOException {
        sameFilesAloneAndOnCluster("lockset", ExitCode.OK, "--scenario", "module-hotplug-phy", "--json", "r.json");
        assertTrue(Files.readString(dir.resolve("lockset-alone/r.json")).contains("\"locksets\""), "the analyses' results are there");
    }

    @Test
    void why_onTwoLocalMembers_writesTheSameFilesAsOneMachine() throws IOException {
        // Explorations each run by a member, the observers' copies absorbed here.
        List<String> files = sameFilesAloneAndOnCluster("why", ExitCode.OK, "rtnl_mutex", "--scenario", "phylink-create-vs-cage-probe",
                "--scenario", "module-insert-vs-phylink-create", "--scenario", "link-los", "--stress-runs", "0", "--json", "r.json");
        assertTrue(files.stream().anyMatch(f -> f.endsWith(".replay")), files.toString());
        assertTrue(Files.readString(dir.resolve("why-alone/r.json")).contains("\"necessary\""), "a site breaks");
    }

    @Test
    void explore_memberKilledMidRun_sameFilesAsOneMachine_andSaysWorkWasSentAgain() throws IOException {
        // Two members in this JVM; the second dies (as a killed process) while running its third unit.
        java.util.concurrent.atomic.AtomicInteger units = new java.util.concurrent.atomic.AtomicInteger();
        Member[] victim = new Member[1];
        dev.whylock.cluster.JobResolver dying = spec -> {
            dev.whylock.cluster.JobResolver.Job job = ClusterJobs.resolver().resolve(spec);
            return (work, over) -> {
                if (units.incrementAndGet() == 3) {
                    new Thread(victim[0]::kill).start();
                }
                return job.run(work, over);
            };
        };
        try (Member first = Member.start("127.0.0.1", 6151, List.of("127.0.0.1:6151"), ClusterJobs.fingerprint(),
                ClusterJobs.resolver(), 1)) {
            victim[0] = Member.start("127.0.0.1", 6151, List.of(first.address()), ClusterJobs.fingerprint(), dying, 1);
            List<String> args = List.of("explore", "--scenario", "module-hotplug", "--remove", "rtnl_mutex", "--json", "r.json");
            Path alone = Files.createDirectories(dir.resolve("killed-alone"));
            Path cluster = Files.createDirectories(dir.resolve("killed-cluster"));
            Cli.Result a = Cli.run(alone, Ticker.FROZEN, Cancellation.manual(), args.toArray(String[]::new));
            List<String> onCluster = new java.util.ArrayList<>(args);
            onCluster.addAll(List.of("--cluster", first.address()));
            Cli.Result c = Cli.run(cluster, Ticker.FROZEN, Cancellation.manual(), onCluster.toArray(String[]::new));
            assertEquals(a.code(), c.code(), c.toString());
            assertTrue(units.get() >= 3, "the second member ran units before it died: " + units.get());
            assertTrue(c.err().contains("sent again after their member left the cluster; nothing was lost or counted twice"), c.err());
            assertEquals(Files.readString(alone.resolve("r.json")), Files.readString(cluster.resolve("r.json")));
        } finally {
            if (victim[0] != null) {
                victim[0].kill();
            }
        }
    }

    /**
     * Runs {@code command args} alone and on {@code --cluster local:2}, each in a directory of its own
     * with a frozen clock, and asserts both wrote the same files, byte for byte; returns their names.
     */
    private List<String> sameFilesAloneAndOnCluster(String command, int code, String... args) throws IOException {
        for (String where : List.of("alone", "cluster")) {
            Path d = Files.createDirectories(dir.resolve(command + "-" + where));
            List<String> all = new java.util.ArrayList<>(List.of(command));
            all.addAll(List.of(args));
            if (where.equals("cluster")) {
                all.addAll(List.of("--cluster", "local:2"));
            }
            Cli.Result r = Cli.run(d, Ticker.FROZEN, Cancellation.manual(), all.toArray(String[]::new));
            assertEquals(code, r.code(), r.toString());
            if (where.equals("cluster")) {
                assertTrue(r.err().contains("whylock: exploring on the cluster at local:2 (2 members"), r.err());
            }
        }
        Path alone = dir.resolve(command + "-alone");
        Path cluster = dir.resolve(command + "-cluster");
        List<String> files;
        try (var s = Files.walk(alone)) {
            files = s.filter(Files::isRegularFile).map(p -> alone.relativize(p).toString()).sorted().toList();
        }
        try (var s = Files.walk(cluster)) {
            assertEquals(files, s.filter(Files::isRegularFile).map(p -> cluster.relativize(p).toString()).sorted().toList());
        }
        assertTrue(files.contains("r.json"), files.toString());
        for (String f : files) {
            assertEquals(Files.readString(alone.resolve(f)), Files.readString(cluster.resolve(f)), f);
        }
        return files;
    }

    @Test
    void explore_clusterOfAnotherWhylock_refusedWithExit2() {
        try (Member other = Member.start("127.0.0.1", 6051, List.of("127.0.0.1:6051"), "0.0.1/ffff", spec -> null, 1)) {
            Cli.Result r = Cli.run(dir, "explore", "--scenario", "module-hotplug-phy", "--cluster", other.address());
            assertEquals(ExitCode.USAGE, r.code(), r.toString());
            assertTrue(r.err().contains("explore: refused: no member of the cluster at " + other.address() + " runs whylock "), r.err());
            assertTrue(r.err().contains(other.address() + " runs whylock 0.0.1 (code fingerprint ffff)"), r.err());
            Cli.Result w = Cli.run(dir, "worker", "--join", other.address(), "--port", "6051", "--workers", "1");
            assertEquals(ExitCode.USAGE, w.code(), w.toString());
            assertTrue(w.err().contains("worker: refused: the member at " + other.address() + " runs whylock 0.0.1 (code fingerprint ffff), "
                    + "this worker runs whylock "), w.err());
        }
    }

    @Test
    void badClusterUse_exits2WithTheReason() {
        String[][] cases = {
            {"--cluster 'nohost': expected HOST:PORT", "explore", "--scenario", "module-hotplug-phy", "--cluster", "nohost"},
            {"--cluster 'local:0': local:N takes 1 to 64 members", "explore", "--scenario", "module-hotplug-phy", "--cluster", "local:0"},
            {"--cluster 'h:x': the port must be a number", "explore", "--scenario", "module-hotplug-phy", "--cluster", "h:x"},
            {"--cluster splits an exhaustive dpor search into work units; --strategy pct runs on this machine", "explore", "--scenario",
                "module-hotplug-phy", "--strategy", "pct", "--cluster", "local:2"},
            {"with --preemptions runs on this machine", "explore", "--scenario", "module-hotplug-phy", "--preemptions", "1", "--cluster",
                "local:2"},
            {"--cluster runs scenarios; a Java program (--java) runs on this machine only", "explore", "--java", "java.lang.Object",
                "--class-path", ".", "--cluster", "local:2"},
            {"--cluster runs scenarios; a Java program (--java) runs on this machine only", "why", "X.this", "--java",
                "java.lang.Object", "--class-path", ".", "--cluster", "local:2"},
            {"--cluster 'nohost': expected HOST:PORT", "why", "rtnl_mutex", "--cluster", "nohost"},
            {"--cluster runs scenarios; a Java program (--java) runs on this machine only", "lockset", "--java", "java.lang.Object",
                "--class-path", ".", "--cluster", "local:2"},
            {"--join local:2: expected HOST:PORT of a member", "worker", "--join", "local:2"},
            {"--join 'h:99999': the port must be from 1 to 65535", "worker", "--join", "h:99999"},
            {"--workers 0: expected a number from 1 to 256", "worker", "--join", "127.0.0.1:6071", "--workers", "0"},
        };
        for (String[] c : cases) {
            Cli.Result r = Cli.run(dir, java.util.Arrays.copyOfRange(c, 1, c.length));
            assertEquals(ExitCode.USAGE, r.code(), r.toString());
            assertTrue(r.err().contains(c[0]), c[0] + "\n" + r);
            assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat "), r.toString());
        }
    }
}
