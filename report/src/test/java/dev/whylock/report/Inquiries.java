package dev.whylock.report;

import dev.whylock.engine.Env;
import dev.whylock.engine.Field;
import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.Mutex;
import dev.whylock.engine.Obj;
import dev.whylock.engine.Program;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
import dev.whylock.engine.search.Ticker;
import dev.whylock.engine.why.InquiryBound;
import dev.whylock.engine.why.LockInquiry;
import dev.whylock.engine.why.Scenario;
import dev.whylock.engine.why.StressCounts;
import dev.whylock.engine.why.StressRunner;
import dev.whylock.engine.why.WhyReport;
import java.util.List;

/** Lock inquiries on small driver-like programs, run by the engine for the why-report tests. */
final class Inquiries {

    private Inquiries() {}

    static final class Dev extends Obj {
        final Field<Integer> stats = field("dev->stats", 0);

        Dev() {
            super("struct dev");
        }
    }

    /** ethtool reads priv->dev and dereferences it under dev_lock; unbind unpublishes it under dev_lock and frees it. */
    static Program readerVersusRemove() {
        return Programs.program("stats-vs-remove", env -> {
            Mutex l = env.mutex("dev_lock");
            Field<Dev> published = env.field("priv->dev", new Dev());
            env.spawn("ethtool", () -> {
                l.lock("dev_get_stats");
                Dev d = published.get("dev_get_stats");
                if (d != null) {
                    d.stats.get("dev_get_stats");
                }
                l.unlock("dev_get_stats");
            });
            env.spawn("unbind", () -> {
                l.lock("dev_remove");
                l.assertHeld("dev_unpublish");
                Dev d = published.get("dev_remove");
                published.set(null, "dev_remove");
                l.unlock("dev_remove");
                env.free(d, "dev_remove");
            });
        });
    }

    /**
     * resolve nests stats_lock inside state_lock; the stats update nests dev_lock inside stats_lock.
     * Replacing that dev_lock by state_lock closes a state_lock/stats_lock cycle.
     */
    static Program linkVersusStats() {
        return Programs.program("link-vs-stats", env -> {
            Mutex dev = env.mutex("dev_lock");
            Mutex state = env.mutex("state_lock");
            Mutex stats = env.mutex("stats_lock");
            Field<Integer> link = env.field("priv->link_stats", 0);
            env.spawn("resolve", () -> {
                state.lock("phylink_resolve");
                stats.lock("phylink_resolve");
                link.set(1, "phylink_resolve");
                stats.unlock("phylink_resolve");
                state.unlock("phylink_resolve");
            });
            env.spawn("stats", () -> {
                stats.lock("dev_update_stats");
                dev.lock("dev_update_stats");
                link.set(2, "dev_update_stats");
                dev.unlock("dev_update_stats");
                stats.unlock("dev_update_stats");
            });
        });
    }

    /** dev_lock around per-task scratch work only: not needed there. */
    static Program localSection() {
        return Programs.program("local-section", env -> {
            Mutex l = env.mutex("dev_lock");
            for (int t = 0; t < 2; t++) {
                Field<Integer> scratch = env.field("t" + t + "->scratch", 0);
                env.spawn("worker" + t, () -> {
                    l.lock("dev_local_update");
                    scratch.set(scratch.get("dev_local_update") + 1, "dev_local_update");
                    l.unlock("dev_local_update");
                });
            }
        });
    }

    /**
     * "Run it and see" made deterministic for golden files: each run is one execution under a
     * seeded random scheduler instead of real threads, counting the runs that end in damage.
     */
    static final StressRunner SEEDED_STRESS = (program, experiments, runs) -> {
        long failures = 0;
        long first = 0;
        String firstFailure = null;
        for (long i = 1; i <= runs; i++) {
            ExplorationResult r = Explorer.explore(program, SearchConfig.of(StrategySpec.random(i)).withMaxExecutions(1)
                    .withMinimize(false).withTimeLimit(0, Ticker.FROZEN).withRun(RunConfig.defaults().withExperiments(experiments)));
            var damage = r.violations().stream().filter(v -> v.kind().damage()).findFirst();
            if (damage.isPresent()) {
                failures++;
                if (first == 0) {
                    first = i;
                    firstFailure = damage.get().kind().key() + ": " + damage.get().message();
                }
            }
        }
        return new StressCounts(runs, failures, first, firstFailure);
    };

    /** Why is dev_lock needed? Two scenarios, a replacement by stats_lock, seeded stress. */
    static WhyReport devLock() {
        return new LockInquiry("dev_lock", List.of(new Scenario("stats-vs-remove", readerVersusRemove()),
                        new Scenario("link-vs-stats", linkVersusStats()), new Scenario("local-section", localSection())))
                .withReplacements(List.of(LockExperiment.replace("dev_lock", "state_lock", "dev_update_stats"),
                        LockExperiment.replace("dev_lock", "stats_lock", "dev_get_stats", "dev_remove")))
                .withBound(new InquiryBound(10_000, 0))
                .withTicker(Ticker.FROZEN)
                .withStress(SEEDED_STRESS, 200)
                .run();
    }

    /** probe takes dev_lock and calls a registration that takes it again: a self-deadlock as written. */
    static Program createUnderLock() {
        return Programs.program("create-under-lock", env -> {
            Mutex l = env.mutex("dev_lock");
            env.spawn("probe", () -> {
                l.lock("mac_probe");
                l.lock("dev_register");
                l.unlock("dev_register");
                l.unlock("mac_probe");
            });
        });
    }

    /** The self-deadlocking scenario next to the local section, with replay files as the CLI writes them. */
    static WhyRun selfDeadlock() {
        WhyReport w = new LockInquiry("dev_lock", List.of(new Scenario("create-under-lock", createUnderLock()),
                        new Scenario("local-section", localSection())))
                .withTicker(Ticker.FROZEN)
                .run();
        return withReplays(WhyRun.of("litmus", w));
    }

    /** dev_lock's inquiry with a model name and a replay file per counterexample. */
    static WhyRun devLockRun() {
        return withReplays(WhyRun.of("litmus", devLock()));
    }

    private static WhyRun withReplays(WhyRun run) {
        for (WhyVerdict.Finding f : WhyVerdict.findings(run.report())) {
            run = run.withReplayFile(f.experiment(), f.scenario(), f.violation(), ".whylock/dev_lock-" + f.number() + ".replay");
        }
        return run;
    }

    /** A lock that nothing needs: only the local section takes it. */
    static WhyReport notNeeded() {
        return new LockInquiry("dev_lock", List.of(new Scenario("local-section", localSection())))
                .withTicker(Ticker.FROZEN)
                .run();
    }

}
