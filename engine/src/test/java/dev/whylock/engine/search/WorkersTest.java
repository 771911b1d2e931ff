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
    @Test
    void orderedObservers_closed_laterSlotsReachNoObserver() {
        List<Integer> seen = new ArrayList<>();
        OrderedObservers o = new OrderedObservers(List.of(x -> seen.add(x.preemptions())));
        o.slot(0).onExecution(outcome(0));
        o.slot(1).onExecution(outcome(10));
        o.close();
        o.finish(0);
        o.slot(1).onExecution(outcome(11));
        o.finish(1);
        assertEquals(List.of(0), seen, "slot 1 was never the head before the close: nothing of it is delivered");
    }

    @Test
    void feed_oneWorker_runsEachJobOnTheWaitingThreadWhenAskedFor() {
        Workers.Feed<String> feed = new Workers(1).feed();
        List<String> ran = new ArrayList<>();
        Supplier<String> a = feed.add(() -> {
            ran.add("a");
            return Thread.currentThread().getName();
        });
        Supplier<String> b = feed.add(() -> {
            ran.add("b");
            return Thread.currentThread().getName();
        });
        assertEquals(List.of(), ran, "nothing runs ahead of the waiting thread");
        assertEquals(Thread.currentThread().getName(), b.get());
        assertEquals(List.of("b"), ran);
        assertEquals(Thread.currentThread().getName(), a.get());
        assertEquals(Thread.currentThread().getName(), b.get(), "a result is kept");
        assertEquals(List.of("b", "a"), ran, "each job ran once");
    }

    @Test
    void feed_threeWorkers_everyJobRunsOnce_resultsBelongToTheirJobs() {
        Workers.Feed<Integer> feed = new Workers(3).feed();
        java.util.concurrent.atomic.AtomicIntegerArray runs = new java.util.concurrent.atomic.AtomicIntegerArray(200);
        List<Supplier<Integer>> handles = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int v = i;
            handles.add(feed.add(() -> {
                runs.incrementAndGet(v);
                long x = 0;
                for (int k = 0; k < (200 - v) * 1_000; k++) {
                    x += k % 7;
                }
                return x >= 0 ? v : -1;
            }));
        }
        for (int i = 0; i < 200; i++) {
            assertEquals(i, handles.get(i).get());
        }
        for (int i = 0; i < 200; i++) {
            assertEquals(1, runs.get(i), "job " + i);
        }
    }

    @Test
    void feed_jobThrows_itsWaiterGetsTheFailure_othersTheirResults() {
        Workers.Feed<Integer> feed = new Workers(2).feed();
        Supplier<Integer> ok = feed.add(() -> 1);
        Supplier<Integer> bad = feed.add(() -> {
            throw new IllegalArgumentException("boom");
        });
        Supplier<Integer> after = feed.add(() -> 3);
        assertEquals(1, ok.get());
        assertEquals("boom", assertThrows(IllegalArgumentException.class, bad::get).getMessage());
        assertEquals(3, after.get());
    }

    @Test
    void feed_skipRest_jobsNotStartedDoNotRun_andItWaitsForRunningOnes() throws Exception {
        Workers.Feed<Integer> feed = new Workers(2).feed();
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean release = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean firstEnded = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger laterRuns = new java.util.concurrent.atomic.AtomicInteger();
        feed.add(() -> {
            started.countDown();
            while (!release.get()) {
                Thread.onSpinWait();
            }
            firstEnded.set(true);
            return 0;
        });
        started.await(); // the one helper thread runs the first job; the others wait in the queue
        List<Supplier<Integer>> later = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            later.add(feed.add(() -> laterRuns.incrementAndGet()));
        }
        Thread main = Thread.currentThread();
        Thread releaser = new Thread(() -> {
            while (main.getState() != Thread.State.WAITING) {
                Thread.onSpinWait(); // main is inside skipRest, which has already stopped later jobs
            }
            release.set(true);
        });
        releaser.start();
        feed.skipRest();
        releaser.join();
        assertEquals(true, firstEnded.get(), "skipRest returned only after the running job ended");
        assertEquals(0, laterRuns.get(), "no job not yet started ran");
        for (Supplier<Integer> s : later) {
            assertEquals(null, s.get());
        }
    }
}
