package dev.whylock.engine.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.Env;
import dev.whylock.engine.Field;
import dev.whylock.engine.Mutex;
import dev.whylock.engine.Program;
import dev.whylock.engine.Task;
import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.result.Violation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Litmus programs whose exact execution counts and counterexamples are pinned as data. */
class LitmusTest {

    /** Two tasks, each writing k fields of its own; main only spawns them, so it adds no step. */
    static Program independent(int k) {
        return Litmus.program("independent-" + k, env -> {
            for (int t = 0; t < 2; t++) {
                List<Field<Integer>> mine = new ArrayList<>();
                for (int i = 0; i < k; i++) {
                    mine.add(env.field("t" + t + ".x" + i, 0));
                }
                env.spawn("T" + t, () -> {
                    for (Field<Integer> f : mine) {
                        f.set(1, "step");
                    }
                });
            }
        });
    }

    /** n tasks, each taking one lock once. */
    static Program lockOnce(int n) {
        return Litmus.program("lock-once-" + n, env -> {
            Mutex m = env.mutex("L");
            for (int t = 0; t < n; t++) {
                env.spawn("T" + t, () -> {
                    m.lock("critical");
                    m.unlock("critical");
                });
            }
        });
    }

    static long binomial(int n, int k) {
        long r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }

    @ParameterizedTest
    @CsvSource({"1", "2", "3", "5"})
    void independentSteps_dpor_exploresOneExecution(int k) {
        ExplorationResult r = Litmus.dpor(independent(k));
        assertEquals(0, r.blocked(), "no execution abandoned");
        assertEquals(1, r.executions());
        assertTrue(r.exhaustive());
        assertFalse(r.hasViolation());
    }

    @ParameterizedTest
    @CsvSource({"1", "2", "3", "5"})
    void independentSteps_dfs_exploresEveryInterleaving(int k) {
        ExplorationResult r = Litmus.dfs(independent(k));
        assertEquals(binomial(2 * k, k), r.executions());
    }

    @ParameterizedTest
    @CsvSource({"2, 2", "3, 6", "4, 24"})
    void tasksTakingOneLock_dpor_exploresFactorialExecutions(int n, long expected) {
        ExplorationResult r = Litmus.dpor(lockOnce(n));
        assertEquals(0, r.blocked(), "no execution abandoned");
        assertEquals(expected, r.executions());
        assertTrue(r.exhaustive());
    }

    @Test
    void lostUpdate_dpor_findsItWithOnePreemption() {
        Program p = Litmus.program("lost-update", env -> {
            Field<Integer> counter = env.field("counter", 0);
            Runnable inc = () -> {
                int v = counter.get("inc");
                counter.set(v + 1, "inc");
            };
            Task a = env.spawn("A", inc);
            Task b = env.spawn("B", inc);
            env.join(a);
            env.join(b);
            env.bugOn(counter.get("check") != 2, "counter is " + counter.peek() + ", expected 2");
        });
        ExplorationResult r = Explorer.explore(p, SearchConfig.of(StrategySpec.dpor()));
        assertEquals(0, r.blocked(), "no execution abandoned");
        assertEquals(1, r.violations().size());
        Violation v = r.violations().get(0);
        assertEquals(ViolationKind.BUG, v.kind());
        assertEquals(1, v.trace().preemptions());
        // Mazurkiewicz traces of two read-increment-write tasks: 4 (A then B, B then A, and the two lost updates... )
        assertEquals(4, r.executions());
    }

    @Test
    void abbaDeadlock_dpor_findsDeadlockWithBothTasksBlocked() {
        Program p = Litmus.program("ab-ba", env -> {
            Mutex a = env.mutex("A");
            Mutex b = env.mutex("B");
            Task t1 = env.spawn("T1", () -> {
                a.lock("f");
                b.lock("f");
                b.unlock("f");
                a.unlock("f");
            });
            Task t2 = env.spawn("T2", () -> {
                b.lock("g");
                a.lock("g");
                a.unlock("g");
                b.unlock("g");
            });
            env.join(t1);
            env.join(t2);
        });
        ExplorationResult r = Explorer.explore(p, SearchConfig.of(StrategySpec.dpor()));
        assertEquals(0, r.blocked(), "no execution abandoned");
        assertEquals(1, r.violations().size());
        Violation v = r.violations().get(0);
        assertEquals(ViolationKind.DEADLOCK, v.kind());
        assertTrue(v.message().contains("T1 waits for B"), v.message());
        assertTrue(v.message().contains("T2 waits for A"), v.message());
        assertEquals(1, v.trace().preemptions());
    }

