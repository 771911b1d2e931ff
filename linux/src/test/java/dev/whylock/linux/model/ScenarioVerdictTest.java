package dev.whylock.linux.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.result.Violation;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Verdicts of the built-in scenarios, found by exhaustive DPOR exploration (no scenario is
 * recognised by name anywhere in the model): the kernel's locking is clean, and removing rtnl where
 * KERNEL-NOTES §5.4 says it matters breaks what §5.2 says it protects.
 */
class ScenarioVerdictTest {

    private static final long BOUND = 20_000;

    /** Built-in scenarios that show a problem of the kernel code itself (tested one by one below). */
    private static final List<String> FINDINGS = List.of("phylink-create-under-rtnl", "phy-attach-vs-deferred-probe",
            "phy-attach-vs-deferred-probe-rfc", "dpaa2-connect-vs-ethtool-module-eeprom", "dpaa2-disconnect-vs-ndo-stop");

    /** Built-in scenarios of the kernel's code, not of a proposed design (those: PrivateLockDesignTest). */
    static List<String> cleanScenarios() {
        return Models.get(Models.DEFAULT).inquiryScenarios().stream().filter(n -> !FINDINGS.contains(n)).toList();
    }

    private static ExplorationResult explore(String name, String model, String... removals) {
        Scenario s = ScenarioLoader.builtin(name).withModel(model);
        LockExperiment[] ex = new LockExperiment[removals.length];
        for (int i = 0; i < removals.length; i++) {
            ex[i] = LockExperiment.parse(LockExperiment.Kind.REMOVE, removals[i]);
        }
        ExplorationResult r = Explore.dpor(s, BOUND, ex);
        assertEquals(dev.whylock.engine.result.StopReason.EXHAUSTED, r.stopReason(), () -> Explore.summary(r));
        return r;
    }

    private static boolean any(ExplorationResult r, Predicate<Violation> p) {
        return r.violations().stream().anyMatch(p);
    }

    /** Built-in scenarios that show a v5.14 bug the May 2023 series fixed (clean in v6.5). */
    private static final List<String> FINDINGS_V514_ONLY = List.of("unbind-mac", "module-hotplug");

    static List<String> cleanScenariosV514() {
        return cleanScenarios().stream().filter(n -> !FINDINGS_V514_ONLY.contains(n)).toList();
    }

    @ParameterizedTest
    @MethodSource("cleanScenariosV514")
    void builtin_kernelLockingV514_noViolation(String name) {
        ExplorationResult r = explore(name, "sfp-v5.14");
        assertFalse(r.hasViolation(), () -> Explore.summary(r));
    }

    @ParameterizedTest
    @MethodSource("cleanScenarios")
    void builtin_kernelLockingV65_noViolation(String name) {
        ExplorationResult r = explore(name, "sfp-v6.5");
        assertFalse(r.hasViolation(), () -> Explore.summary(r));
    }

    @Test
    void unbindMac_v514_losesTxDisableInSfpStateButNotInV65() {
        // KERNEL-NOTES 1.2: v5.14's sfp_module_tx_disable does its read-modify-write of sfp->state without
        // st_mutex (ndo_stop -> DEV_DOWN) while the LOS IRQ's sfp_check_state writes it under st_mutex.
        ExplorationResult r = explore("unbind-mac", "sfp-v5.14");
        assertTrue(any(r, v -> v.kind() == ViolationKind.INVARIANT && v.message().contains("sfp-tx-disable-line")),
                () -> Explore.summary(r));
        ExplorationResult r65 = explore("unbind-mac", "sfp-v6.5");
        assertFalse(r65.hasViolation(), () -> Explore.summary(r65));
    }

    @Test
    void moduleHotplug_v514_leavesAStalePresentBitButNotInV65() {
        // The same unlocked read-modify-write in sfp_module_tx_enable/disable writes back the PRESENT bit
        // that the MOD_DEF0 IRQ's sfp_check_state had just cleared: sfp->state says present, the line says not.
        ExplorationResult r = explore("module-hotplug", "sfp-v5.14");
        assertTrue(any(r, v -> v.kind() == ViolationKind.INVARIANT && v.message().contains("sfp-state-inputs")),
                () -> Explore.summary(r));
        ExplorationResult r65 = explore("module-hotplug", "sfp-v6.5");
        assertFalse(r65.hasViolation(), () -> Explore.summary(r65));
    }

    @Test
    void phylinkCreateUnderRtnl_kernelLocking_selfDeadlocksInAddUpstream() {
        ExplorationResult r = explore("phylink-create-under-rtnl", "sfp-v5.14");
        assertTrue(any(r, v -> v.kind() == ViolationKind.DEADLOCK && v.message().contains("sfp_bus_add_upstream")),
                () -> Explore.summary(r));
    }

    @Test
    void phyAttachVsDeferredProbe_v514_genphyBindsUnderTheProbingSpecificDriver() {
        ExplorationResult r = explore("phy-attach-vs-deferred-probe", "sfp-v5.14");
        assertTrue(any(r, v -> v.kind() == ViolationKind.WARNING && v.message().contains("already bound")),
                () -> Explore.summary(r));
        assertFalse(any(r, v -> v.kind().fatal()), () -> Explore.summary(r));
    }

