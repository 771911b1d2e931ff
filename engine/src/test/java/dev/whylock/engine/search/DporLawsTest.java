package dev.whylock.engine.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.whylock.engine.Program;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.result.Violation;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Laws of the search on random programs over every primitive: replay and determinism. */
class DporLawsTest {

    static LongStream replaySeeds() {
        return LongStream.range(1_000, 1_150);
    }

    static LongStream seedSeeds() {
        return LongStream.range(2_000, 2_050);
    }

    @ParameterizedTest
    @MethodSource("replaySeeds")
    void everyViolation_replays_toTheSameTrace(long seed) {
        Program p = RandomPrograms.draw(seed).program();
        ExplorationResult r = Explorer.explore(p, SearchConfig.of(StrategySpec.dpor()).withMaxExecutions(20_000));
        for (Violation v : r.violations()) {
            ExplorationResult again = Explorer.explore(p, SearchConfig.of(StrategySpec.replay(v.decisions())).withMinimize(false));
            Violation w = again.violations().stream().filter(x -> x.key().equals(v.key())).findFirst().orElseThrow(
                    () -> new AssertionError("seed " + seed + ": replay lost " + v.key()));
            assertEquals(v.trace(), w.trace());
        }
    }

    @ParameterizedTest
    @MethodSource("seedSeeds")
    void sameSeed_givesIdenticalResults(long seed) {
        Program p = RandomPrograms.draw(seed).program();
        for (StrategySpec s : List.of(StrategySpec.random(seed), StrategySpec.pct(seed, 2), StrategySpec.dpor())) {
            SearchConfig cfg = SearchConfig.of(s).withMaxExecutions(30);
            ExplorationResult a = Explorer.explore(p, cfg);
            ExplorationResult b = Explorer.explore(p, cfg);
            assertEquals(a.violations(), b.violations(), "seed " + seed + " " + s);
            assertEquals(a.executions(), b.executions());
        }
    }
}
