package dev.whylock.engine.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.Field;
import dev.whylock.engine.Mutex;
import dev.whylock.engine.Program;
import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.result.ExplorationResult;
import java.util.List;
import jdk.internal.vm.Continuation;
import org.junit.jupiter.api.Test;

/**
 * A task that reaches a scheduling point where its continuation cannot yield (here a pinned
 * section, as the JVM makes for its own class loading or native frames) runs on the thread backend:
 * that execution from its start, with the strategy's choices so far replayed, and the program's
 * later executions on threads from their start. The exploration must be exactly the thread
 * backend's: the same executions, violations, counterexamples and traces. The pins here happen only
 * in some executions (when a value read says so), several steps in, so DPOR's state at the switch
 * matters.
 */
class PinnedFallbackTest {

    /** Task A pins for its write when it read 1 (B wrote first); B checks what A wrote; a lock orders a third field. */
    static Program pinsSometimes() {
        return Litmus.program("pins-sometimes", env -> {
            Field<Integer> x = env.field("x", 0);
            Field<Integer> y = env.field("y", 0);
            Field<Integer> z = env.field("z", 0);
            Mutex m = env.mutex("M");
            env.spawn("A", () -> {
                int v = x.get("a_read_x");
                m.lock("a_lock");
                z.set(z.get("a_read_z") + 1, "a_write_z");
                m.unlock("a_unlock");
                if (v == 1) {
                    Continuation.pin();
                    try {
                        y.set(1, "a_write_y_pinned");
                        z.get("a_read_z_pinned");
                    } finally {
                        Continuation.unpin();
                    }
                } else {
                    y.set(2, "a_write_y");
                }
            });
            env.spawn("B", () -> {
                x.set(1, "b_write_x");
                m.lock("b_lock");
                z.set(z.get("b_read_z") + 1, "b_write_z");
                m.unlock("b_unlock");
                if (y.get("b_read_y") == 1) {
                    env.fail(ViolationKind.ASSERTION, "B saw A's pinned write");
                }
            });
        });
    }

    /** A task pinned from its very first operation, started by a task that goes on running (its start is that task's step). */
    static Program pinsAtStart() {
        return Litmus.program("pins-at-start", env -> {
            Field<Integer> x = env.field("x", 0);
            env.spawn("A", () -> {
                env.spawn("C", () -> {
                    Continuation.pin();
                    try {
                        x.set(1, "c_write_x_pinned");
                    } finally {
                        Continuation.unpin();
                    }
                });
                x.set(2, "a_write_x");
            });
            env.spawn("B", () -> {
                if (x.get("b_read_x") == 1) {
                    env.fail(ViolationKind.ASSERTION, "B saw C's write");
                }
            });
        });
    }

    @Test
    void taskPinnedFromItsFirstOperation_fallsBackToo() {
        assertEquals(run(pinsAtStart(), "thread"), run(pinsAtStart(), "continuation"));
    }

    static ExplorationResult run(Program p, String backend) {
        return BackendTest.run(p, backend);
    }

    @Test
    void pinnedSection_continuationsFallBackToThreads_withTheThreadBackendsExploration() {
        ExplorationResult threads = run(pinsSometimes(), "thread");
        ExplorationResult fallback = run(pinsSometimes(), "continuation");
        assertTrue(threads.executions() > 4, "a search with several executions: " + threads.executions());
        assertFalse(threads.violations().isEmpty(), "B can see the pinned write");
        assertTrue(fallback.exhaustive());
        assertEquals(threads, fallback);
    }

    @Test
    void withoutPins_bothBackendsAgree_asBefore() {
        for (Program p : List.of(LitmusTest.lockOnce(3), LitmusTest.independent(3))) {
            assertEquals(run(p, "thread"), run(p, "continuation"));
        }
    }
}
