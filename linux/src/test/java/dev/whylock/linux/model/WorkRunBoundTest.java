package dev.whylock.linux.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.result.ExplorationResult;
import org.junit.jupiter.api.Test;

/**
 * Background work that re-arms itself is bounded by the scenario's {@code bounds: {work_runs: N}},
 * also when the work item is created during the race (issue 11: a PHY's state machine created by a
 * module plugged in a thread once ran away).
 */
class WorkRunBoundTest {

    private static final String RUNAWAY = """
            setup: [sfp_probe, mac_probe, ndo_open]
            threads:
              hw: [{module_plug: {type: copper-sgmii-phy}}]
            background: [sfp_irq, sfp_timeout, phy_state_machine]
            """;

    @Test
    void phyStateMachineCreatedInTheRace_isBoundedAndTheSearchEnds() {
        ExplorationResult r = Explore.dpor(ScenarioLoader.parse(RUNAWAY + "bounds: {work_runs: 2}\n", "runaway.yaml"), 20_000);
        assertEquals(dev.whylock.engine.result.StopReason.EXHAUSTED, r.stopReason(), () -> Explore.summary(r));
        assertTrue(r.bounded(), "the work-run bound cut some schedules, so the result says bounded");
        assertFalse(r.exhaustive(), "a bounded search is not called exhaustive");
        assertFalse(r.hasViolation(), () -> Explore.summary(r));
    }

    @Test
    void workRuns_largerBound_exploresMoreExecutions() {
        ExplorationResult one = Explore.dpor(ScenarioLoader.parse(RUNAWAY + "bounds: {work_runs: 1}\n", "runaway.yaml"), 20_000);
        ExplorationResult two = Explore.dpor(ScenarioLoader.parse(RUNAWAY + "bounds: {work_runs: 2}\n", "runaway.yaml"), 20_000);
        assertEquals(dev.whylock.engine.result.StopReason.EXHAUSTED, two.stopReason(), () -> Explore.summary(two));
        assertTrue(two.executions() > one.executions(), () -> one.executions() + " vs " + two.executions());
        assertFalse(two.hasViolation(), () -> Explore.summary(two));
    }
}
