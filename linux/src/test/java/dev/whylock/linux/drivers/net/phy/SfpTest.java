package dev.whylock.linux.drivers.net.phy;

import static dev.whylock.linux.drivers.net.phy.Sfp.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.exec.ExecutionOutcome;
import dev.whylock.linux.hw.SfpCage;
import dev.whylock.linux.hw.SfpModuleType;
import dev.whylock.linux.kernel.Kernel;
import dev.whylock.linux.net.ethtool.EthtoolModinfo;
import dev.whylock.linux.net.ethtool.EthtoolModuleEeprom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The sfp.c state machines, driven through the cage hardware and the driver core, one path each. */
class SfpTest {

    /** Values captured at the end of setup, while the execution's objects are still live. */
    static final class Seen {
        int mod;
        int dev;
        int sm;
        int state;
        int faultRetries;
        long now;
        int txDisableLine;
        SfpEepromId id;
        Object mod_phy;
        String hwmon_dev;
        String txDisableMismatch;
        List<String> calls = List.of();

        static Seen of(SfpWorld w) {
            Seen s = new Seen();
            SfpStruct sfp = w.sfp();
            s.mod = sfp.sm_mod_state.peek();
            s.dev = sfp.sm_dev_state.peek();
            s.sm = sfp.sm_state.peek();
            s.state = sfp.state.peek();
            s.faultRetries = sfp.sm_fault_retries.peek();
            s.now = w.env.now();
            s.txDisableLine = w.cage.txDisableLevelPeek();
            s.id = sfp.id.peek();
            s.mod_phy = sfp.mod_phy.peek();
            s.hwmon_dev = sfp.hwmon_dev.peek();
            s.txDisableMismatch = Sfp.txDisableMismatch(sfp);
            s.calls = w.upstream == null ? List.of() : List.copyOf(w.upstream.calls);
            return s;
        }

        @Override
        public String toString() {
            return "mod=" + modStateToStr(mod) + " dev=" + devStateToStr(dev) + " sm=" + smStateToStr(sm)
                    + " state=" + state + " now=" + now + " calls=" + calls;
        }
    }

    private static void assertClean(ExecutionOutcome o) {
        assertEquals(ExecutionOutcome.Status.COMPLETE, o.status(), () -> SfpWorld.describe(o));
        assertTrue(o.violations().isEmpty(), () -> SfpWorld.describe(o));
    }

    /** Probe, upstream added and started, module plugged, timers settled. */
    private static void upAndPlugged(SfpWorld w, SfpModuleType type) {
        assertEquals(0, w.probe());
        w.addUpstream();
        w.start();
        w.cage.modulePlug(type);
        w.env.settle();
    }

    @ParameterizedTest
    @EnumSource(Kernel.Version.class)
    void sfpProbe_emptyCage_machinesIdleAndTxDisableFloating(Kernel.Version v) {
        SfpWorld w = new SfpWorld(v);
        Seen[] seen = new Seen[1];
        ExecutionOutcome o = w.run(x -> {
            assertEquals(0, x.probe());
            x.env.settle();
            seen[0] = Seen.of(x);
        });
        assertClean(o);
        Seen s = seen[0];
        assertEquals(SFP_MOD_EMPTY, s.mod, s::toString);
        assertEquals(SFP_DEV_DETACHED, s.dev, s::toString);
        assertEquals(SFP_S_DOWN, s.sm, s::toString);
        assertEquals(SFP_F_TX_DISABLE, s.state, s::toString); // no PRESENT, TX_DISABLE asserted
        assertEquals(SfpCage.FLOATING, s.txDisableLine, "an empty cage's TX_DISABLE is not driven");
    }

    @ParameterizedTest
    @EnumSource(Kernel.Version.class)
    void modulePlug_noUpstream_moduleMachineWaitsInWaitdev(Kernel.Version v) {
        SfpWorld w = new SfpWorld(v);
        Seen[] seen = new Seen[1];
        ExecutionOutcome o = w.run(x -> {
            x.probe();
            x.cage.modulePlug(SfpModuleType.SFP_1000BASE_X);
            x.env.settle();
            seen[0] = Seen.of(x);
        });
        assertClean(o);
        Seen s = seen[0];
        assertEquals(SFP_MOD_WAITDEV, s.mod, s::toString);
        assertEquals(SFP_DEV_DETACHED, s.dev, s::toString);
        assertEquals(SFP_S_DOWN, s.sm, s::toString);
        assertEquals("SFP-1G-SX", s.id.vendorPn(), "the EEPROM was read over I2C");
        // T_SERIAL before the first EEPROM read, then the hwmon probe one jiffy later.
        assertEquals(T_SERIAL + 1, s.now);
    }

