package dev.whylock.engine.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.whylock.engine.Env;
import dev.whylock.engine.Field;
import dev.whylock.engine.Mutex;
import dev.whylock.engine.Program;
import dev.whylock.engine.exec.RunConfig;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lock-aware reduction ({@code StrategySpec.withLockAware(true)}, off by default; docs/engine.md,
 * "Lock-aware reduction"): what it saves, and the programs where leaving the lock's order alone
 * would lose behaviours unless races outside the sections move the order.
 */
class LockAwareTest {

    enum Search { SOURCE_SETS, WAKEUP_TREES }

    static ExplorationOracleTest.Run run(Program p, Search s, boolean lockAware) {
        return ExplorationOracleTest.explore(p, StrategySpec.dpor(s == Search.WAKEUP_TREES).withLockAware(lockAware),
                RunConfig.Timing.UNTIMED, 100_000);
    }

    static ExplorationOracleTest.Run brute(Program p) {
        return ExplorationOracleTest.explore(p, StrategySpec.dfs(-1), RunConfig.Timing.UNTIMED, 100_000);
    }

    /** n tasks taking one lock once, with empty sections: one execution instead of n!. */
    @ParameterizedTest
    @CsvSource({"2, 2", "3, 6", "4, 24", "5, 120"})
    void lockOnce_runsOneExecution(int n, long without) {
        Program p = LitmusTest.lockOnce(n);
        for (Search s : Search.values()) {
            assertEquals(without, run(p, s, false).result().executions(), s.toString());
            ExplorationOracleTest.Run on = run(p, s, true);
            assertEquals(1, on.result().executions(), s.toString());
            assertEquals(0, on.result().blocked(), s.toString());
            assertNull(ExplorationOracleTest.disagreement(brute(p), on));
        }
    }

    static Program program(String name, Consumer<Env> body) {
        return Litmus.program(name, body);
    }

    /** Programs where the order of two independent sections decides what a step outside them sees. */
    static Program named(String which) {
        return switch (which) {
            // t1: x=1; lock; unlock   t2: lock; unlock; r=x  (happens-before through the lock must not hide the race on x)
            case "write-before-read-after" -> program(which, env -> {
                Mutex m = env.mutex("L");
                Field<Integer> x = env.field("x", 0);
                env.spawn("T1", () -> { x.set(1, "w"); m.lock("s1"); m.unlock("s1"); });
                env.spawn("T2", () -> { m.lock("s2"); m.unlock("s2"); x.get("r"); });
            });
            // t1: lock; unlock; x=1   t2: lock; r=x; unlock  (r=1 needs t1's section first)
            case "write-after-read-inside" -> program(which, env -> {
                Mutex m = env.mutex("L");
                Field<Integer> x = env.field("x", 0);
                env.spawn("T1", () -> { m.lock("s1"); m.unlock("s1"); x.set(1, "w"); });
                env.spawn("T2", () -> { m.lock("s2"); x.get("r"); m.unlock("s2"); });
            });
            // t1: lock; r=y; unlock   t2: lock; unlock; y=1  (r=1 needs t2's section first)
            case "read-inside-write-after" -> program(which, env -> {
                Mutex m = env.mutex("L");
                Field<Integer> y = env.field("y", 0);
                env.spawn("T1", () -> { m.lock("s1"); y.get("r"); m.unlock("s1"); });
                env.spawn("T2", () -> { m.lock("s2"); m.unlock("s2"); y.set(1, "w"); });
            });
            // AB-BA: the deadlock needs the order of the B sections (empty inside A) reversed
            case "ab-ba" -> program(which, env -> {
                Mutex a = env.mutex("A");
                Mutex b = env.mutex("B");
                env.spawn("T1", () -> { a.lock("a1"); b.lock("b1"); b.unlock("b1"); a.unlock("a1"); });
                env.spawn("T2", () -> { b.lock("b2"); a.lock("a2"); a.unlock("a2"); b.unlock("b2"); });
            });
            // a trylock sees who holds the lock
            case "trylock" -> program(which, env -> {
                Mutex m = env.mutex("L");
                env.spawn("T1", () -> { m.lock("s1"); m.unlock("s1"); });
                env.spawn("T2", () -> { m.lock("s2"); m.unlock("s2"); });
                env.spawn("T3", () -> { if (m.tryLock("t")) { m.unlock("t"); } });
            });
            // three sections, two of them conflicting, one outside read of the third's data
            case "three-sections" -> program(which, env -> {
                Mutex m = env.mutex("L");
                Field<Integer> x = env.field("x", 0);
                Field<Integer> y = env.field("y", 0);
                env.spawn("T1", () -> { m.lock("s1"); x.set(1, "w1"); m.unlock("s1"); });
                env.spawn("T2", () -> { m.lock("s2"); x.set(2, "w2"); m.unlock("s2"); y.get("r2"); });
                env.spawn("T3", () -> { y.set(1, "w3"); m.lock("s3"); m.unlock("s3"); x.get("r3"); });
            });
            // a section left open when its task ends
            case "open-section" -> program(which, env -> {
                Mutex m = env.mutex("L");
                Field<Integer> x = env.field("x", 0);
                env.spawn("T1", () -> { m.lock("s1"); x.set(1, "w"); });
                env.spawn("T2", () -> { m.lock("s2"); m.unlock("s2"); });
            });
            default -> throw new IllegalArgumentException(which);
        };
    }

