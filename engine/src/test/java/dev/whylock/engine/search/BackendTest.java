package dev.whylock.engine.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.whylock.engine.Program;
import dev.whylock.engine.exec.Backend;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.ExplorationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both scheduling backends must give byte-identical results. */
class BackendTest {

    static ExplorationResult run(Program p, String backend) {
        return Explorer.explore(p, SearchConfig.of(StrategySpec.dpor())
                .withRun(RunConfig.defaults().withBackend(Backend.named(backend))));
    }

    @Test
    void threadBackend_givesTheSameResultsAsContinuations() {
        for (Program p : List.of(LitmusTest.lockOnce(3), LitmusTest.independent(3))) {
            assertEquals(run(p, "continuation"), run(p, "thread"));
        }
    }

    @Test
    void best_isContinuation_whenTheJvmExportsIt() {
        // Surefire passes --add-exports java.base/jdk.internal.vm=ALL-UNNAMED.
        assertEquals("continuation", Backend.best().name());
    }
}
