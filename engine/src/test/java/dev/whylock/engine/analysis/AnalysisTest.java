package dev.whylock.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.Env;
import dev.whylock.engine.Field;
import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.Mutex;
import dev.whylock.engine.Program;
import dev.whylock.engine.Task;
import dev.whylock.engine.Work;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Small programs whose locksets, races, lock order and assertion reliance are known. */
class AnalysisTest {

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

    /** Explores {@code p} exhaustively with DPOR and returns the analyses over all executions. */
    static AnalysisReport analyse(Program p, LockExperiment... experiments) {
        return analyse(p, RunConfig.Timing.UNTIMED, experiments);
    }

    /** {@link #analyse} in timing mode {@code timing}. */
    static AnalysisReport analyse(Program p, RunConfig.Timing timing, LockExperiment... experiments) {
        Analyses a = new Analyses();
        SearchConfig cfg = SearchConfig.of(StrategySpec.dpor()).withMinimize(false).withObservers(a.observers());
        cfg = cfg.withRun(cfg.run().withTiming(timing).withExperiments(List.of(experiments)));
        ExplorationResult r = Explorer.explore(p, cfg);
        assertTrue(r.exhaustive(), "the litmus program must be explored exhaustively");
        return a.report();
    }

    static FieldLockset row(AnalysisReport r, String field) {
        return r.locksets().fields().stream().filter(f -> f.field().equals(field)).findFirst().orElseThrow();
    }

    /** Two tasks increment {@code counter} under L; main initialises it first without a lock. */
    static Program counterUnderLock() {
        return program("counter-under-lock", env -> {
            Mutex l = env.mutex("L");
            Field<Integer> counter = env.field("dev->counter", 0);
            counter.set(0, "dev_init");
            for (int t = 0; t < 2; t++) {
                env.spawn("T" + t, () -> {
                    l.lock("dev_inc");
                    counter.set(counter.get("dev_inc") + 1, "dev_inc");
                    l.unlock("dev_inc");
                });
            }
        });
    }

    @Test
    void fieldAlwaysWrittenUnderOneLock_locksets_protectedByThatLockAlone() {
        AnalysisReport r = analyse(counterUnderLock());
        FieldLockset f = row(r, "dev->counter");
        assertEquals(EraserState.SHARED_MODIFIED, f.state());
        assertEquals(List.of("L"), f.locks());
        LockProtection l = r.locksets().locks().get(0);
        assertEquals("L", l.lockClass());
        assertEquals(List.of("dev->counter"), l.alone());
        assertTrue(r.races().races().isEmpty(), "accesses under a common lock do not race");
    }

    @Test
    void initialisationBeforeSpawn_locksets_doesNotWeakenTheLockset() {
        AnalysisReport r = analyse(counterUnderLock());
        FieldLockset f = row(r, "dev->counter");
        // dev_init ran with no lock held, but before any other task touched the field.
        assertEquals(1, f.exclusiveAccesses() / r.locksets().executions());
        assertTrue(f.sites().stream().noneMatch(s -> s.function().equals("dev_init")));
        assertEquals(List.of("L"), f.locks());
    }

    @Test
    void removedAcquisition_locksets_holdsNothingAndRaces() {
        AnalysisReport r = analyse(counterUnderLock(), LockExperiment.remove("L", "dev_inc"));
        FieldLockset f = row(r, "dev->counter");
        assertTrue(f.unprotected(), "a removed acquisition must not count as holding L");
        assertFalse(r.races().races().isEmpty());
    }

    @Test
    void fieldWrittenUnderDifferentLocks_races_reportsBothSides() {
        AnalysisReport r = analyse(program("two-locks", env -> {
            Mutex a = env.mutex("A");
            Mutex b = env.mutex("B");
            Field<Integer> x = env.field("dev->x", 0);
            env.spawn("T0", () -> {
                a.lock("f");
                x.set(1, "f");
                a.unlock("f");
            });
            env.spawn("T1", () -> {
                b.lock("g");
                x.set(2, "g");
                b.unlock("g");
            });
        }));
        assertTrue(row(r, "dev->x").unprotected());
        assertEquals(1, r.races().races().size());
        DataRace race = r.races().races().get(0);
        assertEquals("dev->x", race.field());
        assertEquals(java.util.Set.of("f", "g"), java.util.Set.of(race.first().site(), race.second().site()));
        assertTrue(race.first().write() && race.second().write());
        assertEquals(java.util.Set.of(List.of("A"), List.of("B")), java.util.Set.of(race.first().locksHeld(), race.second().locksHeld()));
        assertEquals(race.second().step() + 1, race.trace().steps().size(), "the trace ends at the second access");
        assertEquals("dev->x", race.trace().steps().get(race.second().step()).object());
    }

