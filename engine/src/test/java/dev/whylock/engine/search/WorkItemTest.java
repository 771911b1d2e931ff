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

    @Test
    void orderedTiming_startsTimersInDeadlineOrder() {
        Program p = Litmus.program("timers", env -> {
            Field<String> last = env.field("last", "");
            Work slow = env.work("slow", () -> last.set("slow", "slow"));
            Work fast = env.work("fast", () -> last.set("fast", "fast"));
            slow.queueDelayed(1000, "arm");
            fast.queueDelayed(10, "arm");
        });
        List<String> ordered = new ArrayList<>();
        Explorer.explore(p, SearchConfig.of(StrategySpec.dpor()).withMinimize(false)
                .withRun(RunConfig.defaults().withTiming(RunConfig.Timing.ORDERED))
                .withObservers(List.of(o -> ordered.add(startOrder(o)))));
        assertEquals(List.of("[fast, slow]"), ordered.stream().distinct().toList());
        List<String> untimed = new ArrayList<>();
        Explorer.explore(p, SearchConfig.of(StrategySpec.dpor()).withMinimize(false)
                .withObservers(List.of(o -> untimed.add(startOrder(o)))));
        assertTrue(untimed.contains("[slow, fast]"), "untimed mode lets the later timer fire first: " + untimed);
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
