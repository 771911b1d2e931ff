package dev.whylock.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
import java.util.List;
import jvmtest.PinnedCallbacks;
import org.junit.jupiter.api.Test;

/**
 * A task that reaches a scheduling point where the JVM cannot suspend it (inside class loading the
 * JVM started, or below native code) is not a bug of the program: the result says what was not
 * controlled and is not exhaustive, and reports no violation. Before, the JVM's "Pinned" exception
 * was reported as the program's uncaught exception, in an "exhaustive" result.
 */
class JavaPinnedTest {

    @Test
    void schedulingPointInsideClassLoading_isNamedNotControlled_notReportedAsABug() {
        try (JavaProgram p = JavaProgram.ofTest(PinnedCallbacks.class.getName(), "loaderCallback", JavaPinnedTest.class.getClassLoader(),
                List.of(), List.of())) {
            ExplorationResult r = Explorer.explore(p, SearchConfig.of(StrategySpec.dpor()).withMinimize(false).withMaxExecutions(1_000));
            assertEquals(List.of(), r.violations(), "no violation: the program did nothing wrong");
            assertFalse(JavaResult.of(r, p.notes()).result().exhaustive(), "what follows the pinned point was not explored");
            assertTrue(p.notes().notControlled().stream().anyMatch(n -> n.contains("cannot suspend")), p.notes().notControlled().toString());
        }
    }
}