    @Test
    void phyAttachVsDeferredProbe_rfc_stillBindsTwiceWhileTheWorkerHoldsTheDeviceOffTheList() {
        // Finding: device_pending_probe() is false between deferred_probe_work_func's list_del_init
        // and really_probe, so the RFC narrows the window but phy_attach_direct can still bind genphy.
        ExplorationResult r = explore("phy-attach-vs-deferred-probe-rfc", "sfp-v5.14");
        assertTrue(any(r, v -> v.kind() == ViolationKind.WARNING && v.message().contains("already bound")),
                () -> Explore.summary(r));
    }

    @Test
    void dpaa2V514_connectUnderRtnl_selfDeadlocksInPhylinkCreate() {
        // The 2021 thread's DPAA2 deadlock: the endpoint-changed IRQ thread holds rtnl around phylink_create.
        for (String model : List.of("sfp-v5.14", "sfp-v6.5")) {
            ExplorationResult r = explore("dpaa2-connect-vs-ethtool-module-eeprom", model);
            assertTrue(any(r, v -> v.kind() == ViolationKind.DEADLOCK && v.message().contains("sfp_bus_add_upstream")
                    && v.message().contains("dpni_irq0_handler_thread")), () -> Explore.summary(r));
        }
    }

    @Test
    void dpaa2V514_disconnectUnderRtnl_selfDeadlocksInPhylinkDestroy() {
        // The 2022 reboot trace: dpaa2_mac_disconnect -> phylink_destroy -> sfp_bus_del_upstream -> rtnl_lock.
        ExplorationResult r = explore("dpaa2-disconnect-vs-ndo-stop", "sfp-v5.14");
        assertTrue(any(r, v -> v.kind() == ViolationKind.DEADLOCK && v.message().contains("sfp_bus_del_upstream")),
                () -> Explore.summary(r));
    }

    @Test
    void dpaa2MacLock_scenariosBAndCPublished_withoutRtnlInAddDelUpstream_noDamage() {
        // Phylink created and destroyed on a registered, running netdev: sfp->sm_mutex and the DEV_ATTACH /
        // DEV_DETACH gate keep the state machine away from a half-registered bus, as in the unpublished case.
        for (String name : List.of("dpaa2-mac-lock-disconnect-vs-module-event", "dpaa2-mac-lock-connect-vs-module-insert")) {
            ExplorationResult r = explore(name, "sfp-v5.14", "rtnl_mutex@sfp_bus_add_upstream,sfp_bus_del_upstream");
            assertFalse(any(r, v -> v.kind().damage()), () -> Explore.summary(r));
        }
    }

    @Test
    void dpaa2MacLock_disconnectVsLinkstate_withoutRtnl_usesFreedModulePhy() {
        // Russell King's point 3 on the published netdev: only rtnl keeps netdev->phydev valid for ethtool.
        ExplorationResult r = explore("dpaa2-mac-lock-disconnect-vs-ethtool-and-stop", "sfp-v5.14", "rtnl_mutex");
        assertTrue(any(r, v -> v.kind() == ViolationKind.USE_AFTER_FREE && v.message().contains("linkstate_get_sqi")),
                () -> Explore.summary(r));
    }

    @Test
    void createVsCageProbe_withoutRtnlInAddUpstream_registersAHalfPublishedBus() {
        // The 2021 question itself: phylink_create's rtnl serialises it against the cage's probe.
        ExplorationResult r = explore("phylink-create-vs-cage-probe", "sfp-v5.14", "rtnl_mutex@sfp_bus_add_upstream");
        assertTrue(any(r, v -> v.kind() == ViolationKind.NULL_DEREFERENCE), () -> Explore.summary(r));
    }

    @Test
    void destroyVsCageUnbind_withoutRtnlInDelUpstream_unregistersTwiceAndUsesFreedMemory() {
        // The 2021 question itself: phylink_destroy's rtnl serialises it against the cage's unbind.
        ExplorationResult r = explore("phylink-destroy-vs-cage-unbind", "sfp-v5.14", "rtnl_mutex@sfp_bus_del_upstream");
        assertTrue(any(r, v -> v.kind() == ViolationKind.USE_AFTER_FREE), () -> Explore.summary(r));
        assertTrue(any(r, v -> v.kind() == ViolationKind.NULL_DEREFERENCE), () -> Explore.summary(r));
    }

    @Test
    void scenarioA_withoutRtnlInUnregisterSocket_ethtoolDereferencesAGoneSocket() {
        ExplorationResult r = explore("ethtool-module-eeprom-vs-cage-unbind", "sfp-v5.14", "rtnl_mutex@sfp_unregister_socket");
        assertTrue(any(r, v -> (v.kind() == ViolationKind.NULL_DEREFERENCE || v.kind() == ViolationKind.USE_AFTER_FREE)
                && v.task().equals("ethtool")), () -> Explore.summary(r));
    }

