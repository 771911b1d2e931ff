package dev.whylock.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.analysis.RaceDetector;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
import java.util.List;
import java.util.stream.Stream;
import jvmtest.ArrayCopies;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * JDK code that reads or writes the program's arrays ({@link ArrayCopies}): each element it touches
 * is accessed before the call, so the bugs are found (before, System.arraycopy's writes and a clone's
 * reads were unobserved and both bugs were called correct after one execution), the correct programs
 * are clean with no data race (disjoint fills do not conflict), and DPOR shows the behaviours of
 * plain enumeration. DPOR executions pinned as data.
 */
class JavaArrayCallsTest {

    static Stream<Arguments> pinned() {
        List<ViolationKind> exception = List.of(ViolationKind.EXCEPTION);
        return Stream.of(
                Arguments.of("copyRace", 2, exception, 1),
                Arguments.of("copyLocked", 2, List.of(), 0),
                Arguments.of("fillHalves", 1, List.of(), 0),
                Arguments.of("cloneRace", 2, exception, 1),
                Arguments.of("toArrayRace", 2, exception, 1),
                Arguments.of("asListWriteThrough", 2, exception, 1),
                Arguments.of("asListDisjointSets", 1, List.of(), 0));
    }

    @ParameterizedTest
    @MethodSource("pinned")
    void arrayProgram_isFoundOrClean_replays_andMatchesBruteForce(String method, long executions, List<ViolationKind> kinds, int races) {
        PrimitiveChecks.check(ArrayCopies.class, method, RunConfig.defaults(), executions, kinds);
        RaceDetector detector = new RaceDetector();
        try (JavaProgram p = PrimitiveChecks.program(ArrayCopies.class, method, 0)) {
            Explorer.explore(p, SearchConfig.of(StrategySpec.dpor()).withMinimize(false).withObservers(List.of(detector)));
        }
        assertEquals(races, detector.result().races().size(), method + ": " + detector.result().races());
    }
}
