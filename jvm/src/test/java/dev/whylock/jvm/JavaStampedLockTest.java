package dev.whylock.jvm;

import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.exec.RunConfig;
import java.util.List;
import java.util.stream.Stream;
import jvmtest.StampedLocks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * StampedLock in compiled Java, composed on the engine (one atomic state, waits in its queue): each
 * bug in {@link StampedLocks} is found and replays, each correct version is clean and exhaustive,
 * and DPOR shows the behaviours of plain enumeration. DPOR executions pinned as data: more than for
 * a ReentrantReadWriteLock, since every read acquisition and release changes the one state (the
 * engine's read-write lock lets read holds commute).
 */
class JavaStampedLockTest {

    static Stream<Arguments> pinned() {
        return Stream.of(
                Arguments.of("optimisticUnvalidated", 9, List.of(ViolationKind.EXCEPTION)),
                Arguments.of("optimisticValidated", 26, List.of()),
                Arguments.of("updateUnderReadLock", 18, List.of(ViolationKind.EXCEPTION)),
                Arguments.of("updateUnderWriteLock", 4, List.of()),
                Arguments.of("notReentrant", 4, List.of(ViolationKind.DEADLOCK)),
                Arguments.of("convertToWrite", 6, List.of()));
    }

    @ParameterizedTest
    @MethodSource("pinned")
    void stampedLockProgram_isFoundOrClean_replays_andMatchesBruteForce(String method, long executions, List<ViolationKind> kinds) {
        PrimitiveChecks.check(StampedLocks.class, method, RunConfig.defaults(), executions, kinds);
    }
}