    /**
     * Programs of {@link RandomPrograms#drawLocks} on which a version of lock-aware reduction lost a
     * behaviour (docs/engine.md, "Lock-aware reduction"), written out: an is-locked before a section
     * (seed 529, before acquisitions walked past sections) and during a nested one (220, before
     * reversed sequences held back acquisitions of held locks), an is-locked after its own task's
     * sections (1535, 1714, 2183, before trylock and is-locked walked past every section), and
     * acquisitions after a release in a reversed sequence taken for blocked first steps (5380, 7615,
     * 7990).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "220 | setup=[] tasks=[[L_READ(0,0)], [BUG_IF(1,0)], [IS_LOCKED(1,1)]] works=[[L_WRITE(1,1), WRITE(0,0)]] main=[NESTED(0,0)] joinAll=false invariant=1",
        "529 | setup=[] tasks=[[IS_LOCKED(1,1), L_EMPTY(1,1), WRITE(0,0)], [L_EMPTY(1,1)]] works=[[READ(1,1)]] main=[] joinAll=true invariant=0",
        "1535 | setup=[] tasks=[[L_READ(1,0)], [L_READ(1,0), L_READ(1,1), IS_LOCKED(1,0)]] works=[[L_READ(1,0)]] main=[L_WRITE(0,0)] joinAll=false invariant=0",
        "1714 | setup=[] tasks=[[L_READ(0,1), READ(1,0)], [COMPLETE(0,1), L_EMPTY(0,1), IS_LOCKED(0,1)]] works=[[LOCKED_INC(1,1,w)]] main=[WRITE(1,1)] joinAll=false invariant=1",
        "2183 | setup=[] tasks=[[BUG_IF(0,0), WRITE(0,1)], [SPAWN(0,0), L_READ(1,0)], [L_READ(0,0), IS_LOCKED(0,0)]] works=[[LOCKED_INC(0,0)]] main=[] joinAll=false invariant=0",
        "5380 | setup=[] tasks=[[L_READ(0,0), L_WRITE(1,1)], [LOCKED_INC(0,0,w), NESTED(1,0)]] works=[[L_EMPTY(0,0)]] main=[READ(0,0)] joinAll=false invariant=0",
        "7615 | setup=[] tasks=[[WRITE(1,1), READ(1,0)], [L_READ(1,0)], [TRYLOCK(1,0), L_READ(1,0)]] works=[[L_WRITE(1,0), L_READ(0,0)]] main=[] joinAll=false invariant=1",
        "7990 | setup=[] tasks=[[READ(1,1), WAIT(0,1)], [L_WRITE(1,0), L_EMPTY(1,1)], [TRYLOCK(0,1), NESTED(1,1)]] works=[[READ(0,1)]] main=[] joinAll=true invariant=0"})
    void lockProgramsThatOnceDisagreed_showTheBehavioursOfBruteForce(long seed, String program) {
        Program p = RandomPrograms.parse(program).program();
        ExplorationOracleTest.Run brute = brute(p);
        for (Search s : Search.values()) {
            ExplorationOracleTest.Run on = run(p, s, true);
            String why = ExplorationOracleTest.disagreement(brute, on);
            assertNull(why, "seed " + seed + " " + s + why);
            assertNull(ExplorationOracleTest.traceMismatch(brute, on, true), "seed " + seed + " " + s);
        }
    }

    /** Executions pinned with lock-aware reduction (source sets, wakeup trees) and the traces (= executions without it). */
    @ParameterizedTest
    @CsvSource({"write-before-read-after, 2, 2, 3", "write-after-read-inside, 2, 2, 3", "read-inside-write-after, 3, 3, 3",
        "ab-ba, 3, 3, 3", "trylock, 9, 9, 10", "three-sections, 15, 16, 16", "open-section, 2, 2, 2"})
    void lockOrderThatMattersOutsideTheSections_isStillExplored(String which, long source, long wakeup, long traces) {
        Program p = named(which);
        ExplorationOracleTest.Run brute = brute(p);
        assertEquals(traces, brute.traces());
        for (Search s : Search.values()) {
            ExplorationOracleTest.Run on = run(p, s, true);
            String why = ExplorationOracleTest.disagreement(brute, on);
            assertNull(why, which + " " + s + why);
            assertNull(ExplorationOracleTest.traceMismatch(brute, on, true), which + " " + s);
            assertEquals(s == Search.SOURCE_SETS ? source : wakeup, on.result().executions(), which + " " + s);
            assertEquals(0, on.result().blocked(), which + " " + s);
            assertEquals(traces, run(p, s, false).result().executions(), which + " " + s + " without");
        }
    }
}
