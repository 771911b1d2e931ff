package dev.whylock.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.Env;
import dev.whylock.engine.Field;
import dev.whylock.engine.Mutex;
import dev.whylock.engine.Obj;
import dev.whylock.engine.Program;
import dev.whylock.engine.Task;
import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.result.Violation;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
import dev.whylock.examples.CheckThenAct;
import dev.whylock.examples.ConditionHandoff;
import dev.whylock.examples.Counter;
import dev.whylock.examples.DeadlockLocks;
import dev.whylock.examples.DeadlockMonitors;
import dev.whylock.examples.ExecutorLostUpdate;
import dev.whylock.examples.GuardedWait;
import dev.whylock.examples.LatchPublish;
import dev.whylock.examples.LostUpdate;
import dev.whylock.examples.MissedNotify;
import dev.whylock.examples.Transfers;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The litmus programs as plain Java classes (module examples), explored as compiled: the number of
 * DPOR executions and the violations are pinned as data, and where the engine-API litmus program
 * runs the same algorithm, the Java class needs exactly as many executions.
 */
class JavaLitmusTest {

    /** Class, DPOR executions, the kinds of the violations found (empty: none). */
    static Stream<Arguments> pinned() {
        return Stream.of(
                Arguments.of(LostUpdate.class, 4, List.of(ViolationKind.EXCEPTION)),
                Arguments.of(Counter.class, 2, List.of()),
                Arguments.of(CheckThenAct.class, 3, List.of(ViolationKind.EXCEPTION)),
                Arguments.of(DeadlockMonitors.class, 3, List.of(ViolationKind.DEADLOCK)),
                Arguments.of(DeadlockLocks.class, 3, List.of(ViolationKind.DEADLOCK)),
                Arguments.of(Transfers.class, 3, List.of(ViolationKind.DEADLOCK)),
                Arguments.of(MissedNotify.class, 2, List.of(ViolationKind.DEADLOCK)),
                Arguments.of(GuardedWait.class, 2, List.of()),
                Arguments.of(ConditionHandoff.class, 2, List.of()),
                Arguments.of(LatchPublish.class, 2, List.of()),
                Arguments.of(ExecutorLostUpdate.class, 4, List.of(ViolationKind.EXCEPTION)));
    }

    @ParameterizedTest
    @MethodSource("pinned")
    void litmusClass_dpor_exploresThePinnedExecutionsAndFindsThePinnedViolations(Class<?> c, int executions, List<ViolationKind> kinds) {
        JavaResult r = Explore.dpor(c);
        assertEquals(executions, r.result().executions(), c.getSimpleName());
        assertTrue(r.result().exhaustive(), c.getSimpleName() + " not exhaustive: " + r.notControlled());
        assertEquals(kinds, r.result().violations().stream().map(Violation::kind).toList(), c.getSimpleName());
        assertEquals(List.of(), r.notControlled());
    }

    @ParameterizedTest
    @MethodSource("pinned")
    void litmusClass_onTheThreadBackend_givesTheSameExecutionsAndViolations(Class<?> c, int executions, List<ViolationKind> kinds) {
        JavaResult threads = Explore.run(c, "main", StrategySpec.dpor(),
                dev.whylock.engine.exec.RunConfig.defaults().withBackend(dev.whylock.engine.exec.Backend.named("thread")), false);
        JavaResult continuations = Explore.dpor(c);
        assertEquals(executions, threads.result().executions(), c.getSimpleName());
        assertEquals(kinds, threads.result().violations().stream().map(Violation::kind).toList(), c.getSimpleName());
        assertEquals(continuations.result().violations().stream().map(v -> v.key() + v.trace()).toList(),
                threads.result().violations().stream().map(v -> v.key() + v.trace()).toList(), c.getSimpleName());
    }

