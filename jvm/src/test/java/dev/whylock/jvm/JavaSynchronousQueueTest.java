package dev.whylock.jvm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.exec.RunConfig;
import java.util.List;
import java.util.stream.Stream;
import jvmtest.SynchronousQueues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SynchronousQueue in compiled Java, composed on the engine (hand-offs wait in its queue): each bug
 * in {@link SynchronousQueues} is found and replays (a put nobody takes is a deadlock, not a hang),
 * each correct version is clean and exhaustive, and DPOR shows the behaviours of plain
 * enumeration (except on the two-item hand-off, beyond the brute-force bound here; the interface
 * version hands one item over). DPOR executions pinned as data.
 */
class JavaSynchronousQueueTest {

    static Stream<Arguments> pinned() {
        return Stream.of(
                Arguments.of("handOff", 28, List.of(), false),
                Arguments.of("handOffInterface", 4, List.of(), true),
                Arguments.of("putWithoutTaker", 8, List.of(ViolationKind.DEADLOCK), true),
                Arguments.of("offerAssumed", 3, List.of(ViolationKind.EXCEPTION, ViolationKind.DEADLOCK), true),
                Arguments.of("offerOrPut", 6, List.of(), true),
                Arguments.of("timedPollAssumed", 14, List.of(ViolationKind.EXCEPTION), true),
                Arguments.of("timedHandled", 14, List.of(), true));
    }

    @ParameterizedTest
    @MethodSource("pinned")
    void synchronousQueueProgram_isFoundOrClean_replays_andMatchesBruteForce(String method, long executions, List<ViolationKind> kinds,
            boolean bruteForce) {
        PrimitiveChecks.check(SynchronousQueues.class, method, RunConfig.defaults(), 0, executions, true, kinds, bruteForce);
    }

    @Test
    void aPutNobodyTakes_isADeadlockNamingTheQueue() {
        JavaResult r = PrimitiveChecks.check(SynchronousQueues.class, "putWithoutTaker", RunConfig.defaults(), 8, List.of(ViolationKind.DEADLOCK));
        String m = r.result().violations().get(0).message();
        assertTrue(m.contains("main waits in SynchronousQueues.putWithoutTaker:68") && m.contains("SynchronousQueue"), m);
    }
}
