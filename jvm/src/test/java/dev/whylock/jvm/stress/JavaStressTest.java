package dev.whylock.jvm.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.why.StressCounts;
import dev.whylock.jvm.JavaTarget;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Stress for Java: the class files on real threads with only the removed acquisitions taken out.
 * The programs fail exactly when their lock is held, so every run shows whether it was removed.
 */
class JavaStressTest {

    static Path testClasses() {
        try {
            return Path.of(JavaStressTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StressCounts run(Class<?> c, Set<String> removed, long runs) {
        return JavaStress.run(new JavaTarget(c.getName(), "main", List.of(testClasses())), removed, runs, 2_000, () -> false);
    }

    @Test
    void monitor_asCompiled_failsEveryRun_andWithItsAcquisitionRemoved_passesEveryRun() {
        StressCounts kept = run(StressPrograms.HoldsMonitor.class, Set.of(), 5);
        assertEquals(new StressCounts(5, 5, 1, kept.firstFailure()), kept);
        assertTrue(kept.firstFailure().contains("AssertionError: the monitor is held"), kept.firstFailure());
        assertEquals(new StressCounts(5, 0, 0, null), run(StressPrograms.HoldsMonitor.class, Set.of("StressPrograms.HoldsMonitor.main:14"), 5));
    }

    @Test
    void reentrantLock_withItsLockCallRemoved_passes_andTheMatchingUnlockReleasesNothing() {
        assertEquals(3, run(StressPrograms.HoldsLock.class, Set.of(), 3).failures());
        assertEquals(new StressCounts(3, 0, 0, null), run(StressPrograms.HoldsLock.class, Set.of("StressPrograms.HoldsLock.main:27"), 3));
    }

    @Test
    void removalInARegionThatNotifies_isNotApplicableOnRealThreads_withTheReason() {
        StressCounts c = run(StressPrograms.Notifies.class, Set.of("StressPrograms.Notifies.main:43"), 3);
        assertEquals(0, c.runs());
        assertTrue(c.firstFailure().startsWith("not applicable: StressPrograms.Notifies.main waits or notifies"), c.firstFailure());
    }

    @Test
    void aProgramThatNeverFinishes_isAHangAfterTheLimit() {
        StressCounts c = JavaStress.run(new JavaTarget(StressPrograms.Hangs.class.getName(), "main", List.of(testClasses())), Set.of(), 2, 100,
                () -> false);
        assertEquals(2, c.failures());
        assertTrue(c.firstFailure().startsWith("hang: the program had not finished after 100 ms"), c.firstFailure());
    }
}
