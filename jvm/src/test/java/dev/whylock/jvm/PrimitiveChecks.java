package dev.whylock.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.result.ReplayFile;
import dev.whylock.engine.result.StopReason;
import dev.whylock.engine.result.Violation;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.Replayer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What every test of a modelled JDK primitive checks on a program method: DPOR's execution count
 * and the kinds of violation it finds (pinned by the caller), nothing left uncontrolled, the first
 * counterexample replaying step by step in a fresh program, and the same behaviours (values read,
 * results, violations per thread) as plain enumeration of every schedule ({@code dfs} without
 * bound), as {@link JavaOracleTest} compares them.
 */
final class PrimitiveChecks {
    private PrimitiveChecks() {}

    static JavaProgram program(Class<?> c, String method, int spurious) {
        return JavaProgram.ofTest(c.getName(), method, PrimitiveChecks.class.getClassLoader(), List.of(), List.of()).spuriousWakeups(spurious);
    }

    /** {@link #check(Class, String, RunConfig, int, long, boolean, List)} without spurious wake-ups, expecting an exhaustive search. */
    static JavaResult check(Class<?> c, String method, RunConfig run, long executions, List<ViolationKind> kinds) {
        return check(c, method, run, 0, executions, true, kinds);
    }

    /**
     * Explores {@code c#method} with DPOR under {@code run}, each thread allowed {@code spurious}
     * spurious wake-ups, and checks it as described above; returns the result.
     */
    static JavaResult check(Class<?> c, String method, RunConfig run, int spurious, long executions, boolean exhaustive,
            List<ViolationKind> kinds) {
        return check(c, method, run, spurious, executions, exhaustive, kinds, true);
    }

    /** As above; {@code bruteForce} false leaves out the comparison with plain enumeration (for programs beyond its bound here). */
    static JavaResult check(Class<?> c, String method, RunConfig run, int spurious, long executions, boolean exhaustive,
            List<ViolationKind> kinds, boolean bruteForce) {
        JavaResult r;
        try (JavaProgram p = program(c, method, spurious)) {
            ExplorationResult e = Explorer.explore(p, SearchConfig.of(StrategySpec.dpor()).withRun(run).withMinimize(false).withMaxExecutions(100_000));
            r = JavaResult.of(e, p.notes());
        }
        assertEquals(List.of(), r.notControlled(), method);
        assertEquals(executions, r.result().executions(), method);
        assertEquals(exhaustive, r.result().exhaustive(), method + " exhaustive");
        assertEquals(kinds, r.result().violations().stream().map(Violation::kind).distinct().toList(), method + ": " + r.result().violations());
        if (!kinds.isEmpty()) {
            Violation v = r.result().violations().get(0);
            ReplayFile f;
            try {
                f = ReplayFile.parse(ReplayFile.of(Map.of("program", c.getName() + "#" + method), v).text());
            } catch (ReplayFile.FormatException e) {
                throw new AssertionError(e);
            }
            try (JavaProgram p = program(c, method, spurious)) {
                Replayer.Outcome o = Replayer.replay(p, run, f);
                assertTrue(o.reproduced(v.key()), method + ": the counterexample does not replay: " + o.error() + " at " + o.divergence());
            }
        }
        if (!bruteForce) {
            return r;
        }
        JavaOracleTest.Run brute;
        JavaOracleTest.Run dpor;
        try (JavaProgram p = program(c, method, spurious)) {
            brute = JavaOracleTest.explore(p, StrategySpec.dfs(-1), run);
        }
        assertEquals(StopReason.EXHAUSTED, brute.result().stopReason(), method + ": brute force did not finish");
        try (JavaProgram p = program(c, method, spurious)) {
            dpor = JavaOracleTest.explore(p, StrategySpec.dpor(), run);
        }
        Set<String> missing = new TreeSet<>(brute.behaviours());
        missing.removeAll(dpor.behaviours());
        assertEquals(Set.of(), missing, method + ": behaviours of brute force that DPOR missed");
        assertFalse(brute.behaviours().isEmpty());
        assertEquals(brute.behaviours(), dpor.behaviours(), method);
        return r;
    }
}
