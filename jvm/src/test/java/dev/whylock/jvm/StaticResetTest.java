package dev.whylock.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
import statics.EnumState;
import statics.FailingInit;
import statics.InitOrder;
import statics.StaticCounter;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Static state starts over in every execution, whether the statics are re-initialised in one class
 * loader or the classes are defined again in a fresh loader per execution: each program asserts
 * what a first run on a fresh JVM sees, so state carried over from an earlier execution, a
 * static initialiser run at the wrong moment or not at all, or a failed one not failing again, is
 * a violation in some execution. Pinned: executions, and how many loaders served them.
 */
class StaticResetTest {

    record Outcome(ExplorationResult result, int loaders) {}

    static Outcome explore(Class<?> c, boolean fresh, StrategySpec spec) {
        try (JavaProgram p = JavaProgram.ofTest(c.getName(), "main", StaticResetTest.class.getClassLoader(), List.of(), List.of())
                .freshLoaders(fresh)) {
            ExplorationResult r = Explorer.explore(p, SearchConfig.of(spec).withRun(RunConfig.defaults())
                    .withMinimize(false).withMaxExecutions(10_000));
            return new Outcome(r, p.loaders());
        }
    }

    @ParameterizedTest
    @CsvSource({
        // program, strategy (dfs: every schedule; the programs' ArrayList calls are scheduling points too), executions, loaders when statics are re-initialised (1: one served all)
        "StaticCounter, dpor, 2, 1",
        "StaticCounter, dfs, 78, 1",
        "InitOrder, dpor, 2, 1",
        "InitOrder, dfs, 5, 1",
        "FailingInit, dpor, 2, 1",
        "FailingInit, dfs, 4, 1",
        // an enum singleton and an interface constant hold state: a fresh loader for every execution
        "EnumState, dpor, 2, 2",
        "EnumState, dfs, 5, 5"})
    void everyExecution_startsFromTheInitialStatics_inOneLoaderAndInFreshOnes(String program, String strategy, long executions,
            int loaders) {
        StrategySpec spec = strategy.equals("dpor") ? StrategySpec.dpor() : StrategySpec.dfs(-1);
        Class<?> c = switch (program) {
            case "StaticCounter" -> StaticCounter.class;
            case "InitOrder" -> InitOrder.class;
            case "FailingInit" -> FailingInit.class;
            default -> EnumState.class;
        };
        Outcome reinit = explore(c, false, spec);
        Outcome fresh = explore(c, true, spec);
        assertEquals(List.of(), reinit.result().violations(), program + " with re-initialised statics");
        assertEquals(List.of(), fresh.result().violations(), program + " in fresh class loaders");
        assertTrue(reinit.result().exhaustive());
        assertEquals(executions, reinit.result().executions(), program + " " + strategy);
        assertEquals(executions, fresh.result().executions());
        assertEquals(loaders, reinit.loaders());
        assertEquals(executions, fresh.loaders());
    }
}
