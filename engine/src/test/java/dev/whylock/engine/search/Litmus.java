package dev.whylock.engine.search;

import dev.whylock.engine.Env;
import dev.whylock.engine.Program;
import dev.whylock.engine.result.ExplorationResult;
import java.util.function.Consumer;

/** Small programs with known answers, and shortcuts to explore them. */
final class Litmus {

    private Litmus() {}

    static Program program(String name, Consumer<Env> run) {
        return new Program() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void run(Env env) {
                run.accept(env);
            }
        };
    }

    static ExplorationResult dpor(Program p) {
        return Explorer.explore(p, SearchConfig.of(StrategySpec.dpor()).withMinimize(false));
    }

    static ExplorationResult dfs(Program p) {
        return Explorer.explore(p, SearchConfig.of(StrategySpec.dfs(-1)).withMinimize(false));
    }
}
