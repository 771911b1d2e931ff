package dev.whylock.linux.testing;

import dev.whylock.engine.Env;
import dev.whylock.engine.Program;
import dev.whylock.engine.exec.Chooser;
import dev.whylock.engine.exec.Execution;
import dev.whylock.engine.exec.ExecutionOutcome;
import dev.whylock.engine.exec.Op;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.exec.SchedulingPoint;
import java.util.function.Consumer;

/** Runs model code once, deterministically, inside an engine execution (for unit tests). */
public final class Runs {
    private Runs() {}

    /** Runs {@code body} as the setup of a program (single-threaded; work runs only when main waits). */
    public static ExecutionOutcome setupOnly(Consumer<Env> body) {
        Program p = new Program() {
            @Override
            public String name() {
                return "unit";
            }

            @Override
            public void setup(Env env) {
                body.accept(env);
            }

            @Override
            public void run(Env env) {}
        };
        return new Execution(p, RunConfig.defaults(), lowest()).run();
    }

    /** A chooser that always runs the lowest-numbered enabled task. */
    public static Chooser lowest() {
        return new Chooser() {
            @Override
            public int pickTask(SchedulingPoint point) {
                return point.enabled().nextSetBit(0);
            }

            @Override
            public int pickValue(int step, int n) {
                return 0;
            }

            @Override
            public void executed(Op op, boolean fixed) {}

            @Override
            public void taskCreated(int task, int parent) {}
        };
    }
}