    @Test
    void selfDeadlock_isReportedAtTheSecondAcquisition() {
        Program p = Litmus.program("self", env -> {
            Mutex m = env.mutex("rtnl_mutex");
            m.lock("outer");
            m.lock("phylink_create");
        });
        ExplorationResult r = Litmus.dpor(p);
        assertEquals(0, r.blocked(), "no execution abandoned");
        assertEquals(ViolationKind.DEADLOCK, r.violations().get(0).kind());
        assertTrue(r.violations().get(0).message().startsWith("self-deadlock: main takes rtnl_mutex in phylink_create"));
    }

    @Test
    void checkThenAct_dpor_findsNullDereference() {
        class Node extends dev.whylock.engine.Obj {
            Node() {
                super("struct node");
            }
        }
        Program p = Litmus.program("check-then-act", env -> {
            Field<Node> ptr = env.field("ptr", new Node());
            Task user = env.spawn("user", () -> {
                if (ptr.get("check") != null) {
                    env.deref(ptr.get("use"), "ptr");
                }
            });
            Task clear = env.spawn("clear", () -> ptr.set(null, "clear"));
            env.join(user);
            env.join(clear);
        });
        ExplorationResult r = Litmus.dpor(p);
        assertEquals(0, r.blocked(), "no execution abandoned");
        assertEquals(1, r.violations().size());
        assertEquals(ViolationKind.NULL_DEREFERENCE, r.violations().get(0).kind());
    }

    @Test
    void missedSignal_dpor_findsDeadlock() {
        Program p = Litmus.program("missed-signal", env -> {
            Field<Boolean> waiting = env.field("waiting", false);
            dev.whylock.engine.Completion done = env.completion("done");
            Task waiter = env.spawn("waiter", () -> {
                waiting.set(true, "waiter");
                done.waitFor("waiter");
            });
            Task signaller = env.spawn("signaller", () -> {
                if (waiting.get("signaller")) {
                    done.complete("signaller");
                }
            });
            env.join(waiter);
            env.join(signaller);
        });
        ExplorationResult r = Litmus.dpor(p);
        assertEquals(0, r.blocked(), "no execution abandoned");
        assertEquals(1, r.violations().size());
        assertEquals(ViolationKind.DEADLOCK, r.violations().get(0).kind());
        assertEquals(2, r.executions());
    }

    @Test
    void useAfterFree_dpor_findsAccessAfterKfree() {
        class Box extends dev.whylock.engine.Obj {
            final Field<Integer> val = field("box->val", 0);

            Box() {
                super("struct box");
            }
        }
        Program p = Litmus.program("uaf", env -> {
            Box b = new Box();
            Task reader = env.spawn("reader", () -> b.val.get("reader"));
            Task freer = env.spawn("freer", () -> env.free(b, "freer"));
            env.join(reader);
            env.join(freer);
        });
        ExplorationResult r = Litmus.dpor(p);
        assertEquals(0, r.blocked(), "no execution abandoned");
        assertEquals(2, r.executions());
        assertEquals(ViolationKind.USE_AFTER_FREE, r.violations().get(0).kind());
    }

    @Test
    void fatalViolation_stillLetsDporReverseThePendingOperations() {
        // T1 fails at once when it reads y == 0; only the schedule where T2 writes y first reaches B.
        Program p = Litmus.program("two-bugs", env -> {
            Field<Integer> y = env.field("y", 0);
            env.spawn("T1", () -> env.bugOn(y.get("t1") == 0, "A"));
            env.spawn("T2", () -> {
                y.set(1, "t2");
                env.bugOn(true, "B");
            });
        });
        java.util.Set<String> dpor = new java.util.TreeSet<>();
        Litmus.dpor(p).violations().forEach(v -> dpor.add(v.message()));
        java.util.Set<String> brute = new java.util.TreeSet<>();
        Litmus.dfs(p).violations().forEach(v -> brute.add(v.message()));
        assertEquals(java.util.Set.of("BUG_ON: A", "BUG_ON: B"), brute);
        assertEquals(brute, dpor);
    }

