package dev.whylock.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.junitexamples.DeadlockCase;
import dev.whylock.junitexamples.LostUpdateCase;
import dev.whylock.junitexamples.ReplayCase;
import dev.whylock.junitexamples.SpuriousWakeupCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.platform.engine.discovery.DiscoverySelectors;

/** The extension seen from JUnit: test classes run through the JUnit Platform, their failures read as a developer would. */
class WhylockExtensionTest {

    static List<Throwable> failures(Class<?> c) {
        LauncherDiscoveryRequest req = LauncherDiscoveryRequestBuilder.request().selectors(DiscoverySelectors.selectClass(c)).build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener l = new SummaryGeneratingListener();
        launcher.execute(req, l);
        TestExecutionSummary s = l.getSummary();
        assertTrue(s.getTestsStartedCount() > 0, "no test ran in " + c);
        return s.getFailures().stream().map(TestExecutionSummary.Failure::getException).toList();
    }

    @Test
    void lostUpdateTest_fails_withTheColumnTraceAndAReplayFile() throws Exception {
        List<Throwable> f = failures(LostUpdateCase.class);
        assertEquals(1, f.size());
        String m = f.get(0).getMessage();
        assertTrue(f.get(0) instanceof AssertionError, f.get(0).toString());
        assertTrue(m.startsWith("whylock: exception in LostUpdateCase.twoThreadsIncrement: uncaught org.opentest4j.AssertionFailedError: "
                + "expected: <2> but was: <1> in task main"), m);
        assertTrue(m.contains("LostUpdateCase.lambda$twoThreadsIncrement$0:"), m);
        assertTrue(m.contains("read LostUpdateCase.hits = 0"), m);
        assertTrue(m.contains("LostUpdateCase.hits"), m);
        assertTrue(m.contains("replay: @WhylockTest(replay = \"target/whylock/dev.whylock.junitexamples.LostUpdateCase.twoThreadsIncrement.replay\")"), m);
        assertTrue(m.contains("data-race"), m);
        assertTrue(Files.exists(Path.of("target/whylock/dev.whylock.junitexamples.LostUpdateCase.twoThreadsIncrement.replay")));
    }

    @Test
    void replayOfTheFailure_reproducesIt() {
        failures(LostUpdateCase.class);
        List<Throwable> f = failures(ReplayCase.class);
        assertEquals(1, f.size());
        String m = f.get(0).getMessage();
        assertTrue(m.startsWith("whylock: replayed target/whylock/dev.whylock.junitexamples.LostUpdateCase.twoThreadsIncrement.replay"), m);
    }

    @Test
    void deadlockTest_fails_namingBothLocksAndThreads() {
        List<Throwable> f = failures(DeadlockCase.class);
        assertEquals(1, f.size());
        String m = f.get(0).getMessage();
        assertTrue(m.startsWith("whylock: deadlock in DeadlockCase.oppositeOrders"), m);
        assertTrue(m.contains("t1 waits for dev.whylock.junitexamples.DeadlockCase.second"), m);
        assertTrue(m.contains("t2 waits for dev.whylock.junitexamples.DeadlockCase.first"), m);
    }

    @Test
    void ifGuardedWait_failsOnlyWithSpuriousWakeups() {
        List<Throwable> f = failures(SpuriousWakeupCase.class);
        assertEquals(1, f.size(), f.toString());
        String m = f.get(0).getMessage();
        assertTrue(m.startsWith("whylock: exception in SpuriousWakeupCase.withSpuriousWakeups: uncaught java.lang.IllegalStateException: "
                + "woke up before ready"), m);
        assertTrue(m.contains("spurious wake-up"), m);
    }
}
