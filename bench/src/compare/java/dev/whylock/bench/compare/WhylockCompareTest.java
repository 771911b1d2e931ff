package dev.whylock.bench.compare;

import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
import dev.whylock.engine.search.Ticker;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * whylock on the comparison programs: DPOR stopping at the first damage for the buggy variant, and a
 * whole DPOR exploration of the fixed one (which proves absence for that program: every
 * Mazurkiewicz trace is explored). Then a 1,000-execution random walk of the fixed variant, for an
 * executions/s figure comparable with the peers' sampling.
 */
class WhylockCompareTest {

    static final Ticker TICKER = System::nanoTime;

    static Set<ViolationKind> damage() {
        Set<ViolationKind> s = EnumSet.noneOf(ViolationKind.class);
        for (ViolationKind k : ViolationKind.values()) {
            if (k.damage() && k != ViolationKind.DATA_RACE && k != ViolationKind.LOCK_ORDER) {
                s.add(k);
            }
        }
        return s;
    }

    @Test
    void allPrograms() {
        // Warm the JIT once so that the first program does not pay for class loading alone.
        for (String name : Programs.NAMES) {
            run(EnginePrograms.of(name, false), StrategySpec.dpor(), 1_000_000, false);
        }
        for (String name : Programs.NAMES) {
            EnginePrograms.Case buggy = EnginePrograms.of(name, true);
            ExplorationResult b = run(buggy, StrategySpec.dpor(), 1_000_000, true);
            Results.record("whylock", name, "buggy", found(b), b.executions() + b.blocked(), b.elapsedMillis(),
                    b.violations().isEmpty() ? (b.exhaustive() ? "exhaustive: no violation" : "no violation") : "bug found");
            EnginePrograms.Case fixed = EnginePrograms.of(name, false);
            ExplorationResult f = run(fixed, StrategySpec.dpor(), 1_000_000, false);
            // One exhaustive exploration of a small program takes well under a millisecond: repeat it for the timing.
            long total = 0;
            int reps = 0;
            long t0 = TICKER.nanos();
            while (TICKER.nanos() - t0 < 300_000_000L) {
                ExplorationResult again = run(fixed, StrategySpec.dpor(), 1_000_000, false);
                total += again.executions() + again.blocked();
                reps++;
            }
            long ms = (TICKER.nanos() - t0) / 1_000_000;
            Results.record("whylock", name, "fixed", found(f), total, ms,
                    f.exhaustive() && f.violations().isEmpty()
                            ? "proved absent: all " + f.executions() + " Mazurkiewicz traces explored by DPOR (timing: " + reps
                                    + " repetitions)"
                            : f.violations().isEmpty() ? "no violation (not exhaustive)" : "violation in fixed variant");
            ExplorationResult r = run(fixed, StrategySpec.random(1), 1_000, false);
            Results.record("whylock-random", name, "fixed", found(r), r.executions() + r.blocked(), r.elapsedMillis(),
                    "no claim (random walk, " + r.executions() + " executions)");
        }
    }

    private static String found(ExplorationResult r) {
        return r.violations().stream().filter(v -> damage().contains(v.kind())).findFirst()
                .map(v -> v.kind().key() + ": " + v.message()).orElse("none");
    }

    private static ExplorationResult run(EnginePrograms.Case c, StrategySpec s, long max, boolean stop) {
        SearchConfig cfg = SearchConfig.of(s).withRun(RunConfig.defaults().withExperiments(c.experiments())).withMinimize(false)
                .withMaxExecutions(max).withTimeLimit(0, TICKER);
        if (stop) {
            cfg = cfg.withStopOn(damage());
        }
        return Explorer.explore(c.program(), cfg);
    }
}
