package dev.whylock.engine.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.Field;
import dev.whylock.engine.Program;
import dev.whylock.engine.Task;
import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.result.ExplorationResult;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Preemption bounding: the fewest-preemption counterexample comes first. */
class BoundingTest {

    /** A bug that needs one preemption: A must be interrupted between its two writes while B reads both. */
    static Program onePreemption() {
        return Litmus.program("one-preemption", env -> {
            Field<Integer> x = env.field("x", 0);
            Field<Integer> y = env.field("y", 0);
            Task a = env.spawn("A", () -> {
                x.set(1, "a1");
                y.set(1, "a2");
            });
            Task b = env.spawn("B", () -> {
                int vx = x.get("b1");
                int vy = y.get("b2");
                env.bugOn(vx == 1 && vy == 0, "B saw x=1 but y=0");
            });
            env.join(a);
            env.join(b);
        });
    }

    @Test
    void boundZero_cannotFindABugThatNeedsPreemptions() {
        ExplorationResult r = Explorer.explore(onePreemption(), SearchConfig.of(StrategySpec.dfs(0)).withMinimize(false));
        assertFalse(r.hasViolation());
        assertFalse(r.exhaustive(), "bound 0 pruned schedules, so it is not exhaustive");
    }

    @Test
    void iterativeBounding_findsTheBugWithTheFewestPreemptions() {
        ExplorationResult r = Explorer.explore(onePreemption(), SearchConfig.of(StrategySpec.bounded(3))
                .withMinimize(false).withStopOn(Set.of(ViolationKind.BUG)));
        assertEquals(1, r.violations().size());
        assertEquals(1, r.violations().get(0).trace().preemptions());
    }

    @Test
    void dporCounterexample_isMinimizedToTheFewestPreemptions() {
        ExplorationResult r = Explorer.explore(onePreemption(), SearchConfig.of(StrategySpec.dpor()));
        assertEquals(1, r.violations().get(0).trace().preemptions());
        assertTrue(r.exhaustive());
    }

    /** Counts every execution of {@link #onePreemption()}, the search's and the minimiser's alike. */
    private static Program counted(AtomicInteger runs) {
        Program p = onePreemption();
        return Litmus.program(p.name(), env -> {
            runs.incrementAndGet();
            p.run(env);
        });
    }

    /** A search that stops at the first bug and sets the clock to {@code nowAfterBug} when it sees it. */
    private static SearchConfig firstBug(AtomicLong now, long nowAfterBug) {
        ExecutionObserver clock = o -> {
            if (!o.violations().isEmpty()) {
                now.set(nowAfterBug);
            }
        };
        return SearchConfig.of(StrategySpec.random(3)).withStopOn(Set.of(ViolationKind.BUG)).withObservers(List.of(clock))
                .withTimeLimit(1_000, now::get);
    }

    @Test
    void minimization_timeLimitAlreadyReached_runsNoFurtherExecution() {
        AtomicInteger runs = new AtomicInteger();
        AtomicLong now = new AtomicLong();
        ExplorationResult r = Explorer.explore(counted(runs), firstBug(now, 5_000_000_000L));
        assertEquals(1, r.violations().size());
        assertEquals(r.executions() + r.blocked(), runs.get(), "only the search's own executions ran");
    }

    @Test
    void minimization_withinTheTimeLimit_runsAndFindsTheFewestPreemptions() {
        AtomicInteger runs = new AtomicInteger();
        AtomicLong now = new AtomicLong();
        ExplorationResult r = Explorer.explore(counted(runs), firstBug(now, 0));
        assertEquals(1, r.violations().get(0).trace().preemptions());
        assertTrue(runs.get() > r.executions() + r.blocked(), "the minimiser ran executions of its own");
    }
}
