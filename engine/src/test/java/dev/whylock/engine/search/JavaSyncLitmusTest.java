package dev.whylock.engine.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.Barrier;
import dev.whylock.engine.Condition;
import dev.whylock.engine.Env;
import dev.whylock.engine.Field;
import dev.whylock.engine.Latch;
import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.Monitor;
import dev.whylock.engine.Program;
import dev.whylock.engine.ReadWriteLock;
import dev.whylock.engine.Semaphore;
import dev.whylock.engine.Task;
import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.Violation;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Litmus programs for the Java synchronisation primitives (issue 14): each pins the number of DPOR
 * executions and the kinds of violation the search must find by exploring (those that do not merely
 * follow another failure, such as a deadlock on a lock a failed task still holds), and DPOR must
 * see exactly the behaviours and violations of plain enumeration of every schedule and choice.
 */
class JavaSyncLitmusTest {

    /** A task body that may throw what the JDK's blocking methods throw. */
    interface Body {
        void run() throws Exception;
    }

    /** Runs {@code body}, turning a checked exception into an uncaught one (a violation of its own). */
    static Runnable task(Body body) {
        return () -> {
            try {
                body.run();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e.getClass().getSimpleName(), e);
            }
        };
    }

    // 1. Missed notify: the notify comes before the wait, and nothing else ends the wait.
    static Program missedNotify() {
        return Litmus.program("missed-notify", env -> {
            Monitor m = env.monitor("M");
            env.spawn("waiter", task(() -> {
                m.lock("waiter");
                m.await("waiter");
                m.unlock("waiter");
            }));
            env.spawn("notifier", () -> {
                m.lock("notifier");
                m.signal("notifier");
                m.unlock("notifier");
            });
        });
    }

    // 2. notify with two waiters wakes either; W2 waits only after W1, so only the choice lets W2 wake first.
    static Program notifyChoosesAWaiter() {
        return Litmus.program("notify-chooses-a-waiter", env -> {
            Monitor m = env.monitor("M");
            Field<Integer> ready = env.field("ready", 0);
            Field<Integer> first = env.field("first", 0);
            env.spawn("W1", task(() -> {
                m.lock("W1");
                ready.set(1, "W1");
                m.await("W1");
                if (first.get("W1") == 0) {
                    first.set(1, "W1");
                }
                m.unlock("W1");
            }));
            env.spawn("W2", task(() -> {
                m.lock("W2");
                if (ready.get("W2") == 1) {
                    ready.set(2, "W2");
                    m.await("W2");
                    if (first.get("W2") == 0) {
                        first.set(2, "W2");
                    }
                    env.bugOn(first.get("W2") == 2, "W2 was woken by the first notify");
                }
                m.unlock("W2");
            }));
            env.spawn("N", () -> {
                m.lock("N");
                if (ready.get("N") == 2) {
                    m.signal("N");
                    m.signal("N");
                }
                m.unlock("N");
            });
        });
    }

    // 3. A wait guarded by 'if' instead of 'while': harmless without spurious wake-ups, a bug with them.
    static Program ifInsteadOfWhile(int spurious) {
        return Litmus.program("if-instead-of-while-spurious-" + spurious, env -> {
            Monitor m = env.monitor("M");
            m.waitSet().spuriousWakeups(spurious);
            Field<Integer> ready = env.field("ready", 0);
            env.spawn("consumer", task(() -> {
                m.lock("consumer");
                if (ready.get("consumer") == 0) {
                    m.await("consumer");
                }
                env.bugOn(ready.get("consumer") == 0, "consumer woke with nothing ready");
                m.unlock("consumer");
            }));
            env.spawn("producer", () -> {
                m.lock("producer");
                ready.set(1, "producer");
                m.signal("producer");
                m.unlock("producer");
            });
        });
    }

    // 4. Producer-consumer over a one-slot buffer with two conditions of one lock.
    static Program producerConsumer() {
        return Litmus.program("producer-consumer", env -> {
            Monitor lock = env.monitor("buffer.lock");
            Condition notEmpty = lock.newCondition("notEmpty");
            Condition notFull = lock.newCondition("notFull");
            Field<Integer> slot = env.field("slot", 0);
            Field<Integer> last = env.field("last", 0);
            env.spawn("producer", task(() -> {
                for (int item = 1; item <= 2; item++) {
                    lock.lock("put");
                    while (slot.get("put") != 0) {
                        notFull.await("put");
                    }
                    slot.set(item, "put");
                    notEmpty.signal("put");
                    lock.unlock("put");
                }
            }));
            env.spawn("consumer", task(() -> {
                for (int i = 0; i < 2; i++) {
                    lock.lock("take");
                    while (slot.get("take") == 0) {
                        notEmpty.await("take");
                    }
                    int item = slot.get("take");
                    env.bugOn(item != last.get("take") + 1, "consumer took " + item + " out of order");
                    last.set(item, "take");
                    slot.set(0, "take");
                    notFull.signal("take");
                    lock.unlock("take");
                }
            }));
        });
    }

    // 5. A latch orders a write before the waiter's read; counting down before the write does not.
    static Program latch(boolean writeFirst) {
        return Litmus.program("latch-" + (writeFirst ? "write-then-count-down" : "count-down-then-write"), env -> {
            Latch l = env.latch("done", 1);
            Field<Integer> x = env.field("x", 0);
            env.spawn("T1", () -> {
                if (writeFirst) {
                    x.set(1, "T1");
                    l.countDown("T1");
                } else {
                    l.countDown("T1");
                    x.set(1, "T1");
                }
            });
            env.spawn("T2", task(() -> {
                l.await("T2");
                env.bugOn(x.get("T2") == 0, "T2 passed the latch before T1 wrote x");
            }));
        });
    }

    // 6. A barrier orders both tasks' writes before both reads; interrupting one party breaks it.
    static Program barrier(boolean interrupt) {
        return Litmus.program("barrier" + (interrupt ? "-interrupted" : ""), env -> {
            Barrier b = env.barrier("b", 2);
            Field<Integer> x = env.field("x", 0);
            Field<Integer> y = env.field("y", 0);
            Task t1 = env.spawn("T1", task(() -> {
                x.set(1, "T1");
                try {
                    b.await("T1");
                    env.bugOn(y.get("T1") == 0, "T1 passed the barrier before T2 wrote y");
                } catch (InterruptedException e) {
                    // Interrupted: the barrier is broken for T2.
                }
            }));
            env.spawn("T2", task(() -> {
                y.set(1, "T2");
                b.await("T2");
                env.bugOn(x.get("T2") == 0, "T2 passed the barrier before T1 wrote x");
            }));
            if (interrupt) {
                env.spawn("T3", () -> env.interrupt(t1, "T3"));
            }
        });
    }

    // 7. A semaphore with one permit excludes like a lock; with two it lets an update be lost.
    static Program semaphore(int permits) {
        return Litmus.program("semaphore-" + permits, env -> {
            Semaphore s = env.semaphore("s", permits);
            Field<Integer> x = env.field("x", 0);
            List<Task> ts = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String name = "T" + i;
                ts.add(env.spawn(name, task(() -> {
                    s.acquire(name);
                    x.set(x.get(name) + 1, name);
                    s.release(name);
                })));
            }
            ts.forEach(env::join);
            env.bugOn(x.get("main") != 2, "an update was lost");
        });
    }

    // 8. An unpark before the park is not lost (the permit waits); unparking before the write is a bug.
    static Program parkUnpark(boolean writeFirst) {
        return Litmus.program("park-unpark-" + (writeFirst ? "write-then-unpark" : "unpark-then-write"), env -> {
            Field<Integer> x = env.field("x", 0);
            Task parker = env.spawn("parker", () -> {
                env.park("parker");
                env.bugOn(x.get("parker") == 0, "parker returned before x was written");
            });
            env.spawn("unparker", () -> {
                if (writeFirst) {
                    x.set(1, "unparker");
                    env.unpark(parker, "unparker");
                } else {
                    env.unpark(parker, "unparker");
                    x.set(1, "unparker");
                }
            });
        });
    }

    // 9. Interrupting a task blocked in a wait ends it with InterruptedException, the monitor held again.
    static Program interruptedWait() {
        return Litmus.program("interrupted-wait", env -> {
            Monitor m = env.monitor("M");
            Field<Integer> ended = env.field("ended", 0);
            Task waiter = env.spawn("waiter", () -> {
                m.lock("waiter");
                try {
                    m.await("waiter");
                } catch (InterruptedException e) {
                    ended.set(1, "waiter");
                }
                env.bugOn(!m.isHeldByCurrentTask(), "waiter does not hold M after its wait");
                m.unlock("waiter");
            });
            env.spawn("interrupter", () -> env.interrupt(waiter, "interrupter"));
            env.join(waiter);
            env.bugOn(ended.get("main") == 0, "the wait ended without InterruptedException");
        });
    }

    // 10. A wait releases every hold of a reentrant monitor and restores the hold count.
    static Program reentrantWait() {
        return Litmus.program("reentrant-wait", env -> {
            Monitor m = env.monitor("M");
            Field<Integer> ready = env.field("ready", 0);
            env.spawn("waiter", task(() -> {
                m.lock("outer");
                m.lock("inner");
                while (ready.get("waiter") == 0) {
                    m.await("waiter");
                }
                env.bugOn(m.holdCount() != 2, "hold count " + m.holdCount() + " after the wait");
                m.unlock("inner");
                m.unlock("outer");
            }));
            env.spawn("notifier", () -> {
                m.lock("notifier");
                ready.set(1, "notifier");
                m.signal("notifier");
                m.unlock("notifier");
            });
        });
    }

    // 11. Readers never see half of a write; a writer that takes only the read lock lets them.
    static Program readWrite(boolean writerTakesWriteLock) {
        return Litmus.program("read-write-" + (writerTakesWriteLock ? "exclusive" : "writer-reads"), env -> {
            ReadWriteLock rw = env.readWriteLock("rw");
            Field<Integer> x = env.field("x", 0);
            Field<Integer> y = env.field("y", 0);
            env.spawn("writer", () -> {
                if (writerTakesWriteLock) {
                    rw.lockWrite("writer");
                } else {
                    rw.lockRead("writer");
                }
                x.set(1, "writer");
                y.set(1, "writer");
                if (writerTakesWriteLock) {
                    rw.unlockWrite("writer");
                } else {
                    rw.unlockRead("writer");
                }
            });
            for (int i = 0; i < 2; i++) {
                String name = "R" + i;
                env.spawn(name, () -> {
                    rw.lockRead(name);
                    env.bugOn(!x.get(name).equals(y.get(name)), name + " saw half of the write");
                    rw.unlockRead(name);
                });
            }
        });
    }

    // 12. A timed wait may end by its timeout before the notify comes.
    static Program timeoutInsteadOfNotify() {
        return Litmus.program("timeout-instead-of-notify", env -> {
            Monitor m = env.monitor("M");
            env.spawn("waiter", task(() -> {
                m.lock("waiter");
                boolean notified = m.await(100, "waiter");
                env.bugOn(!notified, "the wait timed out");
                m.unlock("waiter");
            }));
            env.spawn("notifier", () -> {
                m.lock("notifier");
                m.signal("notifier");
                m.unlock("notifier");
            });
        });
    }

    // 13. A timeout expires while another task holds the monitor (here, sleeping with it): in ordered
    //     timing the earlier deadline expires first, and the waiter takes the monitor back afterwards.
    static Program timeoutWhileMonitorHeld() {
        return Litmus.program("timeout-while-monitor-held", env -> {
            Monitor m = env.monitor("M");
            Field<Integer> order = env.field("order", 0);
            env.spawn("waiter", task(() -> {
                m.lock("waiter");
                boolean notified = m.await(10, "waiter");
                env.bugOn(notified, "nobody notifies");
                order.set(order.get("waiter") * 10 + 1, "waiter");
                m.unlock("waiter");
            }));
            env.spawn("sleeper", task(() -> {
                m.lock("sleeper");
                env.sleepInterruptibly(100, "sleeper");
                order.set(order.get("sleeper") * 10 + 2, "sleeper");
                m.unlock("sleeper");
            }));
        });
    }

    // 14. An interrupt and a notify race for one waiter: whichever comes first wakes it, and an
    //     interrupt before the wait makes the wait throw at once.
    static Program interruptOrNotify() {
        return Litmus.program("interrupt-or-notify", env -> {
            Monitor m = env.monitor("M");
            Field<Integer> how = env.field("how", 0);
            Task waiter = env.spawn("waiter", () -> {
                m.lock("waiter");
                try {
                    m.await("waiter");
                    how.set(1, "waiter");
                } catch (InterruptedException e) {
                    how.set(2, "waiter");
                }
                m.unlock("waiter");
            });
            env.spawn("notifier", () -> {
                m.lock("notifier");
                m.signal("notifier");
                m.unlock("notifier");
            });
            env.spawn("interrupter", () -> env.interrupt(waiter, "interrupter"));
            env.join(waiter);
            env.bugOn(how.get("main") == 2, "the wait ended by the interrupt");
        });
    }

    /** A litmus program with the timing mode and lock experiments it is explored under. */
    record Shape(Program program, RunConfig.Timing timing, List<LockExperiment> experiments) {
        @Override
        public String toString() {
            return program.name() + " " + timing + (experiments.isEmpty() ? "" : " " + experiments);
        }

        RunConfig run() {
            return RunConfig.defaults().withTiming(timing).withExperiments(experiments);
        }
    }

    static Arguments shape(Program p, RunConfig.Timing timing, long executions, Set<ViolationKind> kinds, String text) {
        return shape(p, timing, List.of(), executions, kinds, text);
    }

    static Arguments shape(Program p, RunConfig.Timing timing, List<LockExperiment> ex, long executions,
            Set<ViolationKind> kinds, String text) {
        return Arguments.of(new Shape(p, timing, ex), executions, kinds, text);
    }

    static List<Arguments> shapes() {
        RunConfig.Timing u = RunConfig.Timing.UNTIMED;
        RunConfig.Timing o = RunConfig.Timing.ORDERED;
        return List.of(
                shape(missedNotify(), u, 2, Set.of(ViolationKind.DEADLOCK), "waiter waits in M.wait() in waiter for a signal that never comes"),
                shape(notifyChoosesAWaiter(), u, 9, Set.of(ViolationKind.BUG, ViolationKind.DEADLOCK), "W2 was woken by the first notify"),
                shape(ifInsteadOfWhile(0), u, 2, Set.of(), null),
                shape(ifInsteadOfWhile(1), u, 4, Set.of(ViolationKind.BUG), "consumer woke with nothing ready"),
                shape(producerConsumer(), u, 8, Set.of(), null),
                shape(latch(true), u, 1, Set.of(), null),
                shape(latch(false), u, 2, Set.of(ViolationKind.BUG), "T2 passed the latch before T1 wrote x"),
                shape(barrier(false), u, 2, Set.of(), null),
                shape(barrier(true), u, 6, Set.of(ViolationKind.EXCEPTION), "BrokenBarrierException in task T2"),
                shape(semaphore(1), u, 2, Set.of(), null),
                shape(semaphore(2), u, 18, Set.of(ViolationKind.BUG), "an update was lost"),
                shape(parkUnpark(true), u, 1, Set.of(), null),
                shape(parkUnpark(false), u, 2, Set.of(ViolationKind.BUG), "parker returned before x was written"),
                shape(interruptedWait(), u, 2, Set.of(), null),
                shape(reentrantWait(), u, 2, Set.of(), null),
                shape(readWrite(true), u, 4, Set.of(), null),
                shape(readWrite(false), u, 16, Set.of(ViolationKind.BUG), "saw half of the write"),
                shape(timeoutInsteadOfNotify(), u, 4, Set.of(ViolationKind.BUG), "the wait timed out"),
                shape(timeoutInsteadOfNotify(), o, 4, Set.of(ViolationKind.BUG), "the wait timed out"),
                shape(timeoutWhileMonitorHeld(), u, 5, Set.of(), null),
                shape(timeoutWhileMonitorHeld(), o, 4, Set.of(), null),
                shape(interruptOrNotify(), u, 7, Set.of(ViolationKind.BUG), "the wait ended by the interrupt"),
                // Under lock experiments the monitor no longer orders the wait set's operations.
                shape(missedNotify(), u, List.of(LockExperiment.remove("M")), 2, Set.of(ViolationKind.DEADLOCK),
                        "waiter waits in M.wait() in waiter for a signal that never comes"),
                shape(timeoutWhileMonitorHeld(), u, List.of(LockExperiment.replace("M", "N")), 5, Set.of(), null),
                shape(timeoutWhileMonitorHeld(), o, List.of(LockExperiment.replace("M", "N")), 4, Set.of(), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void shape_dporAndBruteForce_findTheSameBehavioursAndViolations(Shape shape, long executions, Set<ViolationKind> kinds,
            String text) {
        ExplorationOracleTest.Run brute = ExplorationOracleTest.explore(shape.program(), StrategySpec.dfs(-1), shape.run(), 100_000);
        ExplorationOracleTest.Run dpor = ExplorationOracleTest.explore(shape.program(), StrategySpec.dpor(), shape.run(), 100_000);
        System.out.printf("java-litmus %-60s brute %5d executions, %3d behaviours; dpor %3d executions (+%d blocked) %s%n",
                shape, brute.result().executions(), brute.behaviours().size(), dpor.result().executions(),
                dpor.result().blocked(), ExplorationOracleTest.keys(dpor.result()));
        assertTrue(brute.result().exhaustive() && dpor.result().exhaustive());
        assertEquals(new TreeSet<>(brute.behaviours()), new TreeSet<>(dpor.behaviours()));
        assertEquals(ExplorationOracleTest.keys(brute.result()), ExplorationOracleTest.keys(dpor.result()));
        Set<ViolationKind> found = new TreeSet<>();
        for (Violation v : dpor.result().violations()) {
            if (!v.afterFailure()) {
                found.add(v.kind());
            }
        }
        assertEquals(new TreeSet<>(kinds), found, dpor.result().violations().stream().map(Violation::key).toList().toString());
        assertEquals(executions, dpor.result().executions(), "DPOR executions");
        assertEquals(0, dpor.result().blocked(), "no execution abandoned");
        if (text != null) {
            assertTrue(dpor.result().violations().stream().anyMatch(v -> v.message().contains(text)),
                    "expected a violation saying '" + text + "'");
        }
    }
}
