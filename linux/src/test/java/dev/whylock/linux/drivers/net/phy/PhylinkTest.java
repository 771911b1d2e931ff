package dev.whylock.linux.drivers.net.phy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.Env;
import dev.whylock.engine.Program;
import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.exec.ExecutionOutcome;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
import dev.whylock.linux.drivers.base.Fwnode;
import dev.whylock.linux.kernel.Kernel;
import dev.whylock.linux.net.core.NetDevice;
import dev.whylock.linux.net.core.NetDeviceOps;
import dev.whylock.linux.net.core.Rtnetlink;
import dev.whylock.linux.testing.Runs;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PhylinkTest {

    private static final NetDeviceOps NO_OPS = new NetDeviceOps() {
        @Override
        public int ndoOpen(NetDevice dev) {
            return 0;
        }

        @Override
        public int ndoStop(NetDevice dev) {
            return 0;
        }
    };

    @Test
    void create_noCage_startsStoppedWithoutBus() {
        ExecutionOutcome o = Runs.setupOnly(env -> {
            PhylinkStruct pl = Phylink.phylinkCreate(new NetDevice("eth0", NO_OPS), new Fwnode("mac0"));
            assertNotNull(pl);
            assertNull(pl.sfp_bus.peek());
            assertEquals(1L << Phylink.PHYLINK_DISABLE_STOPPED, pl.phylink_disable_state.peek());
            Phylink.phylinkDestroy(pl);
            assertTrue(pl.isFreed());
        });
        assertTrue(o.violations().isEmpty(), o.violations()::toString);
    }

    @Test
    void startStop_underRtnl_clearsAndSetsStoppedWithoutAssertions() {
        ExecutionOutcome o = Runs.setupOnly(env -> {
            PhylinkStruct pl = Phylink.phylinkCreate(new NetDevice("eth0", NO_OPS), new Fwnode("mac0"));
            Rtnetlink.rtnlLock("test");
            Phylink.phylinkStart(pl);
            assertEquals(0, pl.phylink_disable_state.peek());
            Phylink.phylinkStop(pl);
            assertEquals(1L << Phylink.PHYLINK_DISABLE_STOPPED, pl.phylink_disable_state.peek());
            Rtnetlink.rtnlUnlock("test");
        });
        assertTrue(o.violations().isEmpty(), o.violations()::toString);
    }

    @Test
    void start_withoutRtnl_failsAssertRtnl() {
        ExecutionOutcome o = Runs.setupOnly(env -> {
            PhylinkStruct pl = Phylink.phylinkCreate(new NetDevice("eth0", NO_OPS), new Fwnode("mac0"));
            Phylink.phylinkStart(pl);
        });
        assertTrue(o.violations().stream().anyMatch(v -> v.kind() == ViolationKind.ASSERTION && v.message().contains("phylink_start")),
                o.violations()::toString);
    }

    /**
     * The disable-bit protocol: with the link disabled, phylink_sfp_config may write the config
     * without pl->state_mutex while resolve runs; with the bits clear the same race is reported.
     */
    private static ExplorationResult configVsResolve(boolean linkDisabled) {
        Program p = new Program() {
            PhylinkStruct pl;

            @Override
            public String name() {
                return "sfp_config vs resolve";
            }

            @Override
            public void setup(Env env) {
                pl = Phylink.phylinkCreate(new NetDevice("eth0", NO_OPS), new Fwnode("mac0"));
                Rtnetlink.rtnlLock("test");
                Phylink.phylinkStart(pl);
                if (linkDisabled) {
                    Phylink.phylinkSfpLinkDown(pl);
                }
                Rtnetlink.rtnlUnlock("test");
                env.settle();
                Kernel.get().startRace(Set.of("phylink_resolve"));
            }

            @Override
            public void run(Env env) {
                var resolve = env.spawn("mac_irq", () -> Phylink.phylinkMacChange(pl, true));
                var sm = env.spawn("sfp_sm", () -> {
                    long modes = SfpBus.LINK_1000BASEX | SfpBus.LINK_PAUSE;
                    Phylink.phylinkSfpConfig(pl, PhylinkStruct.AnMode.INBAND, modes, modes);
                });
                env.join(resolve);
                env.join(sm);
            }
        };
        return Explorer.explore(p, SearchConfig.of(StrategySpec.dpor()).withMaxExecutions(5000));
    }

    @Test
    void sfpConfig_linkDisabled_resolveNeverReadsTheConfig() {
        ExplorationResult r = configVsResolve(true);
        assertTrue(r.exhaustive());
        assertFalse(r.violations().stream().anyMatch(v -> v.message().contains(Phylink.CHECK_RESOLVE_VS_SFP_CONFIG)),
                () -> r.violations().toString());
    }

    @Test
    void sfpConfig_disableBitsClear_resolveReadsWhileItWrites() {
        ExplorationResult r = configVsResolve(false);
        assertTrue(r.violations().stream().anyMatch(v -> v.kind() == ViolationKind.INVARIANT
                && v.message().contains(Phylink.CHECK_RESOLVE_VS_SFP_CONFIG)), () -> r.violations().toString());
    }
}
