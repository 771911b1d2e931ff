package dev.whylock.linux.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.analysis.Analyses;
import dev.whylock.engine.analysis.AnalysisReport;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The 2021 private sfp-bus lock explored: every finding comes from exhaustive DPOR over the
 * built-in scenarios that turn option sfp-bus-private-lock on, and {@link Design} only sorts the
 * findings by Russell King's points. The expected outcome per scenario is data (below).
 */
class PrivateLockDesignTest {

    /** Per scenario: "kind: points" for every damage, deadlock-capable cycle and race found. */
    private static final TreeMap<String, Set<String>> EXPECTED = new TreeMap<>();

    static {
        EXPECTED.put("private-lock-phylink-create-vs-cage-probe", Set.of());
        EXPECTED.put("private-lock-module-phy-vs-ethtool-eeprom",
                Set.of("deadlock: [2]", "lock-order-cycle: [2]", "lock-order-cycle: []", "data-race: [4]"));
        EXPECTED.put("private-lock-ndo-stop-module-phy", Set.of("deadlock: [3]", "lock-order-cycle: [2]", "lock-order-cycle: []"));
        EXPECTED.put("private-lock-ethtool-eeprom-vs-cage-unbind", Set.of("null-dereference: [4]", "lock-order-cycle: []", "data-race: [4]"));
        EXPECTED.put("private-lock-module-event-vs-phylink-destroy", Set.of("deadlock: []", "lock-order-cycle: []"));
    }

    private static Set<String> explored(String name) {
        Scenario s = ScenarioLoader.builtin(name);
        Model m = Models.get(s.model());
        Analyses analyses = new Analyses(Set.copyOf(m.unvalidatedLockClasses()));
        SearchConfig cfg = SearchConfig.of(StrategySpec.dpor()).withRun(RunConfig.defaults())
                .withMaxExecutions(20_000).withObservers(analyses.observers());
        ExplorationResult r = Explorer.explore(m.program(s), cfg);
        assertEquals(dev.whylock.engine.result.StopReason.EXHAUSTED, r.stopReason(), () -> Explore.summary(r));
        AnalysisReport a = analyses.report();
        Design d = Design.PRIVATE_SFP_BUS_LOCK;
        List<Finding> findings = new ArrayList<>();
        r.violations().stream().filter(v -> v.kind().damage() && !v.afterFailure()).map(Finding::of).forEach(findings::add);
        a.lockOrder().cycles().stream().filter(c -> c.deadlockPossible()).map(Finding::of).forEach(findings::add);
        a.races().races().stream().map(Finding::of).forEach(findings::add);
        Set<String> out = new TreeSet<>();
        for (Finding f : findings) {
            out.add(f.kind() + ": " + d.supportedBy(f).stream().map(ArgumentPoint::number).toList());
        }
        return out;
    }

    @Test
    void builtinScenarios_ofTheDesign_areTheOnesTurningItsOptionOn() {
        assertEquals(EXPECTED.keySet(), new TreeSet<>(Design.PRIVATE_SFP_BUS_LOCK.builtinScenarios()));
    }

    @Test
    void privateLock_exploredFindings_supportRussellsPoints() {
        TreeMap<String, Set<String>> actual = new TreeMap<>();
        for (String name : EXPECTED.keySet()) {
            actual.put(name, explored(name));
        }
        assertEquals(EXPECTED, actual);
    }

    @Test
    void designs_rtnl_offersThePrivateLockWithFourPoints() {
        List<Design> ds = Models.get("sfp-v5.14").designs("rtnl_mutex");
        assertEquals(1, ds.size());
        assertEquals(List.of(1, 2, 3, 4), ds.get(0).points().stream().map(ArgumentPoint::number).toList());
        assertTrue(Models.get("sfp-v5.14").options().contains(ds.get(0).option()));
        assertTrue(Models.get("sfp-v5.14").designs("sfp_mutex").isEmpty());
    }

    @Test
    void whyRtnl_overTheDesignScenarios_attributesEachFindingToPoints() {
        Design d = Design.PRIVATE_SFP_BUS_LOCK;
        List<dev.whylock.engine.why.Scenario> programs = new ArrayList<>();
        Model m = Models.get("sfp-v5.14");
        for (String n : List.of("private-lock-module-phy-vs-ethtool-eeprom", "private-lock-ndo-stop-module-phy")) {
            programs.add(new dev.whylock.engine.why.Scenario(n, m.program(ScenarioLoader.builtin(n))));
        }
        dev.whylock.engine.why.WhyReport w = new dev.whylock.engine.why.LockInquiry("rtnl_mutex", programs)
                .withUnvalidatedLocks(Set.copyOf(m.unvalidatedLockClasses())).run();
        Set<String> got = new TreeSet<>();
        for (DesignEvidence e : DesignEvidence.of(d, w)) {
            got.add(e.kind() + " " + e.points().stream().map(ArgumentPoint::number).toList());
        }
        // The AB-BA deadlock and cycle (point 2), rtnl deadlocking on itself in phylink_sfp_disconnect_phy
        // (point 3), sfp->id read by ethtool while the cage clears it (point 4). The why report keeps only
        // the cycles through the lock it asks about, so the bus->lock / sfp->sm_mutex cycle (explore shows
        // it) is not among them.
        assertEquals(Set.of("deadlock [2]", "deadlock [3]", "lock-order-cycle [2]", "data-race [4]"), got);
    }

    @Test
    void finding_nameInsideLongerIdentifier_isNotMentioned() {
        Finding f = new Finding("use-after-free", "read of bus->kref after struct sfp_bus was freed");
        assertTrue(f.mentions("struct sfp_bus"));
        assertTrue(!f.mentions("struct sfp"));
    }
}
