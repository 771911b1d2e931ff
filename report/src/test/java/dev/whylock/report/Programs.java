package dev.whylock.report;

import dev.whylock.engine.Env;
import dev.whylock.engine.Field;
import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.Mutex;
import dev.whylock.engine.Program;
import dev.whylock.engine.Task;
import dev.whylock.engine.analysis.Analyses;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
import dev.whylock.engine.search.Ticker;
import java.util.List;
import java.util.function.Consumer;

/** Small deterministic programs whose explorations feed the report tests. */
final class Programs {

    private Programs() {}

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

    /** Two tasks increment a counter under {@code counter_lock}; main checks the sum. */
    static Program lostUpdate() {
        return program("lost-update", env -> {
            Mutex lock = env.mutex("counter_lock");
            Field<Integer> counter = env.field("counter", 0);
            Runnable inc = () -> {
                lock.lock("counter_inc");
                int v = counter.get("counter_inc");
                counter.set(v + 1, "counter_inc");
                lock.unlock("counter_inc");
            };
            Task a = env.spawn("A", inc);
            Task b = env.spawn("B", inc);
            env.join(a);
            env.join(b);
            env.bugOn(counter.get("counter_check") != 2, "counter is " + counter.peek() + ", expected 2");
        });
    }

    /** lost-update without a lock, after main configures 70 fields: a long trace whose race comes late. */
    static Program lostUpdateAfterSetup() {
        return program("lost-update-after-setup", env -> {
            for (int i = 0; i < 70; i++) {
                env.field("cfg->param" + i, 0).set(i, "dev_configure");
            }
            Field<Integer> counter = env.field("counter", 0);
            Runnable inc = () -> {
                int v = counter.get("counter_inc");
                counter.set(v + 1, "counter_inc");
            };
            Task a = env.spawn("A", inc);
            Task b = env.spawn("B", inc);
            env.join(a);
            env.join(b);
            env.bugOn(counter.get("counter_check") != 2, "counter is " + counter.peek() + ", expected 2");
        });
    }

    /** Two tasks take A and B in opposite orders. */
    static Program abba() {
        return program("ab-ba", env -> {
            Mutex a = env.mutex("lock_a");
            Mutex b = env.mutex("lock_b");
            Task t1 = env.spawn("T1", () -> {
                a.lock("take_a_then_b");
                b.lock("take_a_then_b");
                b.unlock("take_a_then_b");
                a.unlock("take_a_then_b");
            });
            Task t2 = env.spawn("T2", () -> {
                b.lock("take_b_then_a");
                a.lock("take_b_then_a");
                a.unlock("take_b_then_a");
                b.unlock("take_b_then_a");
            });
            env.join(t1);
            env.join(t2);
        });
    }

    /** Explores {@code p} exhaustively with DPOR and a frozen clock, under the given experiments. */
    static ExplorationResult dpor(Program p, LockExperiment... experiments) {
        return Explorer.explore(p, config(experiments));
    }

    /**
     * Explores {@code p} like {@link #dpor} with the analyses attached, as the CLI's {@code explore}
     * does: the data races they find are violations too.
     */
    static RunReport report(String scenario, Program p, LockExperiment... experiments) {
        return report(scenario, p, RunConfig.Timing.UNTIMED, experiments);
    }

    /** {@link #report} in timing mode {@code timing}. */
    static RunReport report(String scenario, Program p, RunConfig.Timing timing, LockExperiment... experiments) {
        Analyses analyses = new Analyses();
        SearchConfig cfg = config(experiments);
        cfg = cfg.withRun(cfg.run().withTiming(timing)).withObservers(analyses.observers());
        ExplorationResult r = Explorer.explore(p, cfg);
        r = r.withViolations(analyses.report().races().violations(), java.util.Set.of());
        return RunReport.of("litmus", scenario, timing.name().toLowerCase(java.util.Locale.ROOT), r).withAnalysis(analyses.report());
    }

    /**
     * A 300 ms timeout against a task that waits for {@code dev_lock} while another holds it for
     * 400 ms and sleeps: timed, the timeout comes due during the hold and can win the lock first.
     */
    static Program timeoutVersusHeldLock() {
        return program("timeout-vs-held-lock", env -> {
            Mutex lock = env.mutex("dev_lock");
            Field<Integer> state = env.field("dev->state", 0);
            dev.whylock.engine.Work timeout = env.work("dev_timeout", () -> {
                lock.lock("dev_timeout");
                state.set(2, "dev_timeout");
                lock.unlock("dev_timeout");
            });
            timeout.queueDelayed(300, "dev_open");
            Task busy = env.spawn("busy", () -> {
                lock.lock("busy_request");
                env.sleep(400, "busy_request");
                lock.unlock("busy_request");
            });
            Task open = env.spawn("open", () -> {
                lock.lock("dev_open");
                env.bugOn(state.get("dev_open") == 2, "the timeout ran before dev_open finished");
                state.set(1, "dev_open");
                lock.unlock("dev_open");
            });
            env.join(busy);
            env.join(open);
        });
    }

    /** Two tasks write {@code stats} without a lock; nothing checks it, so the only finding is the race. */
    static Program racyStats() {
        return program("racy-stats", env -> {
            Field<Integer> stats = env.field("dev->stats", 0);
            Task a = env.spawn("A", () -> stats.set(1, "stats_update"));
            Task b = env.spawn("B", () -> stats.get("stats_read"));
            env.join(a);
            env.join(b);
        });
    }

    private static SearchConfig config(LockExperiment... experiments) {
        return SearchConfig.of(StrategySpec.dpor())
                .withRun(RunConfig.defaults().withExperiments(List.of(experiments)))
                .withTimeLimit(0, Ticker.FROZEN);
    }
}
