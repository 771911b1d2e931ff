package dev.whylock.jvm;

import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.exec.RunConfig;
import java.util.List;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import java.util.stream.Stream;
import jvmtest.Completables;
import dev.whylock.engine.search.StrategySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CompletableFuture in compiled Java, composed on the engine (completion one atomic state, async
 * stages tasks of their executor): each bug in {@link Completables} is found and replays, each
 * correct version is clean and exhaustive, and DPOR shows the behaviours of plain enumeration where
 * that stays within its bound here (3,000 executions; allOf and the chain of stages need more: the
 * futures' registrations and completions are many small operations). DPOR executions pinned as data.
 */
class JavaCompletableFutureTest {

    static Stream<Arguments> pinned() {
        return Stream.of(
                Arguments.of("lostUpdate", 8, List.of(ViolationKind.EXCEPTION), true),
                Arguments.of("allOfPublishes", 4, List.of(), false),
                Arguments.of("readBeforeJoin", 3, List.of(ViolationKind.EXCEPTION), true),
                Arguments.of("chain", 3, List.of(), false),
                Arguments.of("recovered", 4, List.of(), true),
                Arguments.of("completeRace", 3, List.of(ViolationKind.EXCEPTION), true));
    }

    @ParameterizedTest
    @MethodSource("pinned")
    void completableFutureProgram_isFoundOrClean_replays_andMatchesBruteForce(String method, long executions, List<ViolationKind> kinds,
            boolean bruteForce) {
        PrimitiveChecks.check(Completables.class, method, RunConfig.defaults(), 0, executions, true, kinds, bruteForce);
    }

    @Test
    void unmodelledMethod_stopsTheExecution_andIsNamed() {
        JavaResult r = Explore.run(Completables.class, "unmodelled", StrategySpec.dpor(), RunConfig.defaults(), false);
        assertEquals(List.of("java.util.concurrent.CompletableFuture.orTimeout at Completables.unmodelled:76 (not modelled by whylock yet)"),
                r.notControlled());
        assertFalse(r.result().exhaustive());
        assertEquals(List.of(), r.result().violations());
    }
}
