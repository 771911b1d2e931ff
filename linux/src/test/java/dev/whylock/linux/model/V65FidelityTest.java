package dev.whylock.linux.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.analysis.Analyses;
import dev.whylock.engine.analysis.AnalysisReport;
import dev.whylock.engine.analysis.EdgeWitness;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The lock edges the v6.5 model adds to v5.14's, found by exploring a copper module pulled from a
 * running interface: the mdio-i2c bus created and destroyed by the state machine, MDIO reads under
 * the bus's mdio_lock, and state_hw_mask written under st_mutex by sfp_sm_mod_probe.
 */
class V65FidelityTest {

    private static AnalysisReport explore(String model) {
        Scenario s = ScenarioLoader.builtin("module-hotplug-phy").withModel(model);
        Model m = Models.get(model);
        Analyses a = new Analyses(Set.copyOf(m.unvalidatedLockClasses()));
        ExplorationResult r = Explorer.explore(m.program(s), SearchConfig.of(StrategySpec.dpor())
                .withRun(RunConfig.defaults()).withMaxExecutions(20_000).withObservers(a.observers()));
        assertEquals(dev.whylock.engine.result.StopReason.EXHAUSTED, r.stopReason(), () -> Explore.summary(r));
        assertFalse(r.hasViolation(), () -> Explore.summary(r));
        return a.report();
    }

    /** "HELD -> ACQUIRED at SITE (held since SITE)" for every direct edge. */
    private static Set<String> edges(AnalysisReport a) {
        Set<String> out = new TreeSet<>();
        a.lockOrder().edges().forEach(e -> {
            for (EdgeWitness w : e.witnesses()) {
                if (!w.viaFlush()) {
                    out.add(e.held() + " -> " + e.acquired() + " at " + w.acquiredAt() + " (held since " + w.heldAt() + ")");
                }
            }
        });
        return out;
    }

    @Test
    void v65_mdioLockSitsBetweenPhydevLockAndTheI2cAdapter_inBothModels() {
        for (String model : new String[] {"sfp-v5.14", "sfp-v6.5"}) {
            Set<String> e = edges(explore(model));
            assertTrue(e.contains("phydev->lock -> mii_bus->mdio_lock at mdiobus_read (held since phy_state_machine)"), e::toString);
            assertTrue(e.contains("mii_bus->mdio_lock -> i2c_adapter_lock at i2c_transfer (held since mdiobus_read)"), e::toString);
        }
    }

    @Test
    void v65_modProbeTakesStMutexUnderRtnlAndSm_v514DoesNot() {
        Set<String> v65 = edges(explore("sfp-v6.5"));
        assertTrue(v65.contains("sfp->sm_mutex -> sfp->st_mutex at sfp_sm_mod_probe (held since sfp_sm_event)"), v65::toString);
        Set<String> v514 = edges(explore("sfp-v5.14"));
        assertTrue(v514.stream().noneMatch(x -> x.contains("at sfp_sm_mod_probe")), v514::toString);
    }
}
