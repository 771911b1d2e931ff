package dev.whylock.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.Env;
import dev.whylock.engine.Program;
import dev.whylock.engine.analysis.Analyses;
import dev.whylock.engine.analysis.AnalysisReport;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.SplitSearch;
import dev.whylock.engine.search.StrategySpec;
import dev.whylock.linux.model.Models;
import dev.whylock.linux.model.ScenarioLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A cluster of members in this JVM on loopback (each its own Hazelcast member: units travel as
 * plain data through Hazelcast's executor, as between machines) gives the single machine's result,
 * also when a member is killed in the middle of the search.
 */
class ClusterTest {

    static final String SCENARIO = "module-hotplug-phy";
    static final String FINGERPRINT = "test/0000";

    static Program program(String scenario) {
        return Models.get("sfp-v5.14").program(ScenarioLoader.builtin(scenario));
    }

    static SearchConfig cfg() {
        return SearchConfig.of(StrategySpec.dpor()).withMinimize(false);
    }

    /** Builds the job from the scenario name; {@code onExecution} runs before every execution of it on the member. */
    static JobResolver resolver(Runnable onExecution) {
        return spec -> JobResolver.Job.search(counted(program(spec.get(0)), onExecution), cfg());
    }

    /** {@code p}, with {@code onExecution} run before every execution. */
    static Program counted(Program p, Runnable onExecution) {
        return new Program() {
            @Override
            public String name() {
                return p.name();
            }

            @Override
            public void setup(Env env) {
                p.setup(env);
            }

            @Override
            public void run(Env env) {
                onExecution.run();
                p.run(env);
            }
        };
    }

    record Outcome(ExplorationResult result, AnalysisReport analyses) {}

    static Outcome single() {
        Analyses a = new Analyses();
        ExplorationResult r = SplitSearch.explore(program(SCENARIO), cfg().withObservers(a.observers()), 1,
                SplitSearch.DEFAULT_SPLIT_DEPTH, SplitSearch.DEFAULT_UNIT_EXECUTIONS);
        return new Outcome(r, a.report());
    }

    static Outcome onCluster(Cluster c) {
        Analyses a = new Analyses();
        ExplorationResult r = c.explore(program(SCENARIO), cfg().withObservers(a.observers()), List.of(SCENARIO));
        return new Outcome(r, a.report());
    }

    @Test
    void threeMembers_oneKilledMidRun_sameResultAsOneMachine_noUnitLostOrCountedTwice() {
        Outcome expected = single();
        List<Member> members = new ArrayList<>();
        Member[] victim = new Member[1];
        AtomicInteger victimExecutions = new AtomicInteger();
        try {
            members.add(Member.start("127.0.0.1", 5901, List.of("127.0.0.1:5901"), FINGERPRINT, resolver(() -> {}), 1));
            String first = members.get(0).address();
            // The third member dies in the middle of its fourth execution, as a killed process would.
            members.add(Member.start("127.0.0.1", 5901, List.of(first), FINGERPRINT, resolver(() -> {}), 1));
            members.add(Member.start("127.0.0.1", 5901, List.of(first), FINGERPRINT, resolver(() -> {
                if (victimExecutions.incrementAndGet() == 4) {
                    new Thread(victim[0]::kill).start();
                }
            }), 1));
            victim[0] = members.get(2);
            assertEquals(3, members.get(0).clusterSize());
            try (Cluster c = Cluster.connect(Address.parse(first), FINGERPRINT, null, Duration.ofSeconds(10))) {
                Outcome got = onCluster(c);
                assertEquals(expected, got);
                assertTrue(victimExecutions.get() >= 4, "the killed member had started units: " + victimExecutions.get());
                assertTrue(c.unitsResent() >= 1, "a unit of the killed member was sent again: " + c.unitsResent());
                assertEquals(2, c.memberCount());
                assertTrue(members.get(0).unitsRun() > 0 && members.get(1).unitsRun() > 0,
                        "both survivors ran units: " + members.get(0).unitsRun() + ", " + members.get(1).unitsRun());
                assertTrue(c.unitsSent() > 10, "the search has many units: " + c.unitsSent());
            }
        } finally {
            members.forEach(m -> {
                if (m != victim[0]) {
                    m.close();
                }
            });
        }
    }

    /** A why inquiry's scenarios (small ones, so the test stays short), each member building its own. */
    static List<dev.whylock.engine.why.Scenario> inquiryScenarios(Runnable onExecution) {
        return java.util.stream.Stream.of("phylink-create-vs-cage-probe", "module-insert-vs-phylink-create", "link-los", "unbind-cage")
                .map(n -> new dev.whylock.engine.why.Scenario(n, counted(program(n), onExecution))).toList();
    }

    static dev.whylock.engine.why.LockInquiry inquiry(List<dev.whylock.engine.why.Scenario> scenarios) {
        return new dev.whylock.engine.why.LockInquiry("rtnl_mutex", scenarios)
                .withReplacements(List.of(dev.whylock.engine.LockExperiment.replace("rtnl_mutex", "sfp_bus_lock")));
    }

    @Test
    void whyInquiry_threeMembers_oneKilledMidRun_sameReportAsOneMachine() {
        dev.whylock.engine.why.WhyReport expected = inquiry(inquiryScenarios(() -> {})).run();
        List<Member> members = new ArrayList<>();
        Member[] victim = new Member[1];
        AtomicInteger victimExecutions = new AtomicInteger();
        JobResolver healthy = spec -> JobResolver.Job.inquiry(new dev.whylock.engine.why.InquiryMember(inquiryScenarios(() -> {}),
                dev.whylock.engine.why.InquiryBound.defaults(), dev.whylock.engine.exec.RunConfig.defaults(), true,
                dev.whylock.engine.search.Ticker.FROZEN));
        try {
            members.add(Member.start("127.0.0.1", 5941, List.of("127.0.0.1:5941"), FINGERPRINT, healthy, 1));
            String first = members.get(0).address();
            members.add(Member.start("127.0.0.1", 5941, List.of(first), FINGERPRINT, healthy, 1));
            // The third member dies in the middle of its sixth execution, inside some exploration.
            members.add(Member.start("127.0.0.1", 5941, List.of(first), FINGERPRINT, spec -> JobResolver.Job.inquiry(
                    new dev.whylock.engine.why.InquiryMember(inquiryScenarios(() -> {
                        if (victimExecutions.incrementAndGet() == 6) {
                            new Thread(victim[0]::kill).start();
                        }
                    }), dev.whylock.engine.why.InquiryBound.defaults(), dev.whylock.engine.exec.RunConfig.defaults(), true,
                            dev.whylock.engine.search.Ticker.FROZEN)), 1));
            victim[0] = members.get(2);
            try (Cluster c = Cluster.connect(Address.parse(first), FINGERPRINT, null, Duration.ofSeconds(10))) {
                assertEquals(3, c.slots());
                List<String> job = List.of("why", "rtnl_mutex");
                dev.whylock.engine.why.WhyReport got = inquiry(inquiryScenarios(() -> {}))
                        .withRemote((request, cancelled) -> c.call(job, request, cancelled), c.slots()).run();
                assertTrue(expected.siteVerdicts().stream().anyMatch(v -> v.necessity() == dev.whylock.engine.why.Necessity.NECESSARY));
                assertEquals(expected, got);
                assertTrue(victimExecutions.get() >= 6, "the killed member had started explorations: " + victimExecutions.get());
                assertTrue(c.unitsResent() >= 1, "an exploration of the killed member was sent again: " + c.unitsResent());
                assertEquals(2, c.memberCount());
                assertTrue(members.get(0).unitsRun() > 0 && members.get(1).unitsRun() > 0,
                        "both survivors ran explorations: " + members.get(0).unitsRun() + ", " + members.get(1).unitsRun());
            }
        } finally {
            members.forEach(m -> {
                if (m != victim[0]) {
                    m.close();
                }
            });
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(60) // without the cancellation the call would wait for ever
    void call_cancelledWhileRunning_returnsNull_andTheMemberIsToldToStop() throws Exception {
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        JobResolver endless = spec -> (work, over) -> {
            started.countDown();
            while (!over.getAsBoolean()) {
                Thread.onSpinWait();
            }
            stopped.countDown();
            return work;
        };
        try (Member m = Member.start("127.0.0.1", 5951, List.of("127.0.0.1:5951"), FINGERPRINT, endless, 1);
                Cluster c = Cluster.connect(Address.parse(m.address()), FINGERPRINT, null, Duration.ofSeconds(10))) {
            java.util.concurrent.atomic.AtomicBoolean cancel = new java.util.concurrent.atomic.AtomicBoolean();
            Thread canceller = new Thread(() -> {
                try {
                    started.await();
                } catch (InterruptedException e) {
                    return;
                }
                cancel.set(true);
            });
            canceller.start();
            assertEquals(null, c.call(List.of("job"), new byte[] {1}, cancel::get));
            assertTrue(stopped.await(10, java.util.concurrent.TimeUnit.SECONDS), "the member's work saw that it is over");
            assertEquals(1, c.slots());
        }
    }

    @Test
    void everyMemberKilled_searchStopsWithAMessage() {
        Member[] only = new Member[1];
        AtomicInteger executions = new AtomicInteger();
        only[0] = Member.start("127.0.0.1", 5931, List.of("127.0.0.1:5931"), FINGERPRINT, resolver(() -> {
            if (executions.incrementAndGet() == 2) {
                new Thread(only[0]::kill).start();
            }
        }), 1);
        String address = only[0].address(); // asked now: a killed member no longer answers (the test failed now and then)
        try (Cluster c = Cluster.connect(Address.parse(address), FINGERPRINT, null, Duration.ofSeconds(10))) {
            ClusterException e = assertThrows(ClusterException.class, () -> onCluster(c));
            assertEquals("the cluster at " + address + " has no member left", e.getMessage());
        }
    }

    @Test
    void memberWithAnotherFingerprint_isRefused_byTheMemberAndByTheCoordinator() {
        try (Member m = Member.start("127.0.0.1", 5951, List.of("127.0.0.1:5951"), "other/1111", resolver(() -> {}), 1)) {
            ClusterException exploring = assertThrows(ClusterException.class,
                    () -> Cluster.connect(Address.parse(m.address()), FINGERPRINT, null, Duration.ofSeconds(10)));
            assertTrue(exploring.getMessage().startsWith("refused: no member of the cluster at " + m.address()), exploring.getMessage());
            ClusterException joining = assertThrows(ClusterException.class,
                    () -> Member.start("127.0.0.1", 5951, List.of(m.address()), FINGERPRINT, resolver(() -> {}), 1));
            assertTrue(joining.getMessage().contains("whylock other (code fingerprint 1111)"), joining.getMessage());
            assertTrue(joining.getMessage().contains("this worker runs whylock test (code fingerprint 0000)"), joining.getMessage());
        }
    }

    @Test
    void unreachableCluster_givesUpInTime_withAMessage() {
        long start = System.nanoTime();
        ClusterException e = assertThrows(ClusterException.class,
                () -> Cluster.connect(Address.parse("127.0.0.1:1"), FINGERPRINT, null, Duration.ofSeconds(1)));
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertTrue(e.getMessage().startsWith("cannot reach a whylock cluster at 127.0.0.1:1 within 1 s"), e.getMessage());
        assertTrue(seconds < 10, "gave up after " + seconds + " s");
    }

    @Test
    void addresses_parsed_orRejectedWithTheReason() {
        assertEquals(new Address("10.0.0.5", 5701, 0), Address.parse("10.0.0.5:5701"));
        assertEquals(new Address(null, 0, 3), Address.parse("local:3"));
        assertEquals(new Address("::1", 5701, 0), Address.parse("[::1]:5701"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Address.parse("somehost")).getMessage().contains("expected HOST:PORT"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Address.parse("local:x")).getMessage().contains("number of members"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Address.parse("local:0")).getMessage().contains("1 to 64"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Address.parse("h:99999")).getMessage().contains("1 to 65535"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Address.parse("h:port")).getMessage().contains("port must be a number"));
    }
}
