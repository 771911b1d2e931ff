package dev.whylock.linux.drivers.net.phy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.Env;
import dev.whylock.engine.Program;
import dev.whylock.engine.Task;
import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
import dev.whylock.linux.hw.SfpCage;
import dev.whylock.linux.hw.SfpModuleType;
import dev.whylock.linux.kernel.Kernel;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * sfp_probe() with a module already present and the upstream already waiting: the INSERT event's
 * T_SERIAL timer races the rest of probe, and {@code sfp->sfp_bus} is only assigned after
 * sfp_register_socket() returns (KERNEL-NOTES 1.2, "without any lock").
 */
class SfpProbeRaceTest {

    private static Program program(Kernel.Version v, Set<String> background) {
        SfpWorld w = new SfpWorld(v);
        return new Program() {
            @Override
            public String name() {
                return "sfp-probe-vs-timeout";
            }

            @Override
            public void setup(Env e) {
                w.env = e;
                Kernel.get().setVersion(v);
                w.cage = new SfpCage("sfp0");
                w.cage.modulePlug(SfpModuleType.SFP_1000BASE_X); // no driver yet: nobody sees the edge
                w.upstream = new SfpWorld.RecordingUpstream();
                w.bus = SfpBus.sfpBusFindFwnode(new dev.whylock.linux.drivers.base.Fwnode("mac0", w.cage.fwnode(), true));
                SfpBus.sfpBusAddUpstream(w.bus, w.upstream, w.upstream); // the MAC came first
            }

            @Override
            public void run(Env e) {
                Kernel.get().startRace(background);
                Task probe = e.spawn("sfp_probe", w::probe);
                e.join(probe);
            }
        };
    }

    private static ExplorationResult explore(Program p) {
        return Explorer.explore(p, SearchConfig.of(StrategySpec.dpor()).withMaxExecutions(20_000));
    }

    private static String summary(ExplorationResult r) {
        return r.verdict() + " after " + r.executions() + " executions: "
                + r.violations().stream().map(x -> x.kind() + " " + x.message()).toList();
    }

    @Test
    void sfpProbe_serialTimerFiresBeforeSocketRegistered_nullSfpBusDereferenced() {
        for (Kernel.Version v : Kernel.Version.values()) {
            ExplorationResult r = explore(program(v, Set.of("sfp_timeout", "sfp_hwmon")));
            assertEquals("violation", r.verdict(), () -> v + ": " + summary(r));
            assertTrue(r.violations().stream().anyMatch(x -> x.kind() == ViolationKind.NULL_DEREFERENCE
                    && x.message().contains("sfp->sfp_bus")), () -> v + ": " + summary(r));
        }
    }

    @Test
    void sfpProbe_timerHeldBack_noViolationExhaustive() {
        for (Kernel.Version v : Kernel.Version.values()) {
            ExplorationResult r = explore(program(v, Set.of("sfp_hwmon")));
            assertEquals("no-violation", r.verdict(), () -> v + ": " + summary(r));
            assertTrue(r.exhaustive(), () -> v + ": " + summary(r));
        }
    }
}
