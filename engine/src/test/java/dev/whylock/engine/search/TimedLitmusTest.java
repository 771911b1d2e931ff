package dev.whylock.engine.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.Field;
import dev.whylock.engine.Mutex;
import dev.whylock.engine.Program;
import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.Work;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.result.Step;
import dev.whylock.engine.result.Violation;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The timed mode decides windows that only timing closes: a 300 ms timer races a task that waits
 * for a lock another task holds for {@code hold} ms. Untimed, the timer may fire at any point, so
 * the late read is always possible; timed, only when the lock is held past the deadline.
 */
class TimedLitmusTest {

    static Program timerVersusHeldLock(long hold) {
        return Litmus.program("timer-vs-held-lock-" + hold, env -> {
            Field<Integer> x = env.field("x", 0);
            Mutex lock = env.mutex("L");
            Work timer = env.work("timer", () -> x.set(1, "timer"));
            timer.queueDelayed(300, "main");
            env.spawn("holder", () -> {
                lock.lock("holder");
                env.sleep(hold, "holder");
                lock.unlock("holder");
            });
            env.spawn("waiter", () -> {
                lock.lock("waiter");
                env.bugOn(x.get("waiter") == 1, "the waiter got the lock only after the timer fired");
                lock.unlock("waiter");
            });
        });
    }

    @ParameterizedTest(name = "hold {0} ms, {1}: violation {2}")
    @CsvSource({
        "200, TIMED, false",
        "299, TIMED, false",
        "300, TIMED, true",
        "400, TIMED, true",
        "200, UNTIMED, true",
        "200, ORDERED, true",
    })
    void heldLockVersusTimer_violationOnlyWhenTheLockOutlastsTheTimer(long hold, RunConfig.Timing timing, boolean violation) {
        Program p = timerVersusHeldLock(hold);
        ExplorationOracleTest.Run brute = ExplorationOracleTest.explore(p, StrategySpec.dfs(-1), timing, 100_000);
        ExplorationOracleTest.Run dpor = ExplorationOracleTest.explore(p, StrategySpec.dpor(), timing, 100_000);
        assertTrue(brute.result().exhaustive() && dpor.result().exhaustive());
        assertEquals(new TreeSet<>(brute.behaviours()), new TreeSet<>(dpor.behaviours()));
        assertEquals(0, dpor.result().blocked(), "no execution abandoned");
        boolean found = dpor.result().violations().stream().anyMatch(v -> v.kind() == ViolationKind.BUG);
        assertEquals(violation, found, dpor.result().violations().toString());
        if (found && timing == RunConfig.Timing.TIMED) {
            // The counterexample carries virtual time: the timer ran at 300 ms, the waiter read after it.
            Violation v = dpor.result().violations().stream().filter(x -> x.kind() == ViolationKind.BUG).findFirst().orElseThrow();
            Step timerWrite = v.trace().steps().stream().filter(s -> "timer".equals(s.site()) && s.operation().equals("write"))
                    .findFirst().orElseThrow();
            assertEquals(300L, timerWrite.time());
        }
        System.out.printf("timed litmus hold %d %-7s brute %4d executions, dpor %3d; violation %s%n", hold, timing,
                brute.result().executions(), dpor.result().executions(), found);
    }

    /**
     * A work item due at once, which re-queues itself, against a cancel, while another task sleeps.
     * In the execution DPOR runs first, the cancel comes before the item's first run and time then
     * passes for the sleeper; the run that was due before that tick must still be moved before the
     * cancel (found once by the oracle: the start was ordered after the tick, and the tick counted
     * as the first step of the reversal, which it can never be).
     */
    @org.junit.jupiter.api.Test
    void timed_aStartDueBeforeATick_isStillReorderedBeforeACancel() {
        Program p = Litmus.program("requeue-vs-cancel-while-sleeping", env -> {
            Field<Integer> cancelledAfterRun = env.field("cancelledAfterRun", 0);
            Field<Integer> runs = env.field("runs", 0);
            Work[] w = new Work[1];
            w[0] = env.work("w", () -> {
                runs.set(runs.get("w") + 1, "w");
                w[0].queue("requeue");
            }).maxRuns(2);
            env.spawn("sleeper", () -> {
                w[0].queue("queue");
                env.sleep(5, "sleeper");
            });
            env.spawn("canceller", () -> {
                if (w[0].cancel("cancel") && runs.get("canceller") == 1) {
                    cancelledAfterRun.set(1, "canceller");
                }
            });
            env.invariant("no cancel of the re-queued run", () -> cancelledAfterRun.peek() == 0 ? null : "the re-queued run was cancelled");
        });
        ExplorationOracleTest.Run brute = ExplorationOracleTest.explore(p, StrategySpec.dfs(-1), RunConfig.Timing.TIMED, 100_000);
        ExplorationOracleTest.Run dpor = ExplorationOracleTest.explore(p, StrategySpec.dpor(), RunConfig.Timing.TIMED, 100_000);
        assertEquals(new TreeSet<>(brute.behaviours()), new TreeSet<>(dpor.behaviours()));
        assertEquals(0, dpor.result().blocked(), "no execution abandoned");
        assertTrue(dpor.result().violations().stream().anyMatch(v -> v.kind() == ViolationKind.INVARIANT),
                dpor.result().violations().toString());
    }

    @ParameterizedTest
    @CsvSource({"UNTIMED", "ORDERED"})
    void untimedModes_stepsCarryNoTime(RunConfig.Timing timing) {
        ExplorationResult r = Explorer.explore(timerVersusHeldLock(400), SearchConfig.of(StrategySpec.dpor())
                .withRun(RunConfig.defaults().withTiming(timing)));
        assertTrue(r.violations().stream().flatMap(v -> v.trace().steps().stream()).allMatch(s -> s.time() == null));
    }

    @ParameterizedTest
    @CsvSource({"UNTIMED, 0", "ORDERED, 0", "TIMED, 2"})
    void sleep_isAStepOnlyInTheTimedMode(RunConfig.Timing timing, long sleepSteps) {
        // Untimed and ordered, a sleep may end at any later point, which every later step already is: no step, so
        // the traces of programs that sleep (the model's I2C transfers) are the same as before the timed mode.
        ExplorationResult r = Explorer.explore(timerVersusHeldLock(400), SearchConfig.of(StrategySpec.dpor())
                .withRun(RunConfig.defaults().withTiming(timing)));
        Violation v = r.violations().get(0);
        assertEquals(sleepSteps, v.trace().steps().stream().filter(s -> "holder".equals(s.site())
                && (s.operation().equals("msleep") || s.operation().equals("wake"))).count(), v.trace().toString());
    }
}
