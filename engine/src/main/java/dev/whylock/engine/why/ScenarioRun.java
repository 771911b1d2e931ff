package dev.whylock.engine.why;

import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.analysis.DataRace;
import dev.whylock.engine.result.StopReason;
import dev.whylock.engine.result.Violation;
import java.util.List;

/**
 * One exploration of one scenario (unmodified, or under one experiment) inside an inquiry.
 *
 * @param scenario       the scenario name
 * @param experiment     the experiment, or {@code null} for the unmodified program
 * @param executions     executions run
 * @param exhaustive     whether every execution within the bound was covered
 * @param stopReason     why the search stopped; {@link StopReason#NOT_REACHED} when the experiment
 *                       cannot change this scenario (its site never ran in the exhaustive baseline),
 *                       so it was not explored again
 * @param elapsedMillis  wall time of the exploration
 * @param damage         damage violations not already present in the unmodified program, minimal
 *                       counterexample each (for the unmodified program: all of its damage)
 * @param assertions     failed lock assertions (what was assumed, not damage)
 * @param races          data races not seen in the unmodified program's executions (for the
 *                       unmodified program: all of its races), sorted by field and sites
 */
public record ScenarioRun(
        String scenario,
        LockExperiment experiment,
        long executions,
        boolean exhaustive,
        StopReason stopReason,
        long elapsedMillis,
        List<Violation> damage,
        List<Violation> assertions,
        List<DataRace> races) implements java.io.Serializable {

    public ScenarioRun {
        damage = List.copyOf(damage);
        assertions = List.copyOf(assertions);
        races = List.copyOf(races);
    }

    /** Whether this run found damage. */
    public boolean fails() {
        return !damage.isEmpty();
    }

    /** Whether the scenario was explored at all under the experiment. */
    public boolean reached() {
        return stopReason != StopReason.NOT_REACHED;
    }

    /** Whether the exploration ran to its own end (exhausted, bound reached, or stopped at damage), not cut by a time limit or Ctrl-C. */
    public boolean finished() {
        return !stopReason.unfinished();
    }
}
