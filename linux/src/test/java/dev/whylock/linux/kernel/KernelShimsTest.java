package dev.whylock.linux.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.Env;
import dev.whylock.engine.Obj;
import dev.whylock.engine.Program;
import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.exec.ExecutionOutcome;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
import dev.whylock.linux.testing.Runs;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KernelShimsTest {

    @Test
    void krefPut_belowZero_reportsRefcountUnderflow() {
        ExecutionOutcome o = Runs.setupOnly(env -> {
            Kref k = new Kref(new Obj("struct thing") { }, "thing->kref");
            k.put(() -> { }, "thing_put");
            k.put(() -> { }, "thing_put");
        });
        assertTrue(o.violations().stream().anyMatch(v -> v.kind() == ViolationKind.REFCOUNT_UNDERFLOW), o.violations()::toString);
    }

    @Test
    void krefPutMutex_lastReference_runsReleaseWithTheMutexHeld() {
        List<Boolean> heldInRelease = new ArrayList<>();
        ExecutionOutcome o = Runs.setupOnly(env -> {
            KernelMutex m = new KernelMutex("list_mutex");
            Kref k = new Kref(new Obj("struct thing") { }, "thing->kref");
            k.get("thing_get");
            assertFalse(k.putMutex(() -> fail(), m, "thing_put"));
            assertTrue(k.putMutex(() -> {
                heldInRelease.add(m.isLocked("thing_release"));
                m.unlock("thing_release");
            }, m, "thing_put"));
            assertEquals(0, k.peek());
        });
        assertTrue(o.violations().isEmpty(), o.violations()::toString);
        assertEquals(List.of(true), heldInRelease);
    }

    private static void fail() {
        throw new AssertionError("release ran before the last reference");
    }

    @Test
    void atomicWord_concurrentSetBits_neverLosesAnUpdate() {
        // Two tasks set different bits; an atomic RMW must keep both in every interleaving.
        Program p = new Program() {
            @Override
            public String name() {
                return "two set_bit";
            }

            @Override
            public void run(Env env) {
                AtomicWord w = new AtomicWord(new Obj("struct thing") { }, "thing->flags", 0);
                var a = env.spawn("a", () -> w.setBit(0, "a"));
                var b = env.spawn("b", () -> w.setBit(1, "b"));
                env.join(a);
                env.join(b);
                env.bugOn(w.peek() != 3, "lost update: " + w.peek());
            }
        };
        ExplorationResult r = Explorer.explore(p, SearchConfig.of(StrategySpec.dpor()));
        assertTrue(r.exhaustive());
        assertFalse(r.hasViolation(), () -> r.violations().toString());
        assertTrue(r.executions() >= 2, "both orders of the two writes are explored");
    }

    @Test
    void workqueue_contextNotInBackground_isHeldBackDuringTheRace() {
        List<Integer> runs = new ArrayList<>();
        Program p = new Program() {
            WorkStruct listed;
            WorkStruct other;

            @Override
            public String name() {
                return "gating";
            }

            @Override
            public void setup(Env env) {
                listed = new WorkStruct("listed_fn", "sfp_timeout", () -> runs.add(1));
                other = new WorkStruct("other_fn", "sfp_hwmon", () -> runs.add(2));
                Kernel.get().startRace(Set.of("sfp_timeout"));
            }

            @Override
            public void run(Env env) {
                Workqueue.queueWork(listed, "test");
                assertFalse(Workqueue.queueWork(other, "test"));
                assertTrue(other.heldBack());
                Workqueue.flushWork(other, "test");
                env.settle();
            }
        };
        ExecutionOutcome o = new dev.whylock.engine.exec.Execution(p, dev.whylock.engine.exec.RunConfig.defaults(), Runs.lowest()).run();
        assertTrue(o.violations().isEmpty(), o.violations()::toString);
        assertEquals(List.of(1), runs);
    }

    @Test
    void workqueue_periodicSelfRearmDuringSetup_isPausedSoSettleEnds() {
        int[] runs = new int[1];
        ExecutionOutcome o = Runs.setupOnly(env -> {
            DelayedWork[] poll = new DelayedWork[1];
            poll[0] = new DelayedWork("sfp_poll", "sfp_poll", () -> {
                runs[0]++;
                Workqueue.queueDelayedWork(poll[0], 100, "sfp_poll");
            });
            Workqueue.queueDelayedWork(poll[0], 100, "sfp_probe");
            env.settle();
        });
        assertEquals(ExecutionOutcome.Status.COMPLETE, o.status(), o.violations()::toString);
        assertEquals(1, runs[0]);
    }

    @Test
    void irq_raisedTwiceWhileRunning_runsAgainAfterwardsButNeverConcurrently() {
        int[] runs = new int[1];
        ExecutionOutcome o = Runs.setupOnly(env -> {
            Irq[] irq = new Irq[1];
            irq[0] = Irq.requestThreadedIrq("irq", "sfp_irq", () -> {
                if (runs[0]++ == 0) {
                    irq[0].raise("handler");
                }
            });
            irq[0].raise("hardware");
            env.settle();
            irq[0].freeIrq("free_irq");
            assertFalse(irq[0].raise("hardware"));
        });
        assertTrue(o.violations().isEmpty(), o.violations()::toString);
        assertEquals(2, runs[0]);
    }
}