    @ParameterizedTest
    @EnumSource(Kernel.Version.class)
    void devAttach_whileModuleInProbe_moduleInsertedAfterEepromRead(Kernel.Version v) {
        SfpWorld w = new SfpWorld(v);
        Seen[] seen = new Seen[1];
        List<Object> modWrites = new ArrayList<>();
        ExecutionOutcome o = w.run(x -> {
            x.probe();
            x.cage.modulePlug(SfpModuleType.SFP_1000BASE_X);
            x.addUpstream(); // DEV_ATTACH while the module machine waits in PROBE (no EEPROM read yet)
            x.env.settle();
            seen[0] = Seen.of(x);
        });
        assertClean(o);
        modWrites.addAll(SfpWorld.writes(o, "sfp->sm_mod_state"));
        Seen s = seen[0];
        assertEquals(List.of(SFP_MOD_PROBE, SFP_MOD_WAITDEV, SFP_MOD_PRESENT), modWrites);
        assertEquals(SFP_DEV_DOWN, s.dev, s::toString);
        assertEquals(SFP_S_DOWN, s.sm, "the netdev is not up: the main machine stays down");
        assertEquals(List.of("link_down", "attach", "module_insert"), s.calls);
    }

    @ParameterizedTest
    @EnumSource(Kernel.Version.class)
    void moduleInsert_deviceUp_reachesLinkUpThroughTimers(Kernel.Version v) {
        SfpWorld w = new SfpWorld(v);
        Seen[] seen = new Seen[1];
        ExecutionOutcome o = w.run(x -> {
            upAndPlugged(x, SfpModuleType.SFP_1000BASE_X);
            seen[0] = Seen.of(x);
        });
        assertClean(o);
        Seen s = seen[0];
        assertEquals(SFP_MOD_PRESENT, s.mod, s::toString);
        assertEquals(SFP_DEV_UP, s.dev, s::toString);
        assertEquals(SFP_S_LINK_UP, s.sm, s::toString);
        assertEquals(T_SERIAL + T_WAIT, s.now, "T_SERIAL then T_WAIT");
        assertEquals(List.of(SFP_S_WAIT, SFP_S_LINK_UP), SfpWorld.writes(o, "sfp->sm_state"));
        assertEquals(List.of("link_down", "attach", "module_insert", "module_start", "link_up"), s.calls);
        assertEquals(SFP_F_PRESENT, s.state & (SFP_F_PRESENT | SFP_F_TX_DISABLE), "TX enabled");
        assertEquals(0, s.txDisableLine, "TX_DISABLE driven low");
        assertNull(s.txDisableMismatch);
        assertEquals(N_FAULT, s.faultRetries);
        assertNotNull(s.hwmon_dev, "an SFF-8472 module with DDM gets a hwmon device");
    }

    @ParameterizedTest
    @EnumSource(Kernel.Version.class)
    void txFault_persistent_retriesEndInTxDisableAfterNFault(Kernel.Version v) {
        SfpWorld w = new SfpWorld(v);
        Seen[] seen = new Seen[1];
        long[] upAt = new long[1];
        int[] smWritesBefore = new int[1];
        ExecutionOutcome o = w.run(x -> {
            upAndPlugged(x, SfpModuleType.SFP_1000BASE_X);
            upAt[0] = x.env.now();
            x.cage.txFaultSet();
            x.env.settle();
            seen[0] = Seen.of(x);
        });
        assertClean(o);
        Seen s = seen[0];
        assertEquals(SFP_S_TX_DISABLE, s.sm, s::toString);
        assertEquals(0, s.faultRetries);
        List<Object> sm = SfpWorld.writes(o, "sfp->sm_state");
        List<Object> afterUp = sm.subList(sm.indexOf(SFP_S_LINK_UP) + 1, sm.size());
        long reinits = afterUp.stream().filter(x -> x.equals(SFP_S_REINIT)).count();
        assertEquals(N_FAULT - 1, reinits, () -> "states after LINK_UP: " + afterUp);
        assertEquals(SFP_S_TX_FAULT, afterUp.get(0));
        assertEquals(SFP_S_TX_DISABLE, afterUp.get(afterUp.size() - 1));
        // Each round: T_FAULT_RECOVER in TX_FAULT, then module_t_start_up in REINIT.
        assertEquals(upAt[0] + (long) (N_FAULT - 1) * (T_FAULT_RECOVER + T_START_UP), s.now);
        assertEquals("link_down", s.calls.get(s.calls.size() - 1));
    }

    @ParameterizedTest
    @EnumSource(Kernel.Version.class)
    void highPowerModule_twoWattHost_goesThroughHpowerAndWaitpwr(Kernel.Version v) {
        SfpWorld w = new SfpWorld(v);
        Seen[] seen = new Seen[1];
        boolean[] highPower = new boolean[1];
        ExecutionOutcome o = w.run(x -> {
            upAndPlugged(x, SfpModuleType.HIGH_POWER);
            highPower[0] = x.cage.modulePeek().highPower();
            seen[0] = Seen.of(x);
        });
        assertClean(o);
        assertEquals(List.of(SFP_MOD_PROBE, SFP_MOD_WAITDEV, SFP_MOD_HPOWER, SFP_MOD_WAITPWR, SFP_MOD_PRESENT),
                SfpWorld.writes(o, "sfp->sm_mod_state"));
        assertTrue(highPower[0], "the power level select bit was written over A2h");
        assertEquals(SFP_S_LINK_UP, seen[0].sm, seen[0]::toString);
        assertEquals(T_SERIAL + T_HPOWER_LEVEL + T_WAIT, seen[0].now);
        assertEquals(List.of(2000), SfpWorld.writes(o, "sfp->module_power_mW"));
    }

