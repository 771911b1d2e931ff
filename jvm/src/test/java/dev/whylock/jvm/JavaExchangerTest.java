package dev.whylock.jvm;

import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.exec.RunConfig;
import java.util.List;
import java.util.stream.Stream;
import jvmtest.Exchangers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exchanger in compiled Java, composed on the engine (one atomic slot, waits in its queue): each bug
 * in {@link Exchangers} is found and replays, each correct version is clean and exhaustive, and DPOR
 * shows the behaviours of plain enumeration. DPOR executions pinned as data.
 */
class JavaExchangerTest {

    static Stream<Arguments> pinned() {
        return Stream.of(
                Arguments.of("pair", 4, List.of()),
                Arguments.of("bufferReused", 8, List.of(ViolationKind.EXCEPTION)),
                Arguments.of("timedAssumed", 14, List.of(ViolationKind.EXCEPTION)),
                Arguments.of("timedHandled", 14, List.of()));
    }

    @ParameterizedTest
    @MethodSource("pinned")
    void exchangerProgram_isFoundOrClean_replays_andMatchesBruteForce(String method, long executions, List<ViolationKind> kinds) {
        PrimitiveChecks.check(Exchangers.class, method, RunConfig.defaults(), executions, kinds);
    }
}
