package dev.whylock.jvm;

import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
import java.util.List;

/** Shortcuts for the tests: explore a compiled class of the test class path. */
final class Explore {
    private Explore() {}

    static JavaResult dpor(Class<?> c) {
        return run(c, "main", StrategySpec.dpor(), RunConfig.defaults(), false);
    }

    static JavaResult run(Class<?> c, String method, StrategySpec spec, RunConfig run, boolean minimize) {
        try (JavaProgram p = JavaProgram.ofTest(c.getName(), method, Explore.class.getClassLoader(), List.of(), List.of())) {
            ExplorationResult r = Explorer.explore(p, SearchConfig.of(spec).withRun(run).withMinimize(minimize).withMaxExecutions(100_000));
            return JavaResult.of(r, p.notes());
        }
    }
}