    @Test
    void scenarioA_withoutRtnlInUnregisterSocket_ethtoolsSecondReadOfSfpBusIsNull() {
        // net/ethtool/ioctl.c reads dev->sfp_bus to test it and again to pass it; only rtnl keeps them equal.
        ExplorationResult r = explore("ethtool-module-eeprom-vs-cage-unbind", "sfp-v5.14", "rtnl_mutex@sfp_unregister_socket");
        assertTrue(any(r, v -> v.kind() == ViolationKind.NULL_DEREFERENCE && v.message().contains("dev->sfp_bus")),
                () -> Explore.summary(r));
    }

    @Test
    void ethnlDoit_referenceBeforeRtnl_keepsMacUnbindFromFreeingUnderIt_evenWithoutRtnl() {
        // ethnl_default_doit holds a device reference from before rtnl_lock; unregister_netdev waits for it
        // (netdev_wait_allrefs), so phylink_destroy and free_netdev come after the request in every order.
        ExplorationResult r = explore("ethtool-netlink-eeprom-vs-mac-unbind", "sfp-v5.14", "rtnl_mutex");
        assertFalse(any(r, v -> v.kind().damage()), () -> Explore.summary(r));
        assertTrue(r.executions() > 1, () -> Explore.summary(r));
    }

    @Test
    void scenarioA_withoutRtnlInEthtoolIoctl_readsFreedSfp() {
        ExplorationResult r = explore("ethtool-module-eeprom-vs-cage-unbind", "sfp-v5.14", "rtnl_mutex@dev_ioctl");
        assertTrue(any(r, v -> v.kind() == ViolationKind.USE_AFTER_FREE && v.message().contains("struct sfp")),
                () -> Explore.summary(r));
    }

    @Test
    void scenarioB_withoutRtnlInDelUpstream_smMutexAndDevDetachStillKeepPhylinkAlive() {
        // Finding: the DEV_DETACH event takes sfp->sm_mutex and the dev-state gate stops every later
        // upstream call, so removing rtnl here alone damages nothing in this scenario.
        ExplorationResult r = explore("module-event-vs-phylink-destroy", "sfp-v5.14", "rtnl_mutex@sfp_bus_del_upstream");
        assertFalse(any(r, v -> v.kind().damage()), () -> Explore.summary(r));
    }

    @Test
    void scenarioC_withoutRtnlInAddUpstream_upstreamOpsRunWithoutRtnl() {
        ExplorationResult r = explore("module-insert-vs-phylink-create", "sfp-v5.14", "rtnl_mutex@sfp_bus_add_upstream");
        assertTrue(any(r, v -> v.kind() == ViolationKind.ASSERTION && v.message().contains("phylink_sfp_")),
                () -> Explore.summary(r));
    }

    @Test
    void scenarioD_withoutRtnlInEthtoolIoctl_usesFreedModulePhy() {
        ExplorationResult r = explore("module-phy-vs-ethtool-phydev", "sfp-v5.14", "rtnl_mutex@dev_ioctl");
        assertTrue(any(r, v -> v.kind() == ViolationKind.USE_AFTER_FREE && v.message().contains("phy_device")),
                () -> Explore.summary(r));
    }

    @Test
    void ethtoolKsettings_withoutRtnlInEthtoolIoctl_usesFreedPlPhydev() {
        ExplorationResult r = explore("ethtool-ksettings-vs-module-phy", "sfp-v5.14", "rtnl_mutex@dev_ioctl");
        assertTrue(any(r, v -> v.kind() == ViolationKind.USE_AFTER_FREE && v.message().contains("phy_device")),
                () -> Explore.summary(r));
        assertTrue(any(r, v -> v.kind() == ViolationKind.ASSERTION && v.message().contains("phylink_ethtool_ksettings_set")),
                () -> Explore.summary(r));
    }

    @Test
    void moduleInsertVsEthtoolSet_withoutRtnlInSfpTimeout_losesTheModuleInterface() {
        // phylink_sfp_config writes pl->link_config without pl->state_mutex: rtnl is what orders it
        // against ethtool's read-modify-write under pl->state_mutex.
        ExplorationResult r = explore("module-insert-vs-ethtool-ksettings", "sfp-v5.14", "rtnl_mutex@sfp_timeout");
        assertTrue(any(r, v -> v.kind() == ViolationKind.INVARIANT && v.message().contains("link-config-matches-module")),
                () -> Explore.summary(r));
    }

    @Test
    void scenarioE_withoutRtnlInRegisterSocket_losesDevUp() {
        ExplorationResult r = explore("ndo-open-vs-bus-registration", "sfp-v5.14", "rtnl_mutex@sfp_register_socket");
        assertTrue(any(r, v -> v.kind() == ViolationKind.INVARIANT && v.message().contains("sfp-dev-state-matches-bus")),
                () -> Explore.summary(r));
    }

    @Test
    void scenarioE_withoutRtnlInIpLinkSet_losesDevUp() {
        ExplorationResult r = explore("ndo-open-vs-bus-registration", "sfp-v5.14", "rtnl_mutex@rtnetlink_rcv_msg");
        assertTrue(any(r, v -> v.kind() == ViolationKind.INVARIANT && v.message().contains("sfp-dev-state-matches-bus")),
                () -> Explore.summary(r));
    }
}
