package dev.whylock.engine.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.Program;
import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.result.StopReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The split search ({@link SplitSearch}) gives the same result for any number of workers: the same
 * executions, violations with their counterexamples, and the same executions seen by observers in
 * the same order. Its soundness is checked against brute force in {@link ExplorationOracleTest}.
 */
class SplitSearchTest {

    /** A result and every execution's behaviour in the order observers saw them. */
    record Seen(ExplorationResult result, List<String> behaviours) {}

    static Seen split(Program p, SearchConfig base, int workers, int depth) {
        List<String> seen = new ArrayList<>();
        SearchConfig cfg = base.withObservers(List.of(o -> seen.add(ExplorationOracleTest.behaviour(o))));
        return new Seen(SplitSearch.explore(p, cfg, workers, depth, 2), seen);
    }

    @Test
    void randomPrograms_oneTwoAndFourWorkers_identicalResultsAndObservationOrder() {
        int compared = 0;
        long executions = 0;
        int withViolations = 0;
        for (long seed = 1; seed <= 100; seed++) {
            Program p = RandomPrograms.draw(seed).program();
            for (RunConfig.Timing timing : RunConfig.Timing.values()) {
                SearchConfig cfg = SearchConfig.of(StrategySpec.dpor()).withMaxExecutions(20_000)
                        .withRun(RunConfig.defaults().withTiming(timing));
                Seen one = split(p, cfg, 1, 2);
                for (int n : new int[] {2, 4}) {
                    Seen many = split(p, cfg, n, 2);
                    assertEquals(one.result(), many.result(), "seed " + seed + " " + timing + ", " + n + " workers");
                    assertEquals(one.behaviours(), many.behaviours(), "seed " + seed + " " + timing + ", " + n + " workers");
                }
                compared++;
                executions += one.result().executions();
                withViolations += one.result().violations().isEmpty() ? 0 : 1;
            }
        }
        assertTrue(withViolations > 20, "the programs find violations (and minimise them): " + withViolations);
        assertTrue(executions > 3 * compared, "the programs have several executions: " + executions);
    }

    /**
     * Units sent as plain data ({@link UnitWire}) and run by {@link SplitSearch#runSent}, in reverse
     * order within each round, as a cluster's members may: the same result and the same analyses
     * (absorbed from the units' fresh copies) as the local split search, on every random program.
     */
    @Test
    void unitsSentAsPlainData_anyOrder_sameResultAndAnalysesAsLocal() {
        int compared = 0;
        int withRaces = 0;
        for (long seed = 1; seed <= 20; seed++) {
            Program p = RandomPrograms.draw(seed).program();
            for (RunConfig.Timing timing : RunConfig.Timing.values()) {
                SearchConfig cfg = SearchConfig.of(StrategySpec.dpor()).withMaxExecutions(20_000)
                        .withRun(RunConfig.defaults().withTiming(timing));
                dev.whylock.engine.analysis.Analyses here = new dev.whylock.engine.analysis.Analyses();
                ExplorationResult local = SplitSearch.explore(p, cfg.withObservers(here.observers()), 2, 2, 2);
                dev.whylock.engine.analysis.Analyses sent = new dev.whylock.engine.analysis.Analyses();
                SplitSearch.UnitRunner wire = units -> {
                    List<SplitSearch.UnitResult> out = new ArrayList<>(java.util.Collections.nCopies(units.size(), null));
                    for (int i = units.size() - 1; i >= 0; i--) {
                        byte[] answer = SplitSearch.runSent(p, cfg, UnitWire.unit(units.get(i)), () -> false);
                        out.set(i, UnitWire.result(answer));
                    }
                    return out;
                };
                ExplorationResult remote = SplitSearch.explore(p, cfg.withObservers(sent.observers()), 2, 2, wire);
                assertEquals(local, remote, "seed " + seed + " " + timing);
                assertEquals(here.report(), sent.report(), "seed " + seed + " " + timing);
                compared++;
                withRaces += here.report().races().races().isEmpty() ? 0 : 1;
            }
        }
        assertTrue(withRaces > 10, "the analyses find races to compare: " + withRaces + " of " + compared);
    }