    @ParameterizedTest
    @EnumSource(Kernel.Version.class)
    void highPowerModule_oneWattHost_staysAtPowerLevelOne(Kernel.Version v) {
        SfpWorld w = new SfpWorld(v, SfpCage.Config.defaults().withMaxPowerMw(0));
        Seen[] seen = new Seen[1];
        boolean[] highPower = new boolean[1];
        ExecutionOutcome o = w.run(x -> {
            upAndPlugged(x, SfpModuleType.HIGH_POWER);
            highPower[0] = x.cage.modulePeek().highPower();
            seen[0] = Seen.of(x);
        });
        assertClean(o);
        assertFalse(SfpWorld.writes(o, "sfp->sm_mod_state").contains(SFP_MOD_HPOWER));
        assertFalse(highPower[0]);
        assertEquals(SFP_S_LINK_UP, seen[0].sm, seen[0]::toString);
    }

    @ParameterizedTest
    @EnumSource(Kernel.Version.class)
    void moduleUnplug_linkUp_resetsAllMachines(Kernel.Version v) {
        SfpWorld w = new SfpWorld(v);
        Seen[] seen = new Seen[1];
        ExecutionOutcome o = w.run(x -> {
            upAndPlugged(x, SfpModuleType.SFP_1000BASE_X);
            x.upstream.calls.clear();
            x.cage.moduleUnplug();
            x.env.settle();
            seen[0] = Seen.of(x);
        });
        assertClean(o);
        Seen s = seen[0];
        assertEquals(SFP_MOD_EMPTY, s.mod, s::toString);
        assertEquals(SFP_S_DOWN, s.sm, s::toString);
        assertEquals(SFP_DEV_UP, s.dev, "the netdev is still up");
        assertEquals(List.of("module_remove", "link_down", "module_stop"), s.calls);
        assertEquals(SFP_F_TX_DISABLE, s.state, "not present, TX_DISABLE asserted");
        assertEquals(SfpEepromId.ZERO, s.id);
        assertNull(s.hwmon_dev, "hwmon unregistered");
        assertEquals(SfpCage.FLOATING, s.txDisableLine);
    }

    @ParameterizedTest
    @EnumSource(Kernel.Version.class)
    void losSet_linkUp_waitsForLosThenComesBack(Kernel.Version v) {
        SfpWorld w = new SfpWorld(v);
        Seen[] seen = new Seen[2];
        ExecutionOutcome o = w.run(x -> {
            upAndPlugged(x, SfpModuleType.SFP_1000BASE_X);
            x.cage.losSet();
            x.env.settle();
            seen[0] = Seen.of(x);
            x.cage.losClear();
            x.env.settle();
            seen[1] = Seen.of(x);
        });
        assertClean(o);
        assertEquals(SFP_S_WAIT_LOS, seen[0].sm, seen[0]::toString);
        assertEquals("link_down", seen[0].calls.get(seen[0].calls.size() - 1));
        assertEquals(SFP_S_LINK_UP, seen[1].sm, seen[1]::toString);
        assertEquals("link_up", seen[1].calls.get(seen[1].calls.size() - 1));
    }

    @ParameterizedTest
    @EnumSource(Kernel.Version.class)
    void dacPassive_noLosNoDiagnostics_linkUpWithoutHwmon(Kernel.Version v) {
        SfpWorld w = new SfpWorld(v);
        Seen[] seen = new Seen[2];
        ExecutionOutcome o = w.run(x -> {
            upAndPlugged(x, SfpModuleType.DAC_PASSIVE);
            seen[0] = Seen.of(x);
            x.cage.losSet(); // a DAC declares no LOS: the signal is ignored
            x.env.settle();
            seen[1] = Seen.of(x);
        });
        assertClean(o);
        assertEquals(SFP_S_LINK_UP, seen[0].sm, seen[0]::toString);
        assertNull(seen[0].hwmon_dev);
        assertEquals(SFP_S_LINK_UP, seen[1].sm, "LOS is ignored for a module without LOS options");
    }

