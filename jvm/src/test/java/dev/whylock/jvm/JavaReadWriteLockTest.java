package dev.whylock.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.Violation;
import dev.whylock.engine.search.StrategySpec;
import jvmtest.ReadWriteLocks;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * ReentrantReadWriteLock in compiled Java runs on the engine's read-write lock: each bug in
 * {@link ReadWriteLocks} is found and replays, each correct version is clean and exhaustive, and
 * DPOR shows the behaviours of plain enumeration. DPOR executions pinned as data.
 */
class JavaReadWriteLockTest {

    static Stream<Arguments> pinned() {
        return Stream.of(
                Arguments.of("updateUnderReadLock", 4, List.of(ViolationKind.EXCEPTION)),
                Arguments.of("updateUnderWriteLock", 3, List.of()),
                Arguments.of("upgrade", 2, List.of(ViolationKind.DEADLOCK)),
                Arguments.of("downgrade", 2, List.of()),
                Arguments.of("timedTryLockAssumed", 4, List.of(ViolationKind.EXCEPTION)),
                Arguments.of("timedTryLockChecked", 4, List.of()),
                Arguments.of("interruptibleWrite", 1, List.of()),
                Arguments.of("conditionMissedSignal", 3, List.of(ViolationKind.DEADLOCK)),
                Arguments.of("conditionHandoff", 2, List.of()));
    }

    @ParameterizedTest
    @MethodSource("pinned")
    void readWriteLockProgram_isFoundOrClean_replays_andMatchesBruteForce(String method, long executions, List<ViolationKind> kinds) {
        PrimitiveChecks.check(ReadWriteLocks.class, method, RunConfig.defaults(), executions, kinds);
    }

    @Test
    void lockName_isTheFieldHoldingTheLock_andUpgradeDeadlockSaysSo() {
        JavaResult r = Explore.run(ReadWriteLocks.class, "upgrade", StrategySpec.dpor(), RunConfig.defaults(), false);
        Violation v = r.result().violations().get(0);
        assertTrue(v.message().contains("waits for the write lock of jvmtest.ReadWriteLocks.rw"), v.message());
        assertTrue(v.message().contains("no upgrade"), v.message());
    }

    @Test
    void removingTheWriteLockAtTheIncrement_losesTheUpdate() {
        String lock = "jvmtest.ReadWriteLocks.rw";
        JavaResult removed = Explore.run(ReadWriteLocks.class, "updateUnderWriteLock", StrategySpec.dpor(),
                RunConfig.defaults().withExperiments(List.of(LockExperiment.remove(lock, "ReadWriteLocks.incrementUnder:23"))), false);
        assertEquals(List.of(ViolationKind.EXCEPTION), removed.result().violations().stream().map(Violation::kind).distinct().toList(),
                removed.result().violations().toString());
        assertTrue(removed.result().violations().get(0).message().contains("expected 2"), removed.result().violations().get(0).message());
    }
}
