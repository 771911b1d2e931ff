package dev.whylock.engine.why;

import dev.whylock.engine.result.Violation;
import java.util.List;

/**
 * One exploration of one scenario (unmodified, or under one experiment) inside an inquiry.
 *
 * @param scenario       the scenario name
 * @param experiment     the experiment in command-line form, e.g. {@code remove rtnl_mutex@sfp_timeout},
 *                       or {@code null} for the unmodified program
 * @param reached        false when the experiment cannot change this scenario (the site never ran in
 *                       its exhaustive baseline), so it was not explored again
 * @param executions     executions run
 * @param exhaustive     whether every execution within the bound was covered
 * @param stopReason     why the search stopped ({@code exhausted}, {@code first-violation}, ...)
 * @param elapsedMillis  wall time of the exploration
 * @param damage         damage violations not already present in the unmodified program, minimal
 *                       counterexample each (for the unmodified program: all of its damage)
 * @param assertions     failed lock assertions (what was assumed, not damage)
 */
public record ScenarioRun(
        String scenario,
        String experiment,
        boolean reached,
        long executions,
        boolean exhaustive,
        String stopReason,
        long elapsedMillis,
        List<Violation> damage,
        List<Violation> assertions) {

    public ScenarioRun {
        damage = List.copyOf(damage);
        assertions = List.copyOf(assertions);
    }

    /** Whether this run found damage. */
    public boolean fails() {
        return !damage.isEmpty();
    }
}
