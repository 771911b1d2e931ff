package dev.whylock.linux.model;

import dev.whylock.engine.analysis.DataRace;
import dev.whylock.engine.analysis.LockCycle;
import dev.whylock.engine.result.Violation;
import dev.whylock.engine.why.ScenarioRun;
import dev.whylock.engine.why.WhyReport;
import java.util.ArrayList;
import java.util.List;

/**
 * One finding of a why report that comes from exploring a {@link Design}, with the argument's
 * points it supports: what a report's replacement section prints for the design, finding by
 * finding. The findings are the explorations'; this only attributes them.
 *
 * @param design the design's option
 * @param scenario the scenario that found it, or empty for a lock-order cycle or race (the inquiry
 *        merges those over scenarios; they belong to the design because they involve its lock)
 * @param kind the finding kind
 * @param summary the finding in one line: a violation's key, the cycle's locks, the race's field and sites
 * @param points the points it supports, in order; empty when it supports none of them
 */
public record DesignEvidence(String design, String scenario, String kind, String summary, List<ArgumentPoint> points) {

    public DesignEvidence {
        points = List.copyOf(points);
    }

    /**
     * The design's findings in {@code w}: the damage of the baselines of the scenarios that turn its
     * option on, and the cycles and races that involve a lock only the design takes.
     */
    public static List<DesignEvidence> of(Design d, WhyReport w) {
        List<String> designLocks = d.locks();
        List<String> scenarios = d.builtinScenarios();
        List<DesignEvidence> out = new ArrayList<>();
        for (ScenarioRun b : w.baselines()) {
            if (!scenarios.contains(b.scenario()) && !b.scenario().endsWith("+" + d.option())) {
                continue;
            }
            for (Violation v : b.damage()) {
                if (v.afterFailure()) {
                    continue; // may only follow from an earlier failure of the same execution
                }
                out.add(new DesignEvidence(d.option(), b.scenario(), v.kind().key(), v.key(), d.supportedBy(Finding.of(v))));
            }
        }
        for (LockCycle c : w.baselineCycles()) {
            if (c.deadlockPossible() && c.locks().stream().anyMatch(designLocks::contains)) {
                out.add(new DesignEvidence(d.option(), "", "lock-order-cycle", String.join(" -> ", c.locks()),
                        d.supportedBy(Finding.of(c))));
            }
        }
        for (DataRace r : w.baselineRaces()) {
            if (r.first().locksHeld().stream().anyMatch(designLocks::contains)
                    || r.second().locksHeld().stream().anyMatch(designLocks::contains)) {
                out.add(new DesignEvidence(d.option(), "", "data-race", r.key(), d.supportedBy(Finding.of(r))));
            }
        }
        return out;
    }
}
