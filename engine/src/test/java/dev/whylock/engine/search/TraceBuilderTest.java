package dev.whylock.engine.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.whylock.engine.Field;
import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.Mutex;
import dev.whylock.engine.Program;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.result.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Values in traces must print the same in every run: no identity hash codes. Each step says which locks its task held. */
class TraceBuilderTest {

    /** One task: A then B nested, released in reverse, a write under each stage; then a failure that records the trace. */
    static final Program NESTED = Litmus.program("nested", env -> {
        Mutex a = env.mutex("A");
        Mutex b = env.mutex("B");
        Field<Integer> x = env.field("x", 0);
        x.set(1, "outside");
        a.lock("outer");
        x.set(2, "underA");
        b.lock("inner");
        x.set(3, "underAB");
        b.unlock("inner");
        x.set(4, "underA");
        a.unlock("outer");
        env.bugOn(true, "stop here");
    });

    static List<String> held(RunConfig run) {
        ExplorationResult r = Explorer.explore(NESTED, SearchConfig.of(StrategySpec.dpor()).withRun(run));
        List<String> out = new ArrayList<>();
        for (Step s : r.violations().get(0).trace().steps()) {
            out.add(s.operation() + "@" + s.site() + " " + (s.held() == null ? "-" : String.join("+", s.held())));
        }
        return out;
    }

    @Test
    void everyStep_namesTheLocksItsTaskHeldWhenItRan() {
        assertEquals(List.of("write@outside -", "lock@outer -", "write@underA A", "lock@inner A", "write@underAB A+B",
                "unlock@inner A+B", "write@underA A", "unlock@outer A"), held(RunConfig.defaults()));
    }

    @Test
    void aRemovedAcquisition_holdsNothing() {
        assertEquals(List.of("write@outside -", "lock@outer -", "write@underA A", "lock@inner A", "write@underAB A",
                "unlock@inner A", "write@underA A", "unlock@outer A"),
                held(RunConfig.defaults().withExperiments(List.of(LockExperiment.remove("B", "inner")))));
    }

    interface SocketOps {
        int attach();
    }

    @Test
    void anonymousAndLambdaValues_printTheirInterface_notAnIdentityHash() {
        SocketOps anon = new SocketOps() {
            @Override
            public int attach() {
                return 0;
            }
        };
        Supplier<String> lambda = () -> "x";
        assertEquals("&SocketOps", TraceBuilder.show(anon));
        assertEquals("&Supplier", TraceBuilder.show(lambda));
        assertEquals("&Object", TraceBuilder.show(new Object()));
    }

    @Test
    void arraysAndPlainValues_printTheirContents() {
        assertEquals("[1, 2]", TraceBuilder.show(new long[] {1, 2}));
        assertEquals("NULL", TraceBuilder.show(null));
        assertEquals("true", TraceBuilder.show(true));
        assertEquals("7", TraceBuilder.show(7));
    }
}
