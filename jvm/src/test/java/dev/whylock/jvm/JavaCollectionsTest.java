package dev.whylock.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.analysis.DataRace;
import dev.whylock.engine.analysis.RaceDetector;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
import java.util.List;
import java.util.stream.Stream;
import jvmtest.Collections2;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * JDK collections used by compiled Java ({@link Collections2}): every call is an access to the
 * collection as a whole (plain, atomic or under the collection's monitor, by its class), so each bug
 * is found, also where the default schedule does not show it, each correct program is clean and
 * exhaustive, the counterexamples replay, and DPOR shows the behaviours of plain enumeration; the
 * data races are on the collection, named by its type. Before, the calls were invisible: listRace,
 * concurrentMapCheckThenAct, vectorWrongLock, synchronizedListIteratedUnlocked and keySetViewRace
 * each ran one execution and were called correct. DPOR executions pinned as data.
 */
class JavaCollectionsTest {

    static Stream<Arguments> pinned() {
        List<ViolationKind> exception = List.of(ViolationKind.EXCEPTION);
        return Stream.of(
                Arguments.of("listRace", 2, exception, List.of("ArrayList")),
                Arguments.of("concurrentMapCheckThenAct", 4, exception, List.of()),
                Arguments.of("concurrentMapPutIfAbsent", 2, List.of(), List.of()),
                Arguments.of("vectorClientLock", 2, List.of(), List.of()),
                Arguments.of("vectorWrongLock", 4, exception, List.of()),
                // a ConcurrentModificationException where the add falls inside the iteration
                Arguments.of("synchronizedListIteratedUnlocked", 7, exception, List.of("Collections.SynchronizedRandomAccessList")),
                Arguments.of("synchronizedListIteratedLocked", 2, List.of(), List.of()),
                Arguments.of("keySetViewRace", 2, exception, List.of("HashMap")),
                Arguments.of("synchronousQueueAsQueue", 2, List.of(), List.of()),
                Arguments.of("builderRace", 2, exception, List.of("StringBuilder")),
                Arguments.of("bufferAppends", 2, List.of(), List.of()),
                Arguments.of("sharedRandom", 2, exception, List.of()),
                // a ConcurrentModificationException where the add falls inside the iteration, through the view
                Arguments.of("unmodifiableViewIterated", 7, exception, List.of("ArrayList")));
    }

    @ParameterizedTest
    @MethodSource("pinned")
    void collectionProgram_isFoundOrClean_replays_andMatchesBruteForce(String method, long executions, List<ViolationKind> kinds,
            List<String> racyCollections) {
        PrimitiveChecks.check(Collections2.class, method, RunConfig.defaults(), executions, kinds);
        RaceDetector races = new RaceDetector();
        try (JavaProgram p = PrimitiveChecks.program(Collections2.class, method, 0)) {
            Explorer.explore(p, SearchConfig.of(StrategySpec.dpor()).withMinimize(false).withObservers(List.of(races)));
        }
        assertEquals(racyCollections, races.result().races().stream().map(DataRace::field).distinct().toList(), method);
    }

    @org.junit.jupiter.api.Test
    void programSubclassOfAJdkCollection_isNamedNotControlled_andNotExhaustive() {
        try (JavaProgram p = PrimitiveChecks.program(Collections2.class, "ownSubclass", 0)) {
            var r = Explorer.explore(p, SearchConfig.of(StrategySpec.dpor()).withMinimize(false));
            assertEquals(1, p.notes().notControlled().size(), p.notes().notControlled().toString());
            assertTrue(p.notes().notControlled().get(0).startsWith("the JDK code java.util.ArrayList that jvmtest.Collections2.Names "
                    + "inherits (calls typed with Collections2.Names run it unobserved)"), p.notes().notControlled().toString());
            org.junit.jupiter.api.Assertions.assertFalse(JavaResult.of(r, p.notes()).result().exhaustive());
        }
    }
}
