package dev.whylock.engine.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.whylock.engine.exec.ExecutionOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** {@link Workers} returns results in job order; {@link OrderedObservers} delivers in slot order whatever order the slots run in. */
class WorkersTest {

    /** An outcome told apart by its preemption count. */
    private static ExecutionOutcome outcome(int id) {
        return new ExecutionOutcome(ExecutionOutcome.Status.COMPLETE, List.of(), List.of(), id, List.of(), false, List.of(), List.of(),
                List.of(), false);
    }

    @Test
    void orderedObservers_slotsRunOutOfOrder_deliveredInSlotOrder() {
        List<Integer> seen = new ArrayList<>();
        OrderedObservers o = new OrderedObservers(List.of(x -> seen.add(x.preemptions())));
        o.slot(2).onExecution(outcome(20));
        o.slot(1).onExecution(outcome(10));
        o.slot(0).onExecution(outcome(0));
        o.slot(2).onExecution(outcome(21));
        assertEquals(List.of(0), seen, "only the head delivers at once");
        o.finish(2);
        o.slot(0).onExecution(outcome(1));
        assertEquals(List.of(0, 1), seen);
        o.finish(0);
        assertEquals(List.of(0, 1, 10), seen, "slot 1 becomes the head and delivers what it buffered");
        o.slot(1).onExecution(outcome(11));
        o.finish(1);
        assertEquals(List.of(0, 1, 10, 11, 20, 21), seen, "slot 2 finished earlier: its buffer follows");
    }

    @Test
    void run_manyJobsOnThreeWorkers_resultsInJobOrder() {
        List<Supplier<Integer>> jobs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int v = i;
            jobs.add(() -> {
                long x = 0;
                for (int k = 0; k < (50 - v) * 10_000; k++) {
                    x += k % 7; // later jobs are shorter, so they finish first
                }
                return x >= 0 ? v : -1;
            });
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            expected.add(i);
        }
        assertEquals(expected, new Workers(3).run(jobs));
        assertEquals(expected, new Workers(1).run(jobs));
    }

    @Test
    void run_aJobThrows_theFirstFailureInJobOrderIsRethrown() {
        List<Supplier<Integer>> jobs = List.of(() -> 1, () -> {
            throw new IllegalStateException("job 2");
        }, () -> 3);
        assertEquals("job 2", assertThrows(IllegalStateException.class, () -> new Workers(2).run(jobs)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Workers(0));
    }
}
