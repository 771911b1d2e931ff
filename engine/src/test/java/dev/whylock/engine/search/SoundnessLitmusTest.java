package dev.whylock.engine.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.Completion;
import dev.whylock.engine.Env;
import dev.whylock.engine.Field;
import dev.whylock.engine.Obj;
import dev.whylock.engine.Program;
import dev.whylock.engine.Task;
import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.Work;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.result.Violation;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shapes on which DPOR once claimed "exhaustive, no violation" while plain enumeration found
 * one (issue 9). Each is pinned as data: the violation both searches must find, the number of
 * behaviours plain enumeration sees, and DPOR's execution count; DPOR must also see exactly the
 * behaviours and violations of plain enumeration.
 */
class SoundnessLitmusTest {

    /** A tracked object with one field, for use-after-free shapes. */
    static final class Box extends Obj {
        final Field<Integer> f;

        Box() {
            super("box");
            f = field("box->f", 0);
        }
    }

    /** A program whose setup and run are both given. */
    static Program program(String name, Consumer<Env> setup, Consumer<Env> run) {
        return new Program() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void setup(Env env) {
                setup.accept(env);
            }

            @Override
            public void run(Env env) {
                run.accept(env);
            }
        };
    }

    /** State shared between setup and run of one execution. */
    static final class Shared {
        Field<Integer> x;
        Field<Integer> y;
        Completion c;
        Work w;
        Box box;
    }

    // 1. Several completes on one completion: the wait may pass on the first one, before x is written.
    static Program completeTwice() {
        return Litmus.program("complete-twice", env -> {
            Field<Integer> x = env.field("x", 0);
            Completion c = env.completion("c");
            env.spawn("T0", () -> c.complete("T0"));
            env.spawn("T1", () -> {
                x.set(1, "T1");
                c.complete("T1");
            });
            env.spawn("T2", () -> {
                c.waitFor("T2");
                env.bugOn(x.get("T2") == 0, "T2 passed its wait before T1 wrote x");
            });
        });
    }

    static Program completeInSetup() {
        Shared s = new Shared();
        return program("complete-in-setup", env -> {
            s.x = env.field("x", 0);
            s.c = env.completion("c");
            s.c.complete("setup");
        }, env -> {
            env.spawn("T1", () -> {
                s.x.set(1, "T1");
                s.c.complete("T1");
            });
            env.spawn("T2", () -> {
                s.c.waitFor("T2");
                env.bugOn(s.x.get("T2") == 0, "T2 passed its wait before T1 wrote x");
            });
        });
    }

    static Program completeAllThenComplete() {
        return Litmus.program("complete-all-then-complete", env -> {
            Field<Integer> x = env.field("x", 0);
            Completion c = env.completion("c");
            env.spawn("T0", () -> c.completeAll("T0"));
            env.spawn("T1", () -> {
                x.set(1, "T1");
                c.complete("T1");
            });
            env.spawn("T2", () -> {
                c.waitFor("T2");
                env.bugOn(x.get("T2") == 0, "T2 passed its wait before T1 wrote x");
            });
        });
    }

    // 2. A work item that re-queues itself on its first run, with a flush: the flush returns after
    //    the first run, so T1 can read x before the second run writes it.
    static Program requeueFlush() {
        return Litmus.program("requeue-flush", env -> {
            Field<Integer> runs = env.field("runs", 0);
            Field<Integer> x = env.field("x", 0);
            Work[] w = new Work[1];
            w[0] = env.work("w", () -> {
                int n = runs.get("w");
                runs.set(n + 1, "w");
                if (n == 0) {
                    w[0].queue("w requeues itself");
                }
                x.set(n + 1, "w");
            });
            env.spawn("T0", () -> w[0].queue("T0"));
            env.spawn("T1", () -> {
                w[0].flush("T1");
                env.bugOn(x.get("T1") == 1, "T1's flush returned between the two runs");
            });
        });
    }

    //    ... and with cancel_work_sync then kfree: the kernel blocks the re-queue while the cancel
    //    waits, so nothing runs after the kfree unless another task queues the item again.
    static Program requeueCancelSyncFree() {
        Shared s = new Shared();
        return program("requeue-cancel-sync-free", env -> {
            s.box = new Box();
            Field<Integer> runs = env.field("runs", 0);
            Work[] w = new Work[1];
            w[0] = env.work("w", () -> {
                int n = runs.get("w");
                runs.set(n + 1, "w");
                if (n == 0) {
                    w[0].queue("w requeues itself");
                }
                s.box.f.get("w");
            });
            s.w = w[0];
            s.w.queue("setup");
        }, env -> {
            env.spawn("T1", () -> {
                s.w.cancelSync("T1");
                env.free(s.box, "T1");
            });
        });
    }

    static Program cancelSyncFreeThenQueue() {
        Shared s = new Shared();
        return program("cancel-sync-free-then-queue", env -> {
            s.box = new Box();
            s.w = env.work("w", () -> s.box.f.get("w"));
            s.w.queue("setup");
        }, env -> {
            env.spawn("T1", () -> {
                s.w.cancelSync("T1");
                env.free(s.box, "T1");
            });
            env.spawn("T2", () -> s.w.queue("T2"));
        });
    }

    // 3. settle waits for work, not for other tasks: T1's write may come after main's read.
    static Program settleIgnoresTasks() {
        return Litmus.program("settle-ignores-tasks", env -> {
            Field<Integer> x = env.field("x", 0);
            Field<Integer> z = env.field("z", 0);
            Work w = env.work("w", () -> z.set(1, "w"));
            env.spawn("T1", () -> x.set(1, "T1"));
            w.queue("main");
            env.settle();
            env.bugOn(x.get("main") == 0, "main read x before T1 wrote it");
        });
    }

    // 4. Invariants checked while quiescent, between two writes of main.
    static Program invariantBetweenWrites() {
        return Litmus.program("invariant-between-writes", env -> {
            Field<Integer> x = env.field("x", 0);
            Field<Integer> y = env.field("y", 0);
            Field<Integer> z = env.field("z", 0);
            Work w = env.work("w", () -> z.set(1, "w"));
            env.invariant("x-equals-y", () -> x.peek().equals(y.peek()) ? null : "x=" + x.peek() + " y=" + y.peek());
            w.queue("main");
            x.set(1, "main");
            y.set(1, "main");
        });
    }

    static Program invariantAcrossTasks() {
        return Litmus.program("invariant-across-tasks", env -> {
            Field<Integer> x = env.field("x", 0);
            Field<Integer> y = env.field("y", 0);
            env.invariant("x-equals-y", () -> x.peek().equals(y.peek()) ? null : "x=" + x.peek() + " y=" + y.peek());
            Task t1 = env.spawn("T1", () -> x.set(1, "T1"));
            env.join(t1);
            y.set(1, "main");
        });
    }

    // 5. The virtual clock: a timer's start advances it, so a read of it races with the start.
    static Program clockRead() {
        return Litmus.program("clock-read", env -> {
            Work w = env.work("w", () -> { });
            w.queueDelayed(100, "main");
            env.spawn("T1", () -> env.bugOn(env.now() >= 100, "T1 saw the timer's deadline pass"));
        });
    }

    // 6. Ordered timing: a timer may start only when no earlier timer is armed.
    static Program orderedTimers() {
        return Litmus.program("ordered-timers", env -> {
            Field<Integer> a = env.field("a", 0);
            Work w1 = env.work("w1", () -> a.set(1, "w1"));
            Work w2 = env.work("w2", () -> env.bugOn(a.get("w2") == 0, "w2 (20 ms) ran before w1 (10 ms)"));
            env.spawn("T0", () -> w1.queueDelayed(10, "T0"));
            env.spawn("T1", () -> w2.queueDelayed(20, "T1"));
        });
    }

    // 7. A start prevented by the last operation of an execution: cancel_work_sync may find w running.
    static Program cancelLast() {
        Shared s = new Shared();
        return program("cancel-last", env -> {
            s.w = env.work("w", () -> env.bugOn(true, "w ran"));
            s.w.queue("setup");
        }, env -> env.spawn("T0", () -> s.w.cancelSync("T0")));
    }

    // 8. A fatal violation in one task must not hide one in an independent task.
    static Program twoFatal() {
        Shared s = new Shared();
        return program("two-fatal", env -> {
            s.box = new Box();
            env.free(s.box, "setup");
        }, env -> {
            env.spawn("T0", () -> env.bugOn(true, "T0 fails"));
            env.spawn("T1", () -> s.box.f.get("T1"));
        });
    }

    static List<Arguments> shapes() {
        return List.of(
                Arguments.of(completeTwice(), RunConfig.Timing.UNTIMED, ViolationKind.BUG, "T2 passed its wait"),
                Arguments.of(completeInSetup(), RunConfig.Timing.UNTIMED, ViolationKind.BUG, "T2 passed its wait"),
                Arguments.of(completeAllThenComplete(), RunConfig.Timing.UNTIMED, ViolationKind.BUG, "T2 passed its wait"),
                Arguments.of(requeueFlush(), RunConfig.Timing.UNTIMED, ViolationKind.BUG, "between the two runs"),
                Arguments.of(requeueCancelSyncFree(), RunConfig.Timing.UNTIMED, null, null),
                Arguments.of(cancelSyncFreeThenQueue(), RunConfig.Timing.UNTIMED, ViolationKind.USE_AFTER_FREE, "read of box->f in w"),
                Arguments.of(settleIgnoresTasks(), RunConfig.Timing.UNTIMED, ViolationKind.BUG, "main read x before"),
                Arguments.of(invariantBetweenWrites(), RunConfig.Timing.UNTIMED, ViolationKind.INVARIANT, "x=1 y=0"),
                Arguments.of(invariantAcrossTasks(), RunConfig.Timing.UNTIMED, ViolationKind.INVARIANT, "x=1 y=0"),
                Arguments.of(clockRead(), RunConfig.Timing.UNTIMED, ViolationKind.BUG, "deadline pass"),
                Arguments.of(clockRead(), RunConfig.Timing.ORDERED, ViolationKind.BUG, "deadline pass"),
                Arguments.of(orderedTimers(), RunConfig.Timing.UNTIMED, ViolationKind.BUG, "ran before w1"),
                Arguments.of(orderedTimers(), RunConfig.Timing.ORDERED, ViolationKind.BUG, "ran before w1"),
                Arguments.of(cancelLast(), RunConfig.Timing.UNTIMED, ViolationKind.BUG, "w ran"),
                Arguments.of(twoFatal(), RunConfig.Timing.UNTIMED, ViolationKind.USE_AFTER_FREE, "read of box->f"),
                Arguments.of(twoFatal(), RunConfig.Timing.UNTIMED, ViolationKind.BUG, "T0 fails"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("shapes")
    void shape_dporAndBruteForce_findTheSameBehavioursAndViolation(Program p, RunConfig.Timing timing, ViolationKind kind, String text) {
        ExplorationOracleTest.Run brute = ExplorationOracleTest.explore(p, StrategySpec.dfs(-1), timing, 100_000);
        ExplorationOracleTest.Run dpor = ExplorationOracleTest.explore(p, StrategySpec.dpor(), timing, 100_000);
        assertTrue(brute.result().exhaustive() && dpor.result().exhaustive());
        assertEquals(new TreeSet<>(brute.behaviours()), new TreeSet<>(dpor.behaviours()));
        Set<String> keys = ExplorationOracleTest.keys(dpor.result());
        assertEquals(ExplorationOracleTest.keys(brute.result()), keys);
        assertEquals(0, dpor.result().blocked(), "no execution abandoned");
        if (kind == null) {
            assertTrue(keys.isEmpty(), "expected no violation, got " + keys);
        } else {
            assertTrue(dpor.result().violations().stream().anyMatch(v -> v.kind() == kind && v.message().contains(text)),
                    "expected " + kind + " containing '" + text + "', got " + keys);
        }
        System.out.printf("litmus %-28s %-7s brute %5d executions, %3d behaviours; dpor %3d executions (+%d blocked)%n",
                p.name(), timing, brute.result().executions(), brute.behaviours().size(), dpor.result().executions(),
                dpor.result().blocked());
    }

    /** Both fatal violations of shape 8 are found in one DPOR execution: every violation of an execution is recorded. */
    @org.junit.jupiter.api.Test
    void twoIndependentFatalViolations_dpor_recordsBothAsIndependent() {
        ExplorationResult r = Litmus.dpor(twoFatal());
        assertEquals(1, r.executions());
        assertEquals(2, r.violations().size(), r.violations().stream().map(Violation::key).toList().toString());
        assertTrue(r.violations().stream().noneMatch(Violation::afterFailure), "independent failures are not consequences");
    }

    /** A task killed while holding a lock makes the other task's wait for it a deadlock that follows from the failure. */
    @org.junit.jupiter.api.Test
    void deadlockOnALockAKilledTaskHolds_isMarkedAfterFailure() {
        ExplorationResult r = Litmus.dpor(Litmus.program("killed-holder", env -> {
            dev.whylock.engine.Mutex m = env.mutex("L");
            Field<Integer> x = env.field("x", 0);
            env.spawn("T0", () -> {
                m.lock("T0");
                env.bugOn(x.get("T0") == 0, "T0 dies holding L");
                m.unlock("T0");
            });
            env.spawn("T1", () -> {
                x.set(1, "T1");
                m.lock("T1");
                m.unlock("T1");
            });
        }));
        Violation bug = r.violations().stream().filter(v -> v.kind() == ViolationKind.BUG).findFirst().orElseThrow();
        Violation deadlock = r.violations().stream().filter(v -> v.kind() == ViolationKind.DEADLOCK).findFirst().orElseThrow();
        assertTrue(!bug.afterFailure() && deadlock.afterFailure(), r.violations().toString());
        assertEquals(List.of("T1"), deadlock.waits().stream().map(dev.whylock.engine.result.Wait::task).toList());
    }

    /** An invariant broken because a task died half-way through its update is checked after that task's end. */
    @org.junit.jupiter.api.Test
    void invariantLeftBrokenByAKilledTask_isMarkedAfterFailure() {
        ExplorationResult r = Litmus.dpor(Litmus.program("half-update", env -> {
            Field<Integer> x = env.field("x", 0);
            Field<Integer> y = env.field("y", 0);
            env.invariant("x-equals-y", () -> x.peek().equals(y.peek()) ? null : "x=" + x.peek() + " y=" + y.peek());
            env.spawn("T0", () -> {
                x.set(1, "T0");
                env.bugOn(true, "T0 dies between the two writes");
                y.set(1, "T0");
            });
        }));
        assertTrue(r.violations().stream().anyMatch(v -> v.kind() == ViolationKind.INVARIANT && v.afterFailure()), r.violations().toString());
    }

    /**
     * A work item's run dies (an oops in a worker): the item stays running forever, so the program never
     * becomes quiescent and the invariant check can never run. The engine reports that as a deadlock with
     * no task of the program waiting; it follows the death, so it is marked after-failure (seen in the
     * kernel model's cage-probe-after-mac, where sfp_timeout dies on a NULL sfp->sfp_bus).
     */
    @org.junit.jupiter.api.Test
    void quiescenceThatAKilledWorkerPrevents_isMarkedAfterFailure() {
        ExplorationResult r = Litmus.dpor(Litmus.program("killed-worker", env -> {
            Field<Integer> x = env.field("x", 0);
            env.invariant("x-small", () -> x.peek() < 10 ? null : "x=" + x.peek());
            dev.whylock.engine.Work w = env.work("w", () -> env.bugOn(x.get("w") == 0, "the work dies"));
            w.queue("main");
            env.spawn("T0", () -> x.set(1, "T0"));
        }));
        assertTrue(r.violations().stream().anyMatch(v -> v.kind() == ViolationKind.BUG && !v.afterFailure()), r.violations().toString());
        assertTrue(r.violations().stream().filter(v -> v.kind() == ViolationKind.DEADLOCK).allMatch(Violation::afterFailure),
                r.violations().toString());
    }
}