    @ParameterizedTest
    @EnumSource(Kernel.Version.class)
    void copperSgmiiPhy_plugAndUnplug_phyConnectedThenDetachedAndFreed(Kernel.Version v) {
        SfpWorld w = new SfpWorld(v);
        Seen[] seen = new Seen[2];
        PhyDeviceStruct[] phy = new PhyDeviceStruct[1];
        boolean[] busPhy = new boolean[2];
        boolean[] freed = new boolean[1];
        ExecutionOutcome o = w.run(x -> {
            upAndPlugged(x, SfpModuleType.COPPER_SGMII_PHY);
            seen[0] = Seen.of(x);
            phy[0] = x.sfp().mod_phy.peek();
            busPhy[0] = x.bus.phydev.peek() == phy[0];
            x.cage.moduleUnplug();
            x.env.settle();
            seen[1] = Seen.of(x);
            busPhy[1] = x.bus.phydev.peek() == null;
            freed[0] = phy[0] != null && phy[0].isFreed();
        });
        assertClean(o);
        assertEquals(SFP_S_LINK_UP, seen[0].sm, seen[0]::toString);
        assertNotNull(phy[0], "a PHY answered at 0x56 and was registered");
        assertTrue(busPhy[0], "sfp_add_phy recorded bus->phydev");
        assertEquals(List.of("link_down", "attach", "module_insert", "connect_phy", "module_start", "link_up"),
                seen[0].calls);
        assertNull(seen[1].mod_phy);
        assertTrue(busPhy[1], "sfp_remove_phy cleared bus->phydev");
        assertTrue(freed[0], "phy_device_free freed the module PHY");
        assertTrue(seen[1].calls.contains("disconnect_phy"), seen[1]::toString);
    }

    @ParameterizedTest
    @EnumSource(Kernel.Version.class)
    void netdevStop_linkUp_mainMachineDownAndTxDisabled(Kernel.Version v) {
        SfpWorld w = new SfpWorld(v);
        Seen[] seen = new Seen[1];
        ExecutionOutcome o = w.run(x -> {
            upAndPlugged(x, SfpModuleType.SFP_1000BASE_X);
            x.stop();
            x.env.settle();
            seen[0] = Seen.of(x);
        });
        assertClean(o);
        Seen s = seen[0];
        assertEquals(SFP_DEV_DOWN, s.dev, s::toString);
        assertEquals(SFP_MOD_PRESENT, s.mod, s::toString);
        assertEquals(SFP_S_DOWN, s.sm, s::toString);
        assertEquals(SFP_F_TX_DISABLE, s.state & SFP_F_TX_DISABLE);
        assertEquals(1, s.txDisableLine);
        assertNull(s.txDisableMismatch);
    }

    @ParameterizedTest
    @EnumSource(Kernel.Version.class)
    void socketOps_ethtoolReads_returnEepromAndLayout(Kernel.Version v) {
        SfpWorld w = new SfpWorld(v);
        int[] ret = new int[3];
        EthtoolModinfo info = new EthtoolModinfo();
        EthtoolModuleEeprom ee = new EthtoolModuleEeprom(0, ETH_MODULE_SFF_8472_LEN);
        EthtoolModuleEeprom page = new EthtoolModuleEeprom(SfpEepromId.SFP_VENDOR_PN, 16);
        ExecutionOutcome o = w.run(x -> {
            upAndPlugged(x, SfpModuleType.SFP_1000BASE_X);
            ret[0] = SfpBus.sfpGetModuleInfo(x.bus, info);
            ret[1] = SfpBus.sfpGetModuleEeprom(x.bus, ee);
            ret[2] = SfpBus.sfpGetModuleEepromByPage(x.bus, page);
        });
        assertClean(o);
        assertEquals(0, ret[0]);
        assertEquals(ETH_MODULE_SFF_8472, info.type);
        assertEquals(ETH_MODULE_SFF_8472_LEN, info.eepromLen);
        assertEquals(0, ret[1]);
        assertEquals(SfpEepromId.SFF8024_ID_SFP, ee.data[0]);
        assertEquals(0x19, ee.data[256 + SfpEepromId.SFP_TEMP], "bytes past 256 come from A2h");
        assertEquals(16, ret[2]);
        assertEquals("SFP-1G-SX", new String(page.data, java.nio.charset.StandardCharsets.US_ASCII).trim());
    }

    @ParameterizedTest
    @EnumSource(Kernel.Version.class)
    void hwmonRead_opticalModule_readsTemperatureOverI2c(Kernel.Version v) {
        SfpWorld w = new SfpWorld(v);
        long[] temp = new long[2];
        ExecutionOutcome o = w.run(x -> {
            upAndPlugged(x, SfpModuleType.SFP_1000BASE_X);
            temp[0] = Sfp.sfpHwmonRead(x.sfp());
            x.cage.moduleUnplug();
            x.env.settle();
            temp[1] = Sfp.sfpHwmonRead(x.sfp());
        });
        assertClean(o);
        assertEquals(25_000, temp[0], "25 degrees C in millidegrees");
        assertEquals(-dev.whylock.linux.kernel.Errno.ENODEV, temp[1], "the hwmon device is gone after unplug");
    }

