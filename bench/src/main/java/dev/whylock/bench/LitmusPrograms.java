package dev.whylock.bench;

import dev.whylock.engine.Env;
import dev.whylock.engine.Field;
import dev.whylock.engine.Mutex;
import dev.whylock.engine.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The litmus programs the benchmarks measure (the same shapes the engine tests pin). */
public final class LitmusPrograms {

    private LitmusPrograms() {}

    static Program of(String name, Consumer<Env> run) {
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

    /** Two tasks each writing k fields of their own: one Mazurkiewicz trace, C(2k,k) interleavings. */
    public static Program independent(int k) {
        return of("independent-" + k, env -> {
            for (int t = 0; t < 2; t++) {
                List<Field<Integer>> mine = new ArrayList<>();
                for (int i = 0; i < k; i++) {
                    mine.add(env.field("t" + t + ".x" + i, 0));
                }
                env.spawn("T" + t, () -> mine.forEach(f -> f.set(1, "step")));
            }
        });
    }

    /** n tasks each taking one lock once: n! traces. */
    public static Program lockOnce(int n) {
        return of("lock-once-" + n, env -> {
            Mutex m = env.mutex("L");
            for (int t = 0; t < n; t++) {
                env.spawn("T" + t, () -> {
                    m.lock("critical");
                    m.unlock("critical");
                });
            }
        });
    }

    /** Two tasks incrementing a shared counter under a lock, {@code steps} times each: a long single execution. */
    public static Program longCounter(int steps) {
        return of("counter-" + steps, env -> {
            Mutex m = env.mutex("L");
            Field<Integer> c = env.field("counter", 0);
            for (int t = 0; t < 2; t++) {
                env.spawn("T" + t, () -> {
                    for (int i = 0; i < steps; i++) {
                        m.lock("inc");
                        c.set(c.get("inc") + 1, "inc");
                        m.unlock("inc");
                    }
                });
            }
        });
    }
}
