package dev.whylock.engine.why;

import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.analysis.DataRace;
import dev.whylock.engine.analysis.LockCycle;
import dev.whylock.engine.result.Violation;
import java.util.List;

/**
 * What happened when the lock was replaced by another one ({@code replace LOCK[@SITE,...]=NEW}):
 * lock-order cycles, races that the unmodified program does not have, and damage.
 *
 * @param experiment  the replacement experiment
 * @param runs        the per-scenario explorations, in scenario order
 * @param cycles      lock-order cycles under the experiment that the unmodified program does not have
 * @param newRaces    data races absent from the unmodified program's executions
 * @param damage      new damage over all scenarios (deadlocks included), minimal counterexample each
 * @param exhaustive  whether every scenario run was exhaustive within the bound
 * @param complete    whether every scenario was explored to its own end (not interrupted or time-limited)
 */
public record ReplacementOutcome(
        LockExperiment experiment,
        List<ScenarioRun> runs,
        List<LockCycle> cycles,
        List<DataRace> newRaces,
        List<Violation> damage,
        boolean exhaustive,
        boolean complete) {

    public ReplacementOutcome {
        runs = List.copyOf(runs);
        cycles = List.copyOf(cycles);
        newRaces = List.copyOf(newRaces);
        damage = List.copyOf(damage);
    }

    /** Unsafe on damage or a cycle that can deadlock, racy on new races, undecided when unfinished, else safe within the bound. */
    public ReplacementVerdict verdict() {
        if (!damage.isEmpty() || cycles.stream().anyMatch(LockCycle::deadlockPossible)) {
            return ReplacementVerdict.UNSAFE;
        }
        if (!newRaces.isEmpty()) {
            return ReplacementVerdict.RACY;
        }
        return complete ? ReplacementVerdict.SAFE_WITHIN_BOUND : ReplacementVerdict.UNDECIDED;
    }

    /** The scenario whose exploration found {@code v}, or {@code null}. */
    public String scenarioOf(Violation v) {
        return runs.stream().filter(r -> r.damage().stream().anyMatch(d -> d.key().equals(v.key()))).map(ScenarioRun::scenario)
                .findFirst().orElse(null);
    }
}
