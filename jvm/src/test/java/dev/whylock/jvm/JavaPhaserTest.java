package dev.whylock.jvm;

import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.exec.RunConfig;
import java.util.List;
import java.util.stream.Stream;
import jvmtest.Phasers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Phaser in compiled Java, composed on the engine (one atomic state, waits in its queue): each bug
 * in {@link Phasers} is found and replays, each correct version is clean and exhaustive, and DPOR
 * shows the behaviours of plain enumeration. DPOR executions pinned as data.
 */
class JavaPhaserTest {

    static Stream<Arguments> pinned() {
        return Stream.of(
                Arguments.of("arriveWithoutAwait", 6, List.of(ViolationKind.EXCEPTION)),
                Arguments.of("arriveAndAwait", 6, List.of()),
                Arguments.of("deregister", 4, List.of()),
                Arguments.of("registerTooLate", 6, List.of(ViolationKind.DEADLOCK)),
                Arguments.of("terminateOnAdvance", 12, List.of()));
    }

    @ParameterizedTest
    @MethodSource("pinned")
    void phaserProgram_isFoundOrClean_replays_andMatchesBruteForce(String method, long executions, List<ViolationKind> kinds) {
        PrimitiveChecks.check(Phasers.class, method, RunConfig.defaults(), executions, kinds);
    }
}
