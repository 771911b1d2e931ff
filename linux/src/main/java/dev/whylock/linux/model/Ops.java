package dev.whylock.linux.model;

import dev.whylock.engine.Env;
import dev.whylock.linux.drivers.base.Dd;
import dev.whylock.linux.drivers.net.ethernet.MacDriver;
import dev.whylock.linux.drivers.net.ethernet.MacPort;
import dev.whylock.linux.drivers.net.ethernet.freescale.dpaa2.Dpaa2Eth;
import dev.whylock.linux.drivers.net.phy.PhyDevice;
import dev.whylock.linux.drivers.net.phy.Sfp;
import dev.whylock.linux.drivers.net.phy.SfpBus;
import dev.whylock.linux.hw.SfpModuleType;
import dev.whylock.linux.kernel.Kernel;
import dev.whylock.linux.net.core.Dev;
import dev.whylock.linux.net.core.Rtnetlink;
import dev.whylock.linux.net.ethtool.Ioctl;
import dev.whylock.linux.net.ethtool.Netlink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The op catalogue of the SFP models and what each op runs. */
final class Ops {
    private Ops() {}

    /** The model options {@code model_option} accepts. */
    static final List<String> OPTIONS = List.of(PhyDevice.OPTION_RFC_PHY_DEFER, PhyDevice.OPTION_PHY_PROBE_DEFERS,
            SfpBus.OPTION_PRIVATE_LOCK, Dpaa2Eth.OPTION_MAC_LOCK);

    /** The longest {@code rtnl_hold} or {@code delay} a scenario may ask for: an hour of virtual time. */
    static final long RTNL_HOLD_MAX_MS = 3_600_000;

    static List<OpInfo> catalogue() {
        List<OpInfo> l = new ArrayList<>();
        l.add(op("sfp_probe", "bind sfp.c to the cage (driver core under device_lock: sfp_probe, sfp_register_socket)"));
        l.add(op("sfp_remove", "unbind sfp.c from the cage (device_lock: sfp_remove, sfp_unregister_socket, devm cleanup)"));
        l.add(op("mac_probe", "bind the MAC driver (device_lock: phylink_create, then register_netdev)"));
        l.add(op("mac_remove", "unbind the MAC driver (device_lock: unregister_netdev, then phylink_destroy)"));
        l.add(op("phylink_create", "alloc_etherdev + phylink_create outside the driver core (must not hold rtnl)"));
        l.add(op("phylink_destroy", "phylink_destroy + free_netdev outside the driver core (must not hold rtnl)"));
        l.add(op("register_netdev", "register_netdev of the MAC's netdev (takes rtnl)"));
        l.add(op("unregister_netdev", "unregister_netdev of the MAC's netdev (takes rtnl; closes it if up)"));
        l.add(op("dpaa2_eth_probe", "bind dpaa2-eth to the DPNI: alloc netdev, connect its DPMAC if the endpoint is set, register_netdev"));
        l.add(op("dpaa2_mac_connect", "restool connects the DPNI to the DPMAC (sfp = <&sfp0>): the endpoint-changed IRQ thread creates phylink on the registered netdev"));
        l.add(op("dpaa2_mac_disconnect", "restool disconnects the DPMAC: the endpoint-changed IRQ thread destroys phylink on the registered netdev"));
        l.add(op("ndo_open", "ip link set eth0 up: rtnetlink under rtnl, ndo_open, phylink_start"));
        l.add(op("ndo_stop", "ip link set eth0 down: rtnetlink under rtnl, ndo_stop, phylink_stop"));
        l.add(op("ethtool_get_module_info", "ethtool -m (ioctl ETHTOOL_GMODULEINFO under rtnl) through netdev->sfp_bus"));
        l.add(op("ethtool_get_module_eeprom", "ethtool -m (ioctl ETHTOOL_GMODULEEEPROM under rtnl): module info, then I2C EEPROM reads"));
        l.add(op("ethtool_get_module_eeprom_netlink", "ETHTOOL_MSG_MODULE_EEPROM_GET (netlink, rtnl in ethnl_default_doit): one EEPROM page"));
        l.add(op("ethtool_ksettings_get", "ethtool eth0 (ETHTOOL_GLINKSETTINGS under rtnl): phylink_ethtool_ksettings_get"));
        l.add(op("ethtool_ksettings_set", "ethtool -s eth0 (ETHTOOL_SLINKSETTINGS under rtnl): phylink_ethtool_ksettings_set"));
        l.add(op("ethtool_get_phy_stats", "ethtool --phy-statistics (ioctl under rtnl): reads netdev->phydev, takes phydev->lock"));
        l.add(op("ethtool_linkstate_get", "ETHTOOL_MSG_LINKSTATE_GET (netlink under rtnl): linkstate_get_sqi reads netdev->phydev"));
        l.add(new OpInfo("module_plug", "hardware: insert a module; MOD_DEF0 goes active and interrupts",
                List.of(new OpInfo.Param("type", "the module kind", SfpModuleType.keys(), SfpModuleType.defaultType().key()))));
        l.add(op("module_unplug", "hardware: pull the module out; MOD_DEF0 goes inactive and interrupts"));
        l.add(op("los_set", "hardware: the module loses the received signal (LOS asserted)"));
        l.add(op("los_clear", "hardware: the received signal returns (LOS deasserted)"));
        l.add(op("tx_fault_set", "hardware: the module signals a transmitter fault"));
        l.add(op("tx_fault_clear", "hardware: the module stops signalling a transmitter fault"));
        l.add(op("deferred_probe_trigger", "another driver binds somewhere: driver_deferred_probe_trigger retries deferred devices"));
        l.add(op("rtnl_lock", "take rtnl_mutex in this thread (as a driver such as DPAA2 does around its own calls)"));
        l.add(op("rtnl_unlock", "release rtnl_mutex taken by rtnl_lock in this thread"));
        l.add(new OpInfo("rtnl_hold", "take rtnl_mutex, hold it for ms of virtual time, release it (another rtnl user: a busy "
                + "netlink request, another driver); only --timing timed gives the hold a length",
                List.of(OpInfo.Param.number("ms", "how long rtnl is held, in virtual milliseconds", 1, RTNL_HOLD_MAX_MS))));
        l.add(op("settle", "wait until no work item, timer or IRQ thread is pending or running"));
        l.add(new OpInfo("delay", "this thread lets ms of virtual time pass before its next op (a user, the hardware or another "
                + "driver acting later); only --timing timed gives it a length",
                List.of(OpInfo.Param.number("ms", "how long, in virtual milliseconds", 1, RTNL_HOLD_MAX_MS))));
        l.add(new OpInfo("model_option", "turn on a model option for this execution (setup only)",
                List.of(new OpInfo.Param("name", "the option", OPTIONS, null))));
        return List.copyOf(l);
    }