    @ParameterizedTest
    @EnumSource(Kernel.Version.class)
    void sfpRemove_linkUp_detachesFreesSfpAndStopsInterrupts(Kernel.Version v) {
        SfpWorld w = new SfpWorld(v);
        SfpStruct[] sfp = new SfpStruct[1];
        List<String> calls = new ArrayList<>();
        boolean[] freed = new boolean[1];
        ExecutionOutcome o = w.run(x -> {
            upAndPlugged(x, SfpModuleType.SFP_1000BASE_X);
            sfp[0] = x.sfp();
            x.upstream.calls.clear();
            x.unbind();
            calls.addAll(x.upstream.calls);
            freed[0] = sfp[0].isFreed();
            x.cage.moduleUnplug(); // no handler any more: nothing runs
            x.env.settle();
        });
        assertClean(o);
        assertTrue(freed[0], "sfp_cleanup freed struct sfp");
        // DEV_DOWN first (the netdev was started), so the reset skips link_down; after DEV_DETACH the
        // module machine is back in WAITDEV, so REMOVE does not call module_remove.
        assertEquals(List.of("detach", "module_stop"), calls);
    }

    @ParameterizedTest
    @EnumSource(Kernel.Version.class)
    void sfpCheckState_lockOrder_matchesModel(Kernel.Version v) {
        SfpWorld w = new SfpWorld(v);
        ExecutionOutcome o = w.run(x -> upAndPlugged(x, SfpModuleType.SFP_1000BASE_X));
        assertClean(o);
        List<String> order = new ArrayList<>();
        for (var op : o.log()) {
            if (op.kind() == dev.whylock.engine.exec.OpKind.ACQUIRE && "sfp_check_state".equals(op.site())) {
                order.add(op.target().toString());
            }
        }
        if (v == Kernel.Version.V5_14) {
            assertEquals(List.of("sfp->st_mutex", "rtnl_mutex"), order.subList(0, 2));
            assertFalse(order.contains("sfp->sm_mutex"), "v5.14 takes sm in sfp_sm_event, not in sfp_check_state");
        } else {
            assertEquals(List.of("rtnl_mutex", "sfp->st_mutex", "sfp->sm_mutex"), order.subList(0, 3));
        }
    }

    @ParameterizedTest
    @EnumSource(Kernel.Version.class)
    void txFaultAtStartup_persistent_initTxFaultRetriesEndInTxDisable(Kernel.Version v) {
        SfpWorld w = new SfpWorld(v);
        Seen[] seen = new Seen[1];
        ExecutionOutcome o = w.run(x -> {
            assertEquals(0, x.probe());
            x.addUpstream();
            x.start();
            x.cage.modulePlug(SfpModuleType.SFP_1000BASE_X);
            x.cage.txFaultSet(); // the module never clears TX_FAULT after TX_DISABLE is released
            x.env.settle();
            seen[0] = Seen.of(x);
        });
        assertClean(o);
        Seen s = seen[0];
        assertEquals(SFP_S_TX_DISABLE, s.sm, s::toString);
        List<Object> sm = SfpWorld.writes(o, "sfp->sm_state");
        assertEquals(SFP_S_WAIT, sm.get(0));
        assertEquals(SFP_S_INIT, sm.get(1), "TX_FAULT at the end of T_WAIT: wait t_start_up");
        assertEquals(N_FAULT_INIT - 1, sm.stream().filter(x -> x.equals(SFP_S_INIT_TX_FAULT)).count(), sm::toString);
        assertFalse(s.calls.contains("module_start"), "the module never initialised");
        // WAIT (T_WAIT), INIT (t_start_up - T_WAIT), then per retry INIT_TX_FAULT (1 s) + INIT (t_start_up).
        assertEquals(T_SERIAL + T_START_UP + (long) (N_FAULT_INIT - 1) * (T_FAULT_RECOVER + T_START_UP), s.now);
    }

    @ParameterizedTest
    @EnumSource(Kernel.Version.class)
    void upstreamDetach_highPowerPresent_powerLevelDroppedAndBackToWaitdev(Kernel.Version v) {
        SfpWorld w = new SfpWorld(v);
        Seen[] seen = new Seen[1];
        boolean[] highPower = new boolean[2];
        ExecutionOutcome o = w.run(x -> {
            upAndPlugged(x, SfpModuleType.HIGH_POWER);
            highPower[0] = x.cage.modulePeek().highPower();
            SfpBus.sfpBusDelUpstream(x.bus); // phylink_destroy: DEV_DOWN, DEV_DETACH under rtnl
            x.env.settle();
            highPower[1] = x.cage.modulePeek().highPower();
            seen[0] = Seen.of(x);
        });
        assertClean(o);
        assertTrue(highPower[0]);
        assertFalse(highPower[1], "sfp_sm_mod_hpower(false) on detach");
        assertEquals(SFP_MOD_WAITDEV, seen[0].mod, seen[0]::toString);
        assertEquals(SFP_DEV_DETACHED, seen[0].dev);
        assertEquals(SFP_S_DOWN, seen[0].sm);
    }

