package dev.whylock.engine.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.Env;
import dev.whylock.engine.Field;
import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.Mutex;
import dev.whylock.engine.Program;
import dev.whylock.engine.Task;
import dev.whylock.engine.search.Ticker;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stress strategy runs programs on real threads; only outcomes that cannot depend on timing are asserted. */
class StressTest {

    static Program counter(int increments) {
        return new Program() {
            @Override
            public String name() {
                return "locked-counter";
            }

            @Override
            public void run(Env env) {
                Mutex m = env.mutex("L");
                Field<Integer> c = env.field("counter", 0);
                Runnable body = () -> {
                    for (int i = 0; i < increments; i++) {
                        m.lock("inc");
                        c.set(c.get("inc") + 1, "inc");
                        m.unlock("inc");
                    }
                };
                Task a = env.spawn("A", body);
                Task b = env.spawn("B", body);
                env.join(a);
                env.join(b);
                env.bugOn(c.get("check") != 2 * increments, "lost update: counter is " + c.peek());
            }
        };
    }

    @Test
    void lockedCounter_withTheLock_neverFails() {
        StressResult r = Stress.run(counter(1000), List.of(), 20, 2000, 1, false, Ticker.FROZEN, () -> false);
        assertEquals(20, r.runs());
        assertEquals(0, r.failedRuns());
    }

    @Test
    void selfDeadlock_onRealThreads_isReportedAsDeadlock() {
        Program p = new Program() {
            @Override
            public String name() {
                return "self";
            }

            @Override
            public void run(Env env) {
                Mutex m = env.mutex("rtnl_mutex");
                m.lock("outer");
                m.lock("inner");
            }
        };
        StressResult r = Stress.run(p, List.of(), 3, 500, 1, false, Ticker.FROZEN, () -> false);
        assertEquals(3, r.failedRuns());
        assertTrue(r.failures().keySet().iterator().next().startsWith("deadlock: self-deadlock"));
    }

    /** Main holds L while a task takes L and main joins it: a hang, unless the task's acquisition is removed. */
    static Program joinUnderLock() {
        return new Program() {
            @Override
            public String name() {
                return "join-under-lock";
            }

            @Override
            public void run(Env env) {
                Mutex m = env.mutex("L");
                m.lock("outer");
                Task t = env.spawn("T", () -> {
                    m.lock("inner");
                    m.unlock("inner");
                });
                env.join(t);
                m.unlock("outer");
            }
        };
    }

    @Test
    void removedLock_isRemovedOnRealThreadsToo() {
        StressResult hangs = Stress.run(joinUnderLock(), List.of(), 2, 300, 1, false, Ticker.FROZEN, () -> false);
        assertEquals(2, hangs.failedRuns(), "with the lock, every run hangs");
        StressResult removed = Stress.run(joinUnderLock(), List.of(LockExperiment.remove("L", "inner")), 5, 2000, 1, false,
                Ticker.FROZEN, () -> false);
        assertEquals(5, removed.runs());
        assertEquals(0, removed.failedRuns(), "with the task's acquisition removed, no run hangs");
    }
}