    @Test
    void randomPrograms_stopAtFirstViolation_sameStopForAnyWorkers() {
        int stopped = 0;
        for (long seed = 1; seed <= 100; seed++) {
            Program p = RandomPrograms.draw(seed).program();
            SearchConfig cfg = SearchConfig.of(StrategySpec.dpor()).withStopOn(Set.of(ViolationKind.values()));
            Seen one = split(p, cfg, 1, 3);
            Seen three = split(p, cfg, 3, 3);
            assertEquals(one.result(), three.result(), "seed " + seed);
            assertEquals(one.behaviours(), three.behaviours(), "seed " + seed);
            stopped += one.result().stopReason() == StopReason.FIRST_VIOLATION ? 1 : 0;
        }
        assertTrue(stopped > 10, "some searches stop at a violation: " + stopped);
    }

    @Test
    void everyViolation_ofTheSplitSearch_replaysToTheSameTrace() {
        int replayed = 0;
        for (long n = 1_000; n < 1_100; n++) {
            long seed = n;
            Program p = RandomPrograms.draw(seed).program();
            ExplorationResult r = SplitSearch.explore(p, SearchConfig.of(StrategySpec.dpor()).withMaxExecutions(20_000), 2, 2, 2);
            for (dev.whylock.engine.result.Violation v : r.violations()) {
                ExplorationResult again = Explorer.explore(p, SearchConfig.of(StrategySpec.replay(v.decisions())).withMinimize(false));
                dev.whylock.engine.result.Violation w = again.violations().stream().filter(x -> x.key().equals(v.key())).findFirst()
                        .orElseThrow(() -> new AssertionError("seed " + seed + ": replay lost " + v.key()));
                assertEquals(v.trace(), w.trace(), "seed " + seed);
                replayed++;
            }
        }
        assertTrue(replayed > 20, "violations replayed: " + replayed);
    }

    @Test
    void splitDepthZero_isTheSequentialSearch() {
        for (long seed = 1; seed <= 100; seed++) {
            Program p = RandomPrograms.draw(seed).program();
            // The split search runs source sets; so does the sequential search it is compared with.
            SearchConfig cfg = SearchConfig.of(StrategySpec.dpor(false)).withMaxExecutions(20_000);
            List<String> seen = new ArrayList<>();
            ExplorationResult seq = Explorer.explore(p, cfg.withObservers(List.of(o -> seen.add(ExplorationOracleTest.behaviour(o)))));
            List<String> splitSeen = new ArrayList<>();
            Seen split = new Seen(SplitSearch.explore(p, cfg.withObservers(List.of(o -> splitSeen.add(ExplorationOracleTest.behaviour(o)))),
                    2, 0), splitSeen);
            assertEquals(seq, split.result(), "seed " + seed);
            assertEquals(seen, split.behaviours(), "seed " + seed);
        }
    }

    @Test
    void racingTasksWithHighIds_splitAnywhere_sameExecutionsAsSequential() {
        // Tasks with high ids marked done at a coordinator frame before their step is known (the frame's
        // footprint arrays must reach them: a kernel scenario crashed there; SplitCounts in bench runs them all).
        Program p = Litmus.program("two-of-eleven", env -> {
            dev.whylock.engine.Field<Integer> x = env.field("x", 0);
            for (int t = 0; t < 11; t++) {
                int id = t;
                dev.whylock.engine.Field<Integer> own = env.field("own" + t, 0);
                env.spawn("T" + t, () -> {
                    own.set(1, "own");
                    if (id >= 8) {
                        x.set(id, "x");
                    }
                });
            }
        });
        long sequential = Explorer.explore(p, SearchConfig.of(StrategySpec.dpor())).executions();
        assertEquals(6, sequential, "three writers of x: 3! orders");
        for (int depth = 0; depth <= 14; depth++) {
            assertEquals(sequential, SplitSearch.explore(p, SearchConfig.of(StrategySpec.dpor()), 2, depth, 1 + depth % 4).executions(),
                    "depth " + depth);
        }
    }

    @Test
    void lockOnceByFourTasks_splitAnywhere_stillOneExecutionPerOrder() {
        // n tasks taking one lock once: n! orders, each a Mazurkiewicz trace (LitmusTest pins it for the sequential search).
        Program p = Litmus.program("lock-once-4", env -> {
            dev.whylock.engine.Mutex m = env.mutex("m");
            for (int t = 0; t < 4; t++) {
                env.spawn("T" + t, () -> {
                    m.lock("a");
                    m.unlock("a");
                });
            }
        });
        for (int depth = 0; depth <= 8; depth++) {
            ExplorationResult r = SplitSearch.explore(p, SearchConfig.of(StrategySpec.dpor()), 3, depth, 1 + depth % 3);
            assertEquals(24, r.executions(), "split depth " + depth);
            assertTrue(r.exhaustive());
        }
    }
}