    @ParameterizedTest
    @EnumSource(Kernel.Version.class)
    void softPoll_cageWithoutLosLine_losReadOverA2h(Kernel.Version v) {
        SfpWorld w = new SfpWorld(v, SfpCage.Config.defaults().withSignals(false, true, true));
        int[] mask = new int[1];
        ExecutionOutcome o = w.run(x -> {
            upAndPlugged(x, SfpModuleType.SFP_1000BASE_X);
            mask[0] = x.sfp().state_soft_mask.peek();
        });
        assertClean(o);
        assertEquals(SFP_F_LOS, mask[0], "the module offers soft RX_LOS and the cage has no LOS line");
    }

    @ParameterizedTest
    @EnumSource(Kernel.Version.class)
    void sfpShutdown_linkUp_interruptsFreedAndTimersCancelled(Kernel.Version v) {
        SfpWorld w = new SfpWorld(v);
        Seen[] seen = new Seen[1];
        ExecutionOutcome o = w.run(x -> {
            upAndPlugged(x, SfpModuleType.SFP_1000BASE_X);
            Sfp.sfpShutdown(x.cage.pdev());
            x.cage.losSet(); // no handler any more
            x.env.settle();
            seen[0] = Seen.of(x);
        });
        assertClean(o);
        assertEquals(SFP_S_LINK_UP, seen[0].sm, "LOS after shutdown is not seen");
        assertEquals(0, seen[0].state & SFP_F_LOS);
    }

    /** A module whose EEPROM ignores its first {@code naks} transfers, plugged into a started cage. */
    private static Seen slowEeprom(Kernel.Version v, int naks, List<Object> modWrites) {
        SfpWorld w = new SfpWorld(v);
        Seen[] seen = new Seen[1];
        ExecutionOutcome o = w.run(x -> {
            assertEquals(0, x.probe());
            x.addUpstream();
            x.start();
            x.cage.modulePlug(SfpModuleType.SFP_1000BASE_X);
            x.cage.modulePeek().setEepromNaks(naks);
            x.env.settle();
            seen[0] = Seen.of(x);
        });
        assertClean(o);
        modWrites.addAll(SfpWorld.writes(o, "sfp->sm_mod_state"));
        return seen[0];
    }

    @ParameterizedTest
    @EnumSource(Kernel.Version.class)
    void slowEeprom_nineFailures_probedOnTheFastRetries(Kernel.Version v) {
        List<Object> mod = new ArrayList<>();
        Seen s = slowEeprom(v, R_PROBE_RETRY_INIT - 1, mod);
        assertEquals(SFP_MOD_PRESENT, s.mod, s::toString);
        // T_SERIAL, then 9 retries T_PROBE_RETRY_INIT apart; then T_WAIT to LINK_UP.
        assertEquals(T_SERIAL + (R_PROBE_RETRY_INIT - 1) * T_PROBE_RETRY_INIT + T_WAIT, s.now);
    }

    @ParameterizedTest
    @EnumSource(Kernel.Version.class)
    void slowEeprom_lastSlowRetrySucceeds_moduleProbed(Kernel.Version v) {
        List<Object> mod = new ArrayList<>();
        int naks = R_PROBE_RETRY_INIT + R_PROBE_RETRY_SLOW - 2;
        Seen s = slowEeprom(v, naks, mod);
        assertEquals(SFP_MOD_PRESENT, s.mod, s::toString);
        assertEquals(SFP_S_LINK_UP, s.sm, s::toString);
        long probedAt = T_SERIAL + (R_PROBE_RETRY_INIT - 1) * T_PROBE_RETRY_INIT
                + (long) (R_PROBE_RETRY_SLOW - 1) * T_PROBE_RETRY_SLOW;
        assertEquals(probedAt + T_WAIT, s.now);
    }

    @ParameterizedTest
    @EnumSource(Kernel.Version.class)
    void slowEeprom_retriesExhausted_moduleError(Kernel.Version v) {
        List<Object> mod = new ArrayList<>();
        int naks = R_PROBE_RETRY_INIT + R_PROBE_RETRY_SLOW - 1;
        Seen s = slowEeprom(v, naks, mod);
        assertEquals(SFP_MOD_ERROR, s.mod, s::toString);
        assertEquals(List.of(SFP_MOD_PROBE, SFP_MOD_ERROR), mod);
        assertEquals(SFP_S_DOWN, s.sm);
        assertEquals(List.of("link_down", "attach"), s.calls, "the upstream never hears of the module");
        assertEquals(T_SERIAL + (R_PROBE_RETRY_INIT - 1) * T_PROBE_RETRY_INIT
                + (long) (R_PROBE_RETRY_SLOW - 1) * T_PROBE_RETRY_SLOW, s.now);
    }

    /** A copper module whose PHY ignores its first {@code naks} ID reads. */
    private static Seen slowPhy(Kernel.Version v, int naks) {
        SfpWorld w = new SfpWorld(v);
        Seen[] seen = new Seen[1];
        ExecutionOutcome o = w.run(x -> {
            assertEquals(0, x.probe());
            x.addUpstream();
            x.start();
            x.cage.modulePlug(SfpModuleType.COPPER_SGMII_PHY);
            x.cage.modulePeek().setPhyNaks(naks);
            x.env.settle();
            seen[0] = Seen.of(x);
        });
        assertClean(o);
        return seen[0];
    }