    static Program program(String name, Consumer<Env> run) {
        return new Program() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void run(Env env) {
                run.accept(env);
            }
        };
    }

    static long engineExecutions(Program p) {
        ExplorationResult r = Explorer.explore(p, SearchConfig.of(StrategySpec.dpor()).withMinimize(false));
        assertTrue(r.exhaustive());
        return r.executions();
    }

    /** Two tasks read and write a counter; main joins both and checks it. */
    static Program lostUpdate() {
        return program("lost-update", env -> {
            Field<Integer> counter = env.field("counter", 0);
            Runnable inc = () -> counter.set(counter.get("inc") + 1, "inc");
            Task a = env.spawn("A", inc);
            Task b = env.spawn("B", inc);
            env.join(a);
            env.join(b);
            env.bugOn(counter.get("check") != 2, "lost update");
        });
    }

    static final class Node extends Obj {
        Node() {
            super("node");
        }
    }

    /** A reader checks a pointer and dereferences it; another task clears it. */
    static Program checkThenAct() {
        return program("check-then-act", env -> {
            Field<Node> ptr = env.field("ptr", new Node());
            Task user = env.spawn("user", () -> {
                if (ptr.get("check") != null) {
                    env.deref(ptr.get("use"), "ptr");
                }
            });
            Task clear = env.spawn("clear", () -> ptr.set(null, "clear"));
            env.join(user);
            env.join(clear);
        });
    }

    /** Two tasks take two mutexes in opposite orders. */
    static Program abba() {
        return program("ab-ba", env -> {
            Mutex a = env.mutex("A");
            Mutex b = env.mutex("B");
            Task t1 = env.spawn("T1", () -> {
                a.lock("f");
                b.lock("f");
                b.unlock("f");
                a.unlock("f");
            });
            Task t2 = env.spawn("T2", () -> {
                b.lock("g");
                a.lock("g");
                a.unlock("g");
                b.unlock("g");
            });
            env.join(t1);
            env.join(t2);
        });
    }

    @Test
    void lostUpdate_javaClassAndEngineProgram_needTheSameExecutions() {
        assertEquals(engineExecutions(lostUpdate()), Explore.dpor(LostUpdate.class).result().executions());
        assertEquals(engineExecutions(lostUpdate()), Explore.dpor(ExecutorLostUpdate.class).result().executions());
    }

    @Test
    void checkThenAct_javaClassAndEngineProgram_needTheSameExecutions() {
        assertEquals(engineExecutions(checkThenAct()), Explore.dpor(CheckThenAct.class).result().executions());
    }

    @Test
    void abba_monitorsLocksAndEngineMutexes_needTheSameExecutions() {
        long engine = engineExecutions(abba());
        assertEquals(engine, Explore.dpor(DeadlockMonitors.class).result().executions());
        assertEquals(engine, Explore.dpor(DeadlockLocks.class).result().executions());
    }

    @Test
    void deadlock_namesBothLocksInJavaTerms() {
        Violation v = Explore.dpor(DeadlockMonitors.class).result().violations().get(0);
        assertTrue(v.message().contains("T1 waits for dev.whylock.examples.DeadlockMonitors.b in DeadlockMonitors.lambda$main$0:11"), v.message());
        assertTrue(v.message().contains("T2 waits for dev.whylock.examples.DeadlockMonitors.a in DeadlockMonitors.lambda$main$1:18"), v.message());
    }

    @Test
    void lostUpdate_counterexample_readsAndWritesTheJavaField() {
        Violation v = Explore.dpor(LostUpdate.class).result().violations().get(0);
        assertTrue(v.message().startsWith("uncaught java.lang.AssertionError: counter is 1, expected 2"), v.message());
        List<String> counterSteps = v.trace().steps().stream().filter(s -> "LostUpdate.counter".equals(s.object()))
                .map(s -> s.task() + " " + s.operation() + " " + s.value() + " at " + s.site()).toList();
        assertEquals(List.of("Thread-0 read 0 at LostUpdate.increment:8", "Thread-1 read 0 at LostUpdate.increment:8",
                "Thread-1 write 1 at LostUpdate.increment:8", "Thread-0 write 1 at LostUpdate.increment:8",
                "main read 1 at LostUpdate.main:18", "main read 1 at LostUpdate.main:18"), counterSteps);
    }
}
