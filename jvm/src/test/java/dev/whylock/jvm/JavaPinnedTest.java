package dev.whylock.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.analysis.DataRace;
import dev.whylock.engine.analysis.RaceDetector;
import dev.whylock.engine.exec.Backend;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
import java.util.List;
import jvmtest.Collections2;
import jvmtest.PinnedCallbacks;
import org.junit.jupiter.api.Test;

/**
 * A task that reaches a scheduling point where its continuation cannot yield (inside class loading
 * the JVM started, below native code) runs on the thread backend instead: that execution again from
 * its start, the later ones from theirs. The results are those of the thread backend throughout:
 * same executions, behaviours and violations, nothing "not controlled", exhaustive. Before, the
 * JVM's "Pinned" exception was reported as the program's uncaught exception.
 */
class JavaPinnedTest {

    private static JavaOracleTest.Run explore(Class<?> c, String method, Backend backend, RaceDetector races) {
        try (JavaProgram p = JavaProgram.ofTest(c.getName(), method, JavaPinnedTest.class.getClassLoader(), List.of(), List.of())) {
            Run r = new Run(JavaOracleTest.explore(p, StrategySpec.dpor(), RunConfig.defaults().withBackend(backend), races), p.notes().notControlled());
            assertEquals(List.of(), r.notes(), method + ": nothing may be left uncontrolled");
            return r.run();
        }
    }

    private record Run(JavaOracleTest.Run run, List<String> notes) {}

    @Test
    void schedulingPointInsideClassLoading_runsOnThreads_withTheThreadBackendsResults() {
        RaceDetector races = new RaceDetector();
        JavaOracleTest.Run fallback = explore(PinnedCallbacks.class, "loaderCallback", Backend.named("continuation"), races);
        JavaOracleTest.Run threads = explore(PinnedCallbacks.class, "loaderCallback", Backend.named("thread"), new RaceDetector());
        assertEquals(List.of(), fallback.result().violations(), "the program's only bug is the race on loads");
        assertTrue(fallback.result().exhaustive());
        assertEquals(4, fallback.result().executions());
        assertEquals(threads.result().executions(), fallback.result().executions());
        assertEquals(threads.behaviours(), fallback.behaviours());
        assertEquals(List.of("PinnedCallbacks.loads"), races.result().races().stream().map(DataRace::field).distinct().toList(),
                "the loader's write, made where the continuation could not yield, races with the thread's");
    }

    @Test
    void programsThatDoNotPin_sameResultsOnBothBackends() {
        for (String m : List.of("listRace", "vectorWrongLock", "synchronizedListIteratedUnlocked")) {
            JavaOracleTest.Run c = explore(Collections2.class, m, Backend.named("continuation"), new RaceDetector());
            JavaOracleTest.Run t = explore(Collections2.class, m, Backend.named("thread"), new RaceDetector());
            assertEquals(t.result().executions(), c.result().executions(), m);
            assertEquals(t.behaviours(), c.behaviours(), m);
            assertEquals(t.result().violations(), c.result().violations(), m);
        }
    }
}