    @ParameterizedTest
    @EnumSource(Kernel.Version.class)
    void slowPhy_answersOnLastRetry_phyConnected(Kernel.Version v) {
        Seen s = slowPhy(v, R_PHY_RETRY - 1);
        assertEquals(SFP_S_LINK_UP, s.sm, s::toString);
        assertNotNull(s.mod_phy);
        assertTrue(s.calls.contains("connect_phy"), s::toString);
        assertEquals(T_SERIAL + T_WAIT + (R_PHY_RETRY - 1) * T_PHY_RETRY, s.now);
    }

    @ParameterizedTest
    @EnumSource(Kernel.Version.class)
    void slowPhy_neverAnswers_noPhyDetectedButLinkUp(Kernel.Version v) {
        Seen s = slowPhy(v, R_PHY_RETRY);
        assertEquals(SFP_S_LINK_UP, s.sm, "no PHY detected: the module is started anyway");
        assertNull(s.mod_phy);
        assertFalse(s.calls.contains("connect_phy"), s::toString);
        assertEquals(T_SERIAL + T_WAIT + (R_PHY_RETRY - 1) * T_PHY_RETRY, s.now);
    }

    @ParameterizedTest
    @EnumSource(Kernel.Version.class)
    void polledCage_modulePlugged_sfpPollNoticesItAndLinkComesUp(Kernel.Version v) {
        SfpWorld w = new SfpWorld(v, SfpCage.Config.defaults().withIrqs(false));
        Seen[] seen = new Seen[1];
        boolean[] needPoll = new boolean[1];
        ExecutionOutcome o = w.run(x -> x.addUpstream(), x -> {
            // sfp_poll is never admitted during setup (it re-arms itself), so this world probes in the race.
            Kernel.get().startRace(java.util.Set.of("sfp_poll", "sfp_timeout", "sfp_hwmon"));
            assertEquals(0, x.probe());
            needPoll[0] = x.sfp().needPoll();
            x.start();
            x.cage.modulePlug(SfpModuleType.SFP_1000BASE_X); // no interrupt: only the poll can see it
            x.env.settle();
            seen[0] = Seen.of(x);
        });
        assertClean(o);
        assertTrue(needPoll[0], "no IRQ for the lines: need_poll");
        assertEquals(SFP_MOD_PRESENT, seen[0].mod, seen[0]::toString);
        assertEquals(SFP_S_LINK_UP, seen[0].sm, seen[0]::toString);
        assertTrue(o.log().stream().anyMatch(op -> "sfp_poll".equals(op.site())
                && op.kind() == dev.whylock.engine.exec.OpKind.WORK_MODIFY), "sfp_poll re-armed itself");
    }

    @ParameterizedTest
    @EnumSource(Kernel.Version.class)
    void setSignalRate_linkUp_onlyV65RecordsRateUnderStMutex(Kernel.Version v) {
        SfpWorld w = new SfpWorld(v);
        int[] rate = new int[1];
        ExecutionOutcome o = w.run(x -> {
            upAndPlugged(x, SfpModuleType.SFP_1000BASE_X);
            SfpBus.sfpUpstreamSetSignalRate(x.bus, 1_250_000); // phylink_major_config in v6.5
            rate[0] = x.sfp().rate_kbd.peek();
        });
        assertClean(o);
        boolean stTaken = o.log().stream().anyMatch(op -> op.kind() == dev.whylock.engine.exec.OpKind.ACQUIRE
                && "sfp_mod_state".equals(op.site()) && op.target().toString().equals("sfp->st_mutex"));
        if (v == Kernel.Version.V6_5) {
            assertEquals(1_250_000, rate[0]);
            assertTrue(stTaken, "sfp_set_signal_rate -> sfp_mod_state takes st_mutex");
        } else {
            assertEquals(0, rate[0], "v5.14 has no .set_signal_rate");
            assertFalse(stTaken, "v5.14 never takes st_mutex in sfp_mod_state");
        }
    }

    @ParameterizedTest
    @EnumSource(Kernel.Version.class)
    void moduleEeprom_emptyCage_v65ChecksPresentV514GoesToI2c(Kernel.Version v) {
        SfpWorld w = new SfpWorld(v);
        int[] ret = new int[1];
        EthtoolModuleEeprom ee = new EthtoolModuleEeprom(0, 16);
        ExecutionOutcome o = w.run(x -> {
            assertEquals(0, x.probe());
            x.addUpstream();
            ret[0] = SfpBus.sfpGetModuleEeprom(x.bus, ee);
        });
        assertClean(o);
        boolean i2c = o.log().stream().anyMatch(op -> "i2c_transfer".equals(op.site()));
        if (v == Kernel.Version.V6_5) {
            assertEquals(-dev.whylock.linux.kernel.Errno.ENODEV, ret[0]);
            assertFalse(i2c, "no I2C transfer without a module");
        } else {
            assertEquals(-dev.whylock.linux.kernel.Errno.EIO, ret[0], "nobody acknowledges 0x50");
            assertTrue(i2c);
        }
    }

