package dev.whylock.engine.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.whylock.engine.Env;
import dev.whylock.engine.Field;
import dev.whylock.engine.Mutex;
import dev.whylock.engine.Program;
import dev.whylock.engine.Task;
import dev.whylock.engine.exec.Access;
import dev.whylock.engine.exec.ExecutionOutcome;
import dev.whylock.engine.exec.Op;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.result.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Laws of the exhaustive search, checked on small random programs against brute-force
 * enumeration of every interleaving.
 */
class DporLawsTest {

    /** One action of a random task: read/write a field, or do so inside a lock, or free/touch an object. */
    record Action(int kind, int field, int lock, int lock2) {
        void run(Env env, List<Field<Integer>> fields, List<Mutex> locks, dev.whylock.engine.Completion c) {
            Field<Integer> f = fields.get(field);
            switch (kind) {
                case 0 -> f.get("read");
                case 1 -> f.set(5, "write");
                case 2 -> {
                    locks.get(lock).lock("locked");
                    int v = f.get("locked-read");
                    f.set(v + 1, "locked-write");
                    locks.get(lock).unlock("locked");
                }
                case 3 -> {
                    // Nested locks in the given order: random programs can deadlock AB-BA.
                    locks.get(lock).lock("outer");
                    locks.get(lock2).lock("inner");
                    f.set(7, "nested-write");
                    locks.get(lock2).unlock("inner");
                    locks.get(lock).unlock("outer");
                }
                case 4 -> {
                    // Control flow that depends on a value read.
                    if (f.get("check") == 0) {
                        f.set(-1, "act");
                    }
                }
                case 5 -> c.complete("complete");
                // A fatal violation in the middle of an execution: the rest never runs.
                case 6 -> env.bugOn(f.get("bug-check") == 5, "x" + field + " was 5");
                default -> throw new IllegalStateException();
            }
        }
    }

    record Spec(List<List<Action>> tasks, boolean join, boolean check) {
        Program program() {
            return Litmus.program("random", env -> {
                List<Field<Integer>> fields = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    fields.add(env.field("x" + i, 0));
                }
                List<Mutex> locks = List.of(env.mutex("A"), env.mutex("B"));
                dev.whylock.engine.Completion c = env.completion("c");
                List<Task> ts = new ArrayList<>();
                for (int t = 0; t < tasks.size(); t++) {
                    List<Action> acts = tasks.get(t);
                    ts.add(env.spawn("T" + t, () -> acts.forEach(a -> a.run(env, fields, locks, c))));
                }
                if (join) {
                    ts.forEach(env::join);
                    if (check) {
                        env.warnOn(fields.get(0).get("final") == 1, "x0 ended at 1");
                    }
                }
            });
        }
    }

    /** Brute force is exponential; programs it cannot enumerate within this many executions are skipped. */
    static final int BRUTE_FORCE_LIMIT = 20_000;

    /** A random program drawn from {@code seed}: 2-3 tasks of 1-2 actions, optionally joined and checked. */
    static Spec program(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<List<Action>> tasks = new ArrayList<>();
        int n = 2 + r.nextInt(2);
        for (int t = 0; t < n; t++) {
            List<Action> acts = new ArrayList<>();
            int m = 1 + r.nextInt(2);
            for (int i = 0; i < m; i++) {
                int k = r.nextInt(7);
                int l = r.nextInt(2);
                int l2 = r.nextInt(2);
                acts.add(new Action(k, r.nextInt(2), l, k == 3 && l == l2 ? 1 - l : l2));
            }
            tasks.add(acts);
        }
        return new Spec(tasks, r.nextBoolean(), r.nextBoolean());
    }

    static LongStream seeds300() {
        return LongStream.range(0, 300);
    }

    static LongStream seeds100() {
        return LongStream.range(1_000, 1_100);
    }

    static LongStream seeds50() {
        return LongStream.range(2_000, 2_050);
    }

    /**
     * A Mazurkiewicz trace's canonical form: the order of every dependent pair of events. Every
     * execution is maximal (a fatal violation kills only its task), so whole logs are compared.
     */
    static String canonical(ExecutionOutcome o) {
        List<Op> log = o.log();
        int[] local = new int[o.taskNames().size()];
        String[] id = new String[log.size()];
        for (int i = 0; i < log.size(); i++) {
            Op op = log.get(i);
            id[i] = op.task() + "." + (local[op.task()]++) + ":" + op.access();
        }
        TreeSet<String> pairs = new TreeSet<>();
        for (int i = 0; i < log.size(); i++) {
            for (int j = i + 1; j < log.size(); j++) {
                if (log.get(i).task() != log.get(j).task() && Access.dependent(log.get(i).access(), log.get(j).access())) {
                    pairs.add(id[i] + "<" + id[j]);
                }
            }
        }
        TreeSet<String> events = new TreeSet<>(List.of(id));
        return events + "|" + pairs + "|" + o.status();
    }

    static Set<String> violationKeys(ExplorationResult r) {
        Set<String> keys = new HashSet<>();
        for (Violation v : r.violations()) {
            keys.add(v.key());
        }
        return keys;
    }

    @ParameterizedTest
    @MethodSource("seeds300")
    void dpor_completeExecutions_equalDistinctMazurkiewiczTraces(long seed) {
        Program p = program(seed).program();
        Set<String> traces = new HashSet<>();
        ExplorationResult brute = Explorer.explore(p, SearchConfig.of(StrategySpec.dfs(-1)).withMinimize(false)
                .withMaxExecutions(BRUTE_FORCE_LIMIT).withObservers(List.of(o -> traces.add(canonical(o)))));
        Assumptions.assumeTrue(brute.exhaustive());
        Set<String> dporTraces = new HashSet<>();
        ExplorationResult dpor = Explorer.explore(p, SearchConfig.of(StrategySpec.dpor()).withMinimize(false)
                .withObservers(List.of(o -> dporTraces.add(canonical(o)))));
        assertEquals(traces, dporTraces, "DPOR must cover every Mazurkiewicz trace");
        assertEquals(traces.size(), dpor.executions(), "DPOR must run exactly one complete execution per trace");
        assertEquals(violationKeys(brute), violationKeys(dpor), "DPOR must find every violation brute force finds");
    }

    @ParameterizedTest
    @MethodSource("seeds100")
    void everyViolation_replays_toTheSameViolation(long seed) {
        Program p = program(seed).program();
        ExplorationResult r = Explorer.explore(p, SearchConfig.of(StrategySpec.dpor()));
        for (Violation v : r.violations()) {
            ExplorationResult again = Explorer.explore(p, SearchConfig.of(StrategySpec.replay(v.decisions())).withMinimize(false));
            Violation w = again.violations().stream().filter(x -> x.key().equals(v.key())).findFirst().orElseThrow(
                    () -> new AssertionError("replay lost " + v.key()));
            assertEquals(v.trace(), w.trace());
        }
    }

    @ParameterizedTest
    @MethodSource("seeds50")
    void sameSeed_givesIdenticalResults(long seed) {
        Program p = program(seed).program();
        for (StrategySpec s : List.of(StrategySpec.random(seed), StrategySpec.pct(seed, 2))) {
            SearchConfig cfg = SearchConfig.of(s).withMaxExecutions(30);
            assertEquals(Explorer.explore(p, cfg), Explorer.explore(p, cfg));
        }
    }
}