    /** T0 writes {@code dev->x} at once; T1 sleeps {@code sleep} ms, then writes it; neither takes a lock. */
    static Program writeAfterSleep(long sleep) {
        return program("write-after-sleep", env -> {
            Field<Integer> x = env.field("dev->x", 0);
            env.spawn("T0", () -> x.set(1, "f"));
            env.spawn("T1", () -> {
                env.sleep(sleep, "g");
                x.set(2, "g");
            });
        });
    }

    @Test
    void accessesSeparatedByVirtualTime_races_onlyWhenTheyCanMeet() {
        // Timed: T0's write happens at t=0 and T1's at t=10ms; time passes only when nothing can run, so they never overlap.
        assertTrue(analyse(writeAfterSleep(10), RunConfig.Timing.TIMED).races().races().isEmpty());
        // A sleep of zero lets T1 write at t=0 too: the race is there.
        assertEquals(1, analyse(writeAfterSleep(0), RunConfig.Timing.TIMED).races().races().size());
        // Untimed, a sleep may end at any point, so the writes can meet.
        assertEquals(1, analyse(writeAfterSleep(10), RunConfig.Timing.UNTIMED).races().races().size());
    }

    @Test
    void accessesOrderedBySpawnJoinWorkAndCompletion_races_noneReported() {
        AnalysisReport r = analyse(program("ordered", env -> {
            Field<Integer> x = env.field("dev->x", 0);
            x.set(1, "probe");
            Work w = env.work("poll", () -> x.set(x.get("poll") + 1, "poll"));
            var done = env.completion("done");
            Task t = env.spawn("T0", () -> {
                x.set(x.get("t0") + 1, "t0");
                w.queue("t0");
                w.flush("t0");
                x.set(x.get("t0_after") + 1, "t0_after");
                done.complete("t0_after");
            });
            done.waitFor("main");
            x.set(x.get("main") + 1, "main");
            env.join(t);
            x.set(x.get("remove") + 1, "remove");
        }));
        assertTrue(r.races().races().isEmpty(), () -> "unexpected races " + r.races().races());
        assertEquals(EraserState.SHARED_MODIFIED, row(r, "dev->x").state());
    }

    @Test
    void abbaInTasksSeparatedByJoin_lockOrder_reportsCycleWithoutDeadlock() {
        AnalysisReport r = analyse(program("ab-ba-joined", env -> {
            Mutex a = env.mutex("A");
            Mutex b = env.mutex("B");
            Task t0 = env.spawn("T0", () -> {
                a.lock("f");
                b.lock("f");
                b.unlock("f");
                a.unlock("f");
            });
            env.join(t0);
            env.spawn("T1", () -> {
                b.lock("g");
                a.lock("g");
                a.unlock("g");
                b.unlock("g");
            });
        }));
        LockOrderReport lo = r.lockOrder();
        assertEquals(0, lo.deadlockedExecutions());
        assertEquals(1, lo.cycles().size());
        LockCycle c = lo.cycles().get(0);
        assertEquals(List.of("A", "B"), c.locks());
        assertTrue(c.deadlockPossible());
        assertEquals(List.of("lock(A);", "lock(B);", "lock(A);", "lock(B);"), c.scenario().stream().map(ScenarioLine::action).toList());
        assertEquals(List.of(0, 1, 1, 0), c.scenario().stream().map(ScenarioLine::cpu).toList());
    }

