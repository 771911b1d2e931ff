package dev.whylock.bench;

import dev.whylock.engine.Program;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.SourceDpor;
import dev.whylock.engine.search.StrategySpec;

/**
 * Issue 16, part 1: lock-aware reduction ({@code StrategySpec.withLockAware(true)}, off by default)
 * against the same DPOR without it, on lock-once-n and on every built-in scenario as written and
 * with a lock removed everywhere: complete and sleep-set-blocked executions, the races between
 * two plain acquisitions left unreversed and reversed, and whether the violations are the same.
 * Elapsed times are wall-clock milliseconds of one run each, only indicative (JMH is the measure).
 *
 * <pre>java -cp benchmarks.jar dev.whylock.bench.LockAwareCounts [LOCK]</pre>
 */
public final class LockAwareCounts {

    private LockAwareCounts() {}

    record Run(ExplorationResult result, SourceDpor search, long millis) {}

    static Run run(Program p, SearchConfig cfg, boolean optimal, boolean lockAware) {
        SourceDpor d = new SourceDpor(optimal, lockAware);
        long t0 = System.nanoTime();
        ExplorationResult r = Explorer.explore(p, cfg.withStrategy(StrategySpec.dpor(optimal).withLockAware(lockAware)), d);
        return new Run(r, d, (System.nanoTime() - t0) / 1_000_000);
    }

    public static void main(String[] args) {
        String lock = args.length > 0 ? args[0] : "rtnl_mutex";
        System.out.println("| program | search | without: executions / blocked | lock-aware: executions / blocked | lock races skipped / kept |");
        System.out.println("|---|---|---|---|---|");
        for (int n = 2; n <= 6; n++) {
            Program p = LitmusPrograms.lockOnce(n);
            SearchConfig cfg = SearchConfig.of(StrategySpec.dpor()).withMinimize(false);
            for (boolean optimal : new boolean[] {false, true}) {
                Run off = run(p, cfg, optimal, false);
                Run on = run(p, cfg, optimal, true);
                System.out.printf("| lock-once-%d | %s | %d / %d | %d / %d | %d / %d |%n", n, optimal ? "wakeup trees" : "source sets",
                        off.result().executions(), off.result().blocked(), on.result().executions(), on.result().blocked(),
                        on.search().lockRacesSkipped(), on.search().lockRacesKept());
            }
        }
        System.out.println();
        int total = 0;
        int sameViolations = 0;
        int fewer = 0;
        long execOff = 0;
        long execOn = 0;
        long msOff = 0;
        long msOn = 0;
        System.out.println("| scenario | experiment | without: executions / blocked | lock-aware: executions / blocked | lock races skipped / kept | same violations |");
        System.out.println("|---|---|---|---|---|---|");
        for (ScenarioRuns.Variant v : ScenarioRuns.builtinVariants(lock)) {
            Run off = run(v.program(), v.cfg(), true, false);
            Run on = run(v.program(), v.cfg(), true, true);
            boolean same = ScenarioRuns.sameViolations(off.result(), on.result());
            total++;
            sameViolations += same ? 1 : 0;
            fewer += on.result().executions() < off.result().executions() ? 1 : 0;
            execOff += off.result().executions();
            execOn += on.result().executions();
            msOff += off.millis();
            msOn += on.millis();
            System.out.printf("| %s %s | %s | %d / %d | %d / %d | %d / %d | %s |%n", v.scenario().model(), v.name(),
                    v.experiments().isEmpty() ? "as written" : "-" + lock, off.result().executions(), off.result().blocked(),
                    on.result().executions(), on.result().blocked(), on.search().lockRacesSkipped(),
                    on.search().lockRacesKept(), same ? "yes" : "NO");
        }
        System.out.printf("%d explorations (wakeup trees): executions %d without, %d lock-aware; fewer in %d; same violations in %d;"
                + " elapsed %d ms without, %d ms lock-aware%n", total, execOff, execOn, fewer, sameViolations, msOff, msOn);
    }
}