    @Test
    void selfDeadlockingAcquisition_isLoggedAsTheLastStep() {
        Program p = Litmus.program("self-logged", env -> {
            Mutex m = env.mutex("rtnl_mutex");
            env.spawn("dpaa2", () -> {
                m.lock("dpaa2_mac_connect");
                m.lock("sfp_bus_add_upstream");
            });
        });
        Violation v = Litmus.dpor(p).violations().get(0);
        assertEquals(ViolationKind.DEADLOCK, v.kind());
        var last = v.trace().steps().get(v.trace().steps().size() - 1);
        assertEquals("sfp_bus_add_upstream", last.site());
        assertEquals("lock", last.operation());
    }

    @Test
    void violationReachableOnlyBetweenAnotherTasksSteps_isFoundByDpor() {
        // B needs T2's write, then all of T1, then T2's failing read; after A the execution runs on.
        Program p = Litmus.program("between", env -> {
            Field<Integer> x = env.field("x", 0);
            env.spawn("T1", () -> {
                int r = x.get("c");
                x.set(7, "d");
                env.bugOn(r == 5, "B");
            });
            env.spawn("T2", () -> {
                x.set(5, "a");
                env.bugOn(x.get("b") == 5, "A");
            });
        });
        java.util.Set<String> brute = new java.util.TreeSet<>();
        Litmus.dfs(p).violations().forEach(v -> brute.add(v.message()));
        java.util.Set<String> dpor = new java.util.TreeSet<>();
        Litmus.dpor(p).violations().forEach(v -> dpor.add(v.message()));
        assertEquals(java.util.Set.of("BUG_ON: A", "BUG_ON: B"), brute);
        assertEquals(brute, dpor);
    }

    @Test
    void uncaughtException_inATask_isAnExceptionViolation() {
        Program p = Litmus.program("npe", env -> env.spawn("worker", () -> {
            env.field("x", 0).set(1, "worker");
            throw new IllegalStateException("boom");
        }));
        Violation v = Litmus.dpor(p).violations().get(0);
        assertEquals(ViolationKind.EXCEPTION, v.kind());
        assertTrue(v.message().contains("IllegalStateException: boom in task worker"), v.message());
    }

    @Test
    void taskThatNeverStops_hitsTheStepLimit() {
        Program p = Litmus.program("livelock", env -> {
            Field<Integer> f = env.field("spin", 0);
            env.spawn("spinner", () -> {
                while (f.get("poll") == 0) {
                    // waits for a writer that never comes
                }
            });
        });
        ExplorationResult r = Explorer.explore(p, SearchConfig.of(StrategySpec.dpor()).withMinimize(false)
                .withRun(dev.whylock.engine.exec.RunConfig.defaults().withMaxSteps(500)));
        assertEquals(ViolationKind.STEP_LIMIT, r.violations().get(0).kind());
        assertEquals(500, r.violations().get(0).trace().steps().size());
    }

    @Test
    void refcountUnderflow_reportedByTheProgram_isFatal() {
        Program p = Litmus.program("kref", env -> {
            Field<Integer> refs = env.field("bus->kref", 1);
            Runnable put = () -> {
                int v = refs.get("sfp_bus_put");
                if (v == 0) {
                    env.fail(ViolationKind.REFCOUNT_UNDERFLOW, "kref_put on a zero refcount in sfp_bus_put");
                }
                refs.set(v - 1, "sfp_bus_put");
            };
            env.spawn("upstream", put);
            env.spawn("socket", put);
        });
        Violation v = Litmus.dpor(p).violations().get(0);
        assertEquals(ViolationKind.REFCOUNT_UNDERFLOW, v.kind());
    }
}
