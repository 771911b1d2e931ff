package dev.whylock.engine.why;

import dev.whylock.engine.analysis.DataRace;
import dev.whylock.engine.analysis.LockCycle;
import dev.whylock.engine.result.Violation;
import java.util.List;

/**
 * What happened when the lock was replaced by another one ({@code replace LOCK[@SITE,...]=NEW}):
 * lock-order cycles, races that the unmodified program does not have, and damage.
 *
 * @param experiment  the experiment in command-line form
 * @param runs        the per-scenario explorations, in scenario order
 * @param cycles      lock-order cycles under the experiment that the unmodified program does not have
 * @param newRaces    data races absent from the unmodified program's executions
 * @param damage      new damage over all scenarios (deadlocks included), minimal counterexample each
 * @param exhaustive  whether every scenario run was exhaustive within the bound
 */
public record ReplacementOutcome(
        String experiment,
        List<ScenarioRun> runs,
        List<LockCycle> cycles,
        List<DataRace> newRaces,
        List<Violation> damage,
        boolean exhaustive) {

    public ReplacementOutcome {
        runs = List.copyOf(runs);
        cycles = List.copyOf(cycles);
        newRaces = List.copyOf(newRaces);
        damage = List.copyOf(damage);
    }

    /** Whether the replacement showed no damage, no deadlock-capable cycle and no new race. */
    public boolean safeWithinBound() {
        return damage.isEmpty() && newRaces.isEmpty() && cycles.stream().noneMatch(LockCycle::deadlockPossible);
    }
}