    @Test
    void abbaUnderCommonOuterLock_lockOrder_reportsGateLock() {
        AnalysisReport r = analyse(program("ab-ba-gated", env -> {
            Mutex g = env.mutex("G");
            Mutex a = env.mutex("A");
            Mutex b = env.mutex("B");
            env.spawn("T0", () -> {
                g.lock("f");
                a.lock("f");
                b.lock("f");
                b.unlock("f");
                a.unlock("f");
                g.unlock("f");
            });
            env.spawn("T1", () -> {
                g.lock("g");
                b.lock("g");
                a.lock("g");
                a.unlock("g");
                b.unlock("g");
                g.unlock("g");
            });
        }));
        LockCycle c = r.lockOrder().cycles().get(0);
        assertEquals(List.of("A", "B"), c.locks());
        assertEquals(List.of("G"), c.gateLocks());
        assertFalse(c.deadlockPossible());
        assertEquals(0, r.lockOrder().deadlockedExecutions());
    }

    @Test
    void flushUnderLockTheWorkTakes_lockOrder_reportsFlushCycle() {
        AnalysisReport r = analyse(program("flush-under-lock", env -> {
            Mutex l = env.mutex("L");
            Work w = env.work("resolve", () -> {
                l.lock("resolve");
                l.unlock("resolve");
            });
            w.queue("start");
            w.flush("start");
            // The work has finished, so this flush returns at once: no execution deadlocks.
            l.lock("stop");
            w.flush("stop");
            l.unlock("stop");
        }));
        assertEquals(0, r.lockOrder().deadlockedExecutions());
        LockCycle c = r.lockOrder().cycles().get(0);
        assertEquals(List.of("L"), c.locks());
        EdgeWitness w = c.edges().get(0).witnesses().get(0);
        assertTrue(w.viaFlush());
        assertEquals("resolve", w.flushedWork());
        assertEquals("stop", w.flushedAt());
        assertEquals("resolve", w.acquiredAt());
        assertTrue(c.deadlockPossible());
        assertEquals(List.of("lock(L);", "lock(L); /* in resolve */", "flush_work(resolve);"),
                c.scenario().stream().map(ScenarioLine::action).toList());
    }

    @Test
    void lockAssertions_assertionReliance_attributedToTheirLock() {
        AnalysisReport r = analyse(program("asserts", env -> {
            Mutex l = env.mutex("L");
            Mutex other = env.mutex("M");
            env.spawn("T0", () -> {
                l.lock("caller");
                l.assertHeld("callee_held");
                l.unlock("caller");
            });
            env.spawn("T1", () -> other.assertHeld("wrong_lock"));
        }));
        List<AssertionSite> onL = r.assertions().forLock("L");
        assertEquals(1, onL.size());
        assertEquals("callee_held", onL.get(0).site());
        assertEquals("lockdep_assert_held", onL.get(0).form());
        assertEquals(r.assertions().executions(), onL.get(0).checks());
        assertFalse(onL.get(0).everFailed());
        AssertionSite m = r.assertions().forLock("M").get(0);
        assertEquals(m.checks(), m.failures(), "an assertion on a lock nobody takes fails every time");
    }

    @Test
    void unvalidatedLockClass_lockOrder_leftOutOfTheGraph() {
        Program p = program("device-nesting", env -> {
            Mutex parent = env.mutex("device_lock");
            Mutex child = env.mutex("device_lock");
            Mutex rtnl = env.mutex("rtnl_mutex");
            env.spawn("probe", () -> {
                parent.lock("device_attach");
                child.lock("device_attach");
                rtnl.lock("register_netdev");
                rtnl.unlock("register_netdev");
                child.unlock("device_attach");
                parent.unlock("device_attach");
            });
        });
        Analyses all = new Analyses();
        Analyses novalidate = new Analyses(java.util.Set.of("device_lock"));
        SearchConfig cfg = SearchConfig.of(StrategySpec.dpor()).withMinimize(false);
        Explorer.explore(p, cfg.withObservers(all.observers()));
        Explorer.explore(p, cfg.withObservers(novalidate.observers()));
        assertEquals(List.of("device_lock"), all.report().lockOrder().cycles().get(0).locks(), "parent and child share the class");
        assertTrue(novalidate.report().lockOrder().cycles().isEmpty());
        assertTrue(novalidate.report().lockOrder().edges().isEmpty());
    }
}
