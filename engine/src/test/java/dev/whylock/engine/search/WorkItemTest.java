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
import dev.whylock.engine.Work;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.ExplorationResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Work items, delayed work and timers: the kernel's deferred contexts under exploration. */
class WorkItemTest {

    @Test
    void flushUnderLockTheWorkTakes_dpor_findsDeadlock() {
        Program p = Litmus.program("flush-under-lock", env -> {
            Mutex rtnl = env.mutex("rtnl_mutex");
            Work resolve = env.work("pl->resolve", () -> {
                rtnl.lock("phylink_resolve");
                rtnl.unlock("phylink_resolve");
            });
            Task t = env.spawn("stop", () -> {
                resolve.queue("phylink_run_resolve");
                rtnl.lock("phylink_stop");
                resolve.flush("phylink_stop");
                rtnl.unlock("phylink_stop");
            });
            env.join(t);
        });
        ExplorationResult r = Litmus.dpor(p);
        assertEquals(1, r.violations().size());
        assertEquals(ViolationKind.DEADLOCK, r.violations().get(0).kind());
        assertTrue(r.violations().get(0).message().contains("waits in phylink_stop for work pl->resolve"), r.violations().get(0).message());
        assertTrue(r.exhaustive());
    }

    @Test
    void cancelRacingWithStart_dpor_exploresBothOrders() {
        List<Boolean> ran = new ArrayList<>();
        Program p = Litmus.program("cancel-vs-start", env -> {
            Field<Integer> hits = env.field("hits", 0);
            Work w = env.work("sfp->timeout", () -> hits.set(1, "sfp_timeout"));
            w.queueDelayed(300, "sfp_sm_set_timer");
            Task t = env.spawn("remove", () -> w.cancelSync("sfp_cleanup"));
            env.join(t);
            ran.add(hits.get("check") == 1);
        });
        ExplorationResult r = Litmus.dpor(p);
        assertTrue(r.exhaustive());
        assertTrue(ran.contains(true) && ran.contains(false), "both the cancelled and the fired timer must be explored: " + ran);
        assertFalse(r.hasViolation());
    }

    static String startOrder(dev.whylock.engine.exec.ExecutionOutcome o) {
        return o.log().stream().filter(op -> op.kind() == dev.whylock.engine.exec.OpKind.WORK_START)
                .map(op -> op.site()).toList().toString();
    }

    static Program timers(boolean slowFirst) {
        return Litmus.program("timers", env -> {
            Field<String> last = env.field("last", "");
            Work slow = env.work("slow", () -> last.set("slow", "slow"));
            Work fast = env.work("fast", () -> last.set("fast", "fast"));
            if (slowFirst) {
                slow.queueDelayed(1000, "arm");
                fast.queueDelayed(10, "arm");
            } else {
                fast.queueDelayed(10, "arm");
                slow.queueDelayed(1000, "arm");
            }
        });
    }

    static List<String> startOrders(Program p, RunConfig.Timing timing, StrategySpec s) {
        List<String> orders = new ArrayList<>();
        Explorer.explore(p, SearchConfig.of(s).withMinimize(false).withRun(RunConfig.defaults().withTiming(timing))
                .withObservers(List.of(o -> orders.add(startOrder(o)))));
        return orders.stream().distinct().sorted().toList();
    }

    @Test
    void orderedTiming_startsArmedTimersInDeadlineOrder() {
        // Armed together, the earlier deadline starts first.
        assertEquals(List.of("[fast, slow]"), startOrders(timers(false), RunConfig.Timing.ORDERED, StrategySpec.dpor()));
        // Ordered timing orders the armed timers only: the slow timer may start before the fast one
        // is armed (virtual time that passes between armings is the timed mode's job). Brute force agrees.
        assertEquals(List.of("[fast, slow]", "[slow, fast]"), startOrders(timers(true), RunConfig.Timing.ORDERED, StrategySpec.dpor()));
        assertEquals(startOrders(timers(true), RunConfig.Timing.ORDERED, StrategySpec.dfs(-1)),
                startOrders(timers(true), RunConfig.Timing.ORDERED, StrategySpec.dpor()));
        // Untimed, either timer may run last: the slow one can fire first.
        List<Object> lastWrites = new ArrayList<>();
        Explorer.explore(timers(false), SearchConfig.of(StrategySpec.dpor()).withMinimize(false).withObservers(List.of(o ->
                lastWrites.add(o.log().stream().filter(op -> op.kind() == dev.whylock.engine.exec.OpKind.WRITE)
                        .reduce((a, b) -> b).orElseThrow().arg()))));
        assertEquals(List.of("fast", "slow"), lastWrites.stream().distinct().sorted().toList());
    }

    @Test
    void settleInSetup_runsPendingWorkDeterministically() {
        Program p = new Program() {
            @Override
            public String name() {
                return "settle";
            }

            @Override
            public void setup(Env env) {
                Field<Integer> f = env.field("state", 0);
                Work a = env.work("a", () -> f.set(f.get("a") + 1, "a"));
                Work b = env.work("b", () -> f.set(f.get("b") * 10, "b"));
                b.queueDelayed(50, "setup");
                a.queueDelayed(10, "setup");
                env.settle();
                env.bugOn(f.get("check") != 10, "setup must run a then b, got " + f.peek());
            }

            @Override
            public void run(Env env) {}
        };
        ExplorationResult r = Litmus.dpor(p);
        assertEquals(1, r.executions());
        assertFalse(r.hasViolation());
    }

    @Test
    void selfRearmingPoll_isBoundedByMaxRuns_andMarkedBounded() {
        Program p = Litmus.program("poll", env -> {
            Field<Integer> polls = env.field("polls", 0);
            Work[] poll = new Work[1];
            poll[0] = env.work("sfp->poll", () -> {
                polls.set(polls.get("sfp_poll") + 1, "sfp_poll");
                poll[0].queueDelayed(100, "sfp_poll");
            }).maxRuns(3);
            poll[0].queueDelayed(100, "sfp_probe");
        });
        ExplorationResult r = Litmus.dpor(p);
        assertTrue(r.bounded());
        assertFalse(r.exhaustive());
        assertFalse(r.hasViolation());
    }
}