    private static OpInfo op(String name, String description) {
        return new OpInfo(name, description, List.of());
    }

    /** Runs one op in the calling task. */
    static void execute(OpCall call) {
        World w = World.get();
        Map<String, String> a = call.args();
        switch (call.op()) {
            case "sfp_probe" -> Dd.deviceDriverAttach(Sfp.SFP_DRIVER, w.cage.pdev());
            case "sfp_remove" -> Dd.deviceReleaseDriver(w.cage.pdev());
            case "mac_probe" -> Dd.deviceDriverAttach(MacDriver.DRIVER, w.mac);
            case "mac_remove" -> Dd.deviceReleaseDriver(w.mac);
            case "phylink_create" -> MacDriver.macCreatePhylink(w.mac);
            case "phylink_destroy" -> MacDriver.macDestroyPhylink(w.mac);
            case "register_netdev" -> {
                MacPort pp = w.mac.driverData.get("mvneta_probe");
                if (pp != null) {
                    Dev.registerNetdev(pp.dev);
                }
            }
            case "unregister_netdev" -> {
                MacPort pp = w.mac.driverData.get("mvneta_remove");
                if (pp != null) {
                    Dev.unregisterNetdev(pp.dev);
                }
            }
            case "dpaa2_eth_probe" -> Dd.deviceDriverAttach(Dpaa2Eth.DRIVER, w.dpni);
            case "dpaa2_mac_connect" -> {
                w.dpni.endpoint.set(w.dpmac, "restool");
                Dpaa2Eth.dpniEndpointChanged(w.dpni);
            }
            case "dpaa2_mac_disconnect" -> {
                w.dpni.endpoint.set(null, "restool");
                Dpaa2Eth.dpniEndpointChanged(w.dpni);
            }
            case "ndo_open" -> Dev.devChangeFlags(World.IFNAME, true);
            case "ndo_stop" -> Dev.devChangeFlags(World.IFNAME, false);
            case "ethtool_get_module_info" -> Ioctl.devEthtool(World.IFNAME, Ioctl.Cmd.GMODULEINFO);
            case "ethtool_get_module_eeprom" -> Ioctl.devEthtool(World.IFNAME, Ioctl.Cmd.GMODULEEEPROM);
            case "ethtool_get_module_eeprom_netlink" -> Netlink.ethnlDefaultDoit(World.IFNAME, Netlink.Request.MODULE_EEPROM_GET);
            case "ethtool_ksettings_get" -> Ioctl.devEthtool(World.IFNAME, Ioctl.Cmd.GLINKSETTINGS);
            case "ethtool_ksettings_set" -> Ioctl.devEthtool(World.IFNAME, Ioctl.Cmd.SLINKSETTINGS);
            case "ethtool_get_phy_stats" -> Ioctl.devEthtool(World.IFNAME, Ioctl.Cmd.GPHYSTATS);
            case "ethtool_linkstate_get" -> Netlink.ethnlDefaultDoit(World.IFNAME, Netlink.Request.LINKSTATE_GET);
            case "module_plug" -> w.cage.modulePlug(SfpModuleType.fromKey(a.getOrDefault("type", SfpModuleType.defaultType().key())));
            case "module_unplug" -> w.cage.moduleUnplug();
            case "los_set" -> w.cage.losSet();
            case "los_clear" -> w.cage.losClear();
            case "tx_fault_set" -> w.cage.txFaultSet();
            case "tx_fault_clear" -> w.cage.txFaultClear();
            case "deferred_probe_trigger" -> Dd.driverDeferredProbeTrigger();
            case "rtnl_lock" -> Rtnetlink.rtnlLock("rtnl_lock");
            case "rtnl_unlock" -> Rtnetlink.rtnlUnlock("rtnl_lock");
            case "rtnl_hold" -> {
                // Another rtnl user: it calls rtnl_lock() (the same site as the rtnl_lock op), works for ms, unlocks.
                Rtnetlink.rtnlLock("rtnl_lock");
                Env.current().sleep(Long.parseLong(a.get("ms")), "rtnl_hold");
                Rtnetlink.rtnlUnlock("rtnl_lock");
            }
            case "settle" -> Env.current().settle();
            case "delay" -> Env.current().sleep(Long.parseLong(a.get("ms")), "delay");
            case "model_option" -> Kernel.get().setOption(a.get("name"), true);
            default -> throw new IllegalArgumentException("op '" + call.op() + "' is not in the catalogue");
        }
    }
}