    @ParameterizedTest
    @EnumSource(Kernel.Version.class)
    void txFault_resetByTxDisablePulse_recoversFromReinitToLinkUp(Kernel.Version v) {
        SfpWorld w = new SfpWorld(v);
        Seen[] seen = new Seen[1];
        long[] upAt = new long[1];
        ExecutionOutcome o = w.run(x -> {
            upAndPlugged(x, SfpModuleType.SFP_1000BASE_X);
            upAt[0] = x.env.now();
            x.cage.txFaultSetResettable();
            x.env.settle();
            seen[0] = Seen.of(x);
        });
        assertClean(o);
        Seen s = seen[0];
        assertEquals(SFP_S_LINK_UP, s.sm, s::toString);
        List<Object> sm = SfpWorld.writes(o, "sfp->sm_state");
        assertEquals(List.of(SFP_S_TX_FAULT, SFP_S_REINIT, SFP_S_LINK_UP), sm.subList(sm.size() - 3, sm.size()));
        assertEquals(N_FAULT - 1, s.faultRetries, "one fault counted; recovery does not refill the retries");
        assertEquals(upAt[0] + T_FAULT_RECOVER, s.now, "TX_CLEAR ends REINIT before its timer");
        assertEquals(List.of("link_down", "link_up"), s.calls.subList(s.calls.size() - 2, s.calls.size()));
    }

    @ParameterizedTest
    @EnumSource(Kernel.Version.class)
    void moduleStart_upstreamFails_mainMachineFails(Kernel.Version v) {
        SfpWorld w = new SfpWorld(v);
        Seen[] seen = new Seen[2];
        ExecutionOutcome o = w.run(x -> {
            assertEquals(0, x.probe());
            x.addUpstream();
            x.upstream.moduleStartResult = -dev.whylock.linux.kernel.Errno.EINVAL;
            x.start();
            x.cage.modulePlug(SfpModuleType.SFP_1000BASE_X);
            x.env.settle();
            seen[0] = Seen.of(x);
            x.cage.losSet(); // FAIL ignores every event
            x.env.settle();
            seen[1] = Seen.of(x);
        });
        assertClean(o);
        assertEquals(SFP_S_FAIL, seen[0].sm, seen[0]::toString);
        assertFalse(seen[0].calls.contains("link_up"));
        assertEquals(SFP_S_FAIL, seen[1].sm, seen[1]::toString);
    }

    @ParameterizedTest
    @EnumSource(Kernel.Version.class)
    void txFaultAtStartup_resetByPulse_txClearInInitCompletesInit(Kernel.Version v) {
        SfpWorld w = new SfpWorld(v);
        Seen[] seen = new Seen[1];
        ExecutionOutcome o = w.run(x -> {
            assertEquals(0, x.probe());
            x.addUpstream();
            x.start();
            x.cage.modulePlug(SfpModuleType.SFP_1000BASE_X);
            x.cage.txFaultSetResettable();
            x.env.settle();
            seen[0] = Seen.of(x);
        });
        assertClean(o);
        Seen s = seen[0];
        assertEquals(SFP_S_LINK_UP, s.sm, s::toString);
        assertEquals(List.of(SFP_S_WAIT, SFP_S_INIT, SFP_S_INIT_TX_FAULT, SFP_S_INIT, SFP_S_LINK_UP),
                SfpWorld.writes(o, "sfp->sm_state"));
        assertEquals(N_FAULT, s.faultRetries, "phy_probe: refilled to N_FAULT once initialised");
        assertEquals(T_SERIAL + T_START_UP + T_FAULT_RECOVER, s.now, "TX_CLEAR right after the reset pulse");
    }

    @ParameterizedTest
    @EnumSource(Kernel.Version.class)
    void highPowerModule_a2WritesRefused_hpowerRetriesEveryProbeRetryInit(Kernel.Version v) {
        SfpWorld w = new SfpWorld(v);
        Seen[] seen = new Seen[1];
        int refused = 3;
        ExecutionOutcome o = w.run(x -> {
            assertEquals(0, x.probe());
            x.addUpstream();
            x.start();
            x.cage.modulePlug(SfpModuleType.HIGH_POWER);
            x.cage.modulePeek().setA2WriteNaks(refused);
            x.env.settle();
            seen[0] = Seen.of(x);
        });
        assertClean(o);
        assertEquals(SFP_S_LINK_UP, seen[0].sm, seen[0]::toString);
        assertEquals(List.of(SFP_MOD_PROBE, SFP_MOD_WAITDEV, SFP_MOD_HPOWER, SFP_MOD_WAITPWR, SFP_MOD_PRESENT),
                SfpWorld.writes(o, "sfp->sm_mod_state"), "-EAGAIN stays in HPOWER without a new state");
        assertEquals(T_SERIAL + (long) refused * T_PROBE_RETRY_INIT + T_HPOWER_LEVEL + T_WAIT, seen[0].now);
    }
}
