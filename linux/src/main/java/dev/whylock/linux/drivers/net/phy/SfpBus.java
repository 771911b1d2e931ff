package dev.whylock.linux.drivers.net.phy;

import dev.whylock.engine.Env;
import dev.whylock.engine.Field;
import dev.whylock.engine.Obj;
import dev.whylock.linux.drivers.base.Device;
import dev.whylock.linux.drivers.base.Fwnode;
import dev.whylock.linux.kernel.Kernel;
import dev.whylock.linux.kernel.KernelMutex;
import dev.whylock.linux.kernel.Slab;
import dev.whylock.linux.net.core.Rtnetlink;
import dev.whylock.linux.net.ethtool.EthtoolModinfo;
import dev.whylock.linux.net.ethtool.EthtoolModuleEeprom;
import java.util.ArrayList;
import java.util.List;

/**
 * drivers/net/phy/sfp-bus.c: the bus between an SFP cage (socket) and its upstream (phylink or a
 * PHY). Every function is a static method named after the kernel function; functions run in the
 * caller's context unless they say they take a lock.
 */
/*
 * The registry (sfp_buses under sfp_mutex) and every bus field other than kref are tracked state.
 * In v5.14 no function here asserts rtnl: callers hold it by convention, which is exactly what
 * the lock experiments probe.
 *
 * Model option sfp-bus-private-lock builds the alternative of the 2021 thread as Russell King
 * described it (5 Sep 2021, YTQAdJDMnPqbpxKk@shell.armlinux.org.uk): "the sfp-bus layer uses its own
 * private mutex ... taken whenever either side calls one of the interface functions". Every entry
 * point below takes bus->lock: add/del upstream and (un)register socket instead of rtnl, and the
 * ethtool call-throughs, sfp_upstream_start/stop and the socket->upstream calls, which took nothing.
 * sfp.c then no longer takes rtnl (it took rtnl only for the bus), and phylink takes rtnl itself
 * where netdev->phydev changes (phylink_sfp_connect_phy / phylink_sfp_disconnect_phy).
 * The proposal does not say what happens when the bus calls a side with the lock held and that side
 * calls back in (sfp_register_bus -> sfp_attach -> DEV_ATTACH -> sfp_module_insert): a plain mutex
 * would self-deadlock at the first DEV_ATTACH with a module waiting, which no implementer would
 * ship, so the task that holds the lock does not take it again (sfpBusLock).
 */
public final class SfpBus {
    private SfpBus() {}

    /** The model option for the 2021 private sfp-bus lock (see the class comment). */
    public static final String OPTION_PRIVATE_LOCK = "sfp-bus-private-lock";

    /** Whether the 2021 proposal (a private bus->lock instead of rtnl) is modelled in this execution. */
    public static boolean privateLock() {
        return Kernel.get().option(OPTION_PRIVATE_LOCK);
    }

    /**
     * Takes {@code bus->lock} at an entry point when the option is on, unless the calling task
     * already holds it (a callback the bus made with the lock held calling back in). Returns
     * whether it was taken, for {@link #sfpBusUnlock}.
     */
    private static boolean sfpBusLock(SfpBusStruct bus, String site) {
        if (bus.lock == null || Env.current().taskName().equals(bus.lockOwner)) {
            return false;
        }
        bus.lock.lock(site);
        bus.lockOwner = Env.current().taskName();
        return true;
    }

    /**
     * The lock of the registration entry points: rtnl, or bus->lock with the option (never
     * re-entered: nothing calls them from inside a bus callback).
     */
    private static void registrationLock(SfpBusStruct bus, String site) {
        if (bus.lock == null) {
            Rtnetlink.rtnlLock(site);
        } else {
            bus.lock.lock(site);
            bus.lockOwner = Env.current().taskName();
        }
    }

    private static void registrationUnlock(SfpBusStruct bus, String site) {
        if (bus.lock == null) {
            Rtnetlink.rtnlUnlock(site);
        } else {
            sfpBusUnlock(bus, true, site);
        }
    }

    private static void sfpBusUnlock(SfpBusStruct bus, boolean taken, String site) {
        if (taken) {
            bus.lockOwner = null;
            bus.lock.unlock(site);
        }
    }

    /** The module's interface as chosen by sfp_select_interface(). */
    public enum PhyInterface { NA, SGMII, BASEX_1000 }

    /** Link-mode bit masks used by sfp_parse_support() (a subset of ethtool link modes). */
    public static final long LINK_1000BASEX = 1L;
    public static final long LINK_1000BASET = 1L << 1;
    public static final long LINK_PAUSE = 1L << 2;

    private static KernelMutex sfpMutex() {
        return Kernel.get().global("sfp_mutex", () -> new KernelMutex("sfp_mutex"));
    }

    private static Field<List<SfpBusStruct>> sfpBuses() {
        return Kernel.get().global("sfp_buses", () -> Env.current().<List<SfpBusStruct>>field("sfp_buses", List.of()));
    }

    /** A call through a NULL ops pointer is the kernel's NULL dereference. */
    private static <T> T ops(T ops, String what) {
        if (ops == null) {
            Env.current().deref(null, what);
        }
        return ops;
    }

    /** The registry's buses without a visible operation (invariants, tests). */
    public static List<SfpBusStruct> busesPeek() {
        return sfpBuses().peek();
    }

    // ------------------------------------------------------------------ module parsing

    /**
     * Parses the link modes the module supports.
     *
     * <p>Kernel: drivers/net/phy/sfp-bus.c sfp_parse_support() (v5.14)
     * <p>Context: caller's (phylink_sfp_module_insert: rtnl + sm); pure
     */
    public static long sfpParseSupport(SfpBusStruct bus, SfpEepromId id) {
        long modes = LINK_PAUSE;
        if (id.e1000BaseT()) {
            modes |= LINK_1000BASET;
        }
        if (id.e1000BaseX() || id.passiveCable()) {
            modes |= LINK_1000BASEX;
        }
        return modes;
    }

    /**
     * Kernel: drivers/net/phy/sfp-bus.c sfp_may_have_phy() (v5.14): a copper SGMII module may
     * have a PHY that attaches later.
     * <p>Context: caller's; pure
     */
    public static boolean sfpMayHavePhy(SfpBusStruct bus, SfpEepromId id) {
        return id.e1000BaseT();
    }

    /**
     * Kernel: drivers/net/phy/sfp-bus.c sfp_select_interface() (v5.14)
     * <p>Context: caller's; pure
     */
    public static PhyInterface sfpSelectInterface(SfpBusStruct bus, long linkModes) {
        if ((linkModes & LINK_1000BASET) != 0) {
            return PhyInterface.SGMII;
        }
        if ((linkModes & LINK_1000BASEX) != 0) {
            return PhyInterface.BASEX_1000;
        }
        return PhyInterface.NA;
    }

    // ------------------------------------------------------------------ registry

    /**
     * Returns the upstream ops only while the bus is registered.
     *
     * <p>Kernel: drivers/net/phy/sfp-bus.c sfp_get_upstream_ops() (v5.14)
     * <p>Context: caller's (state machine: rtnl + sm)
     */
    static SfpUpstreamOps sfpGetUpstreamOps(SfpBusStruct bus) {
        return bus.registered.get("sfp_get_upstream_ops") ? bus.upstream_ops.get("sfp_get_upstream_ops") : null;
    }

    /**
     * Finds or creates the bus for a cage node; the allocation happens before the lock and a spare
     * is freed after it.
     *
     * <p>Kernel: drivers/net/phy/sfp-bus.c sfp_bus_get() (v5.14)
     * <p>Context: takes sfp_mutex
     */
    static SfpBusStruct sfpBusGet(Fwnode fwnode) {
        SfpBusStruct nw = new SfpBusStruct(fwnode);
        SfpBusStruct found = null;
        KernelMutex m = sfpMutex();
        m.lock("sfp_bus_get");
        List<SfpBusStruct> buses = sfpBuses().get("sfp_bus_get");
        for (SfpBusStruct b : buses) {
            if (b.fwnode == fwnode) {
                b.kref.get("sfp_bus_get");
                found = b;
                break;
            }
        }
        if (found == null) {
            List<SfpBusStruct> n = new ArrayList<>(buses);
            n.add(0, nw);
            sfpBuses().set(List.copyOf(n), "sfp_bus_get");
            found = nw;
            nw = null;
        }
        m.unlock("sfp_bus_get");
        if (nw != null) {
            Slab.kfree(nw, "sfp_bus_get");
        }
        return found;
    }

    /**
     * The last reference is gone: unlink, unlock sfp_mutex (taken by kref_put_mutex) and free.
     *
     * <p>Kernel: drivers/net/phy/sfp-bus.c sfp_bus_release() (v5.14)
     * <p>Context: called with sfp_mutex held; releases it
     */
    static void sfpBusRelease(SfpBusStruct bus) {
        List<SfpBusStruct> n = new ArrayList<>(sfpBuses().get("sfp_bus_release"));
        n.remove(bus);
        sfpBuses().set(List.copyOf(n), "sfp_bus_release");
        sfpMutex().unlock("sfp_bus_release");
        Slab.kfree(bus, "sfp_bus_release");
    }

    /**
     * Drops a reference; the last one frees the bus under sfp_mutex.
     *
     * <p>Kernel: drivers/net/phy/sfp-bus.c sfp_bus_put() (v5.14)
     * <p>Context: may take sfp_mutex (kref_put_mutex)
     */
    public static void sfpBusPut(SfpBusStruct bus) {
        if (bus != null) {
            bus.kref.putMutex(() -> sfpBusRelease(bus), sfpMutex(), "sfp_bus_put");
        }
    }

    /**
     * Registers the bus once both sides are present, in the kernel's order: link_down,
     * connect_phy (if a module PHY exists), registered = true, socket attach, socket start (if
     * started), upstream attach.
     *
     * <p>Kernel: drivers/net/phy/sfp-bus.c sfp_register_bus() (v5.14)
     * <p>Context: rtnl held by the caller (not asserted in v5.14)
     */
    static int sfpRegisterBus(SfpBusStruct bus) {
        SfpUpstreamOps ops = bus.upstream_ops.get("sfp_register_bus");
        if (ops != null) {
            Obj upstream = bus.upstream.get("sfp_register_bus");
            ops.linkDown(upstream);
            PhyDeviceStruct phydev = bus.phydev.get("sfp_register_bus");
            if (ops.hasConnectPhy() && phydev != null) {
                int ret = ops.connectPhy(upstream, phydev);
                if (ret != 0) {
                    return ret;
                }
            }
        }
        bus.registered.set(Boolean.TRUE, "sfp_register_bus");
        SfpSocketOps sops = ops(bus.socket_ops.get("sfp_register_bus"), "bus->socket_ops");
        Obj sfp = bus.sfp.get("sfp_register_bus");
        Env.current().deref(sfp, "bus->sfp");
        sops.attach(sfp);
        if (bus.started.get("sfp_register_bus")) {
            sops.start(sfp);
        }
        SfpUpstreamOps uops = ops(bus.upstream_ops.get("sfp_register_bus"), "bus->upstream_ops");
        uops.attach(bus.upstream.get("sfp_register_bus"), bus);
        return 0;
    }

    /**
     * Unregisters the bus: upstream detach, socket stop (if started), socket detach, disconnect
     * the module PHY; then registered = false.
     *
     * <p>Kernel: drivers/net/phy/sfp-bus.c sfp_unregister_bus() (v5.14)
     * <p>Context: rtnl held by the caller (not asserted in v5.14)
     */
    static void sfpUnregisterBus(SfpBusStruct bus) {
        SfpUpstreamOps ops = bus.upstream_ops.get("sfp_unregister_bus");
        if (bus.registered.get("sfp_unregister_bus")) {
            Obj upstream = bus.upstream.get("sfp_unregister_bus");
            ops(bus.upstream_ops.get("sfp_unregister_bus"), "bus->upstream_ops").detach(upstream, bus);
            SfpSocketOps sops = ops(bus.socket_ops.get("sfp_unregister_bus"), "bus->socket_ops");
            Obj sfp = bus.sfp.get("sfp_unregister_bus");
            Env.current().deref(sfp, "bus->sfp");
            if (bus.started.get("sfp_unregister_bus")) {
                sops.stop(sfp);
            }
            sops.detach(sfp);
            if (bus.phydev.get("sfp_unregister_bus") != null && ops != null && ops.hasConnectPhy()) {
                ops.disconnectPhy(upstream);
            }
        }
        bus.registered.set(Boolean.FALSE, "sfp_unregister_bus");
    }

    // ------------------------------------------------------------------ network side

    /**
     * Kernel: drivers/net/phy/sfp-bus.c sfp_get_module_info() (v5.14)
     * <p>Context: rtnl held by the caller (ethtool); not asserted; option sfp-bus-private-lock:
     * bus->lock (sfpBusLock), so ethtool nests rtnl -> bus->lock
     */
    public static int sfpGetModuleInfo(SfpBusStruct bus, EthtoolModinfo modinfo) {
        Env.current().deref(bus, "dev->sfp_bus");
        boolean locked = sfpBusLock(bus, "sfp_get_module_info");
        SfpSocketOps ops = bus.socket_ops.get("sfp_get_module_info");
        Obj sfp = bus.sfp.get("sfp_get_module_info");
        if (ops == null) {
            Env.current().deref(null, "bus->socket_ops");
        }
        Env.current().deref(sfp, "bus->sfp");
        int ret = ops.moduleInfo(sfp, modinfo);
        sfpBusUnlock(bus, locked, "sfp_get_module_info");
        return ret;
    }

    /**
     * Kernel: drivers/net/phy/sfp-bus.c sfp_get_module_eeprom() (v5.14)
     * <p>Context: rtnl held by the caller (ethtool); the socket op sleeps in I2C; option
     * sfp-bus-private-lock: bus->lock held across the call (sfpBusLock)
     */
    public static int sfpGetModuleEeprom(SfpBusStruct bus, EthtoolModuleEeprom ee) {
        Env.current().deref(bus, "dev->sfp_bus");
        boolean locked = sfpBusLock(bus, "sfp_get_module_eeprom");
        SfpSocketOps ops = bus.socket_ops.get("sfp_get_module_eeprom");
        Obj sfp = bus.sfp.get("sfp_get_module_eeprom");
        if (ops == null) {
            Env.current().deref(null, "bus->socket_ops");
        }
        Env.current().deref(sfp, "bus->sfp");
        int ret = ops.moduleEeprom(sfp, ee);
        sfpBusUnlock(bus, locked, "sfp_get_module_eeprom");
        return ret;
    }

    /**
     * Kernel: drivers/net/phy/sfp-bus.c sfp_get_module_eeprom_by_page() (v5.14)
     * <p>Context: rtnl held by the caller (ethtool netlink); the socket op sleeps in I2C; option
     * sfp-bus-private-lock: bus->lock held across the call (sfpBusLock)
     */
    public static int sfpGetModuleEepromByPage(SfpBusStruct bus, EthtoolModuleEeprom page) {
        Env.current().deref(bus, "dev->sfp_bus");
        boolean locked = sfpBusLock(bus, "sfp_get_module_eeprom_by_page");
        SfpSocketOps ops = bus.socket_ops.get("sfp_get_module_eeprom_by_page");
        Obj sfp = bus.sfp.get("sfp_get_module_eeprom_by_page");
        if (ops == null) {
            Env.current().deref(null, "bus->socket_ops");
        }
        Env.current().deref(sfp, "bus->sfp");
        int ret = ops.moduleEepromByPage(sfp, page);
        sfpBusUnlock(bus, locked, "sfp_get_module_eeprom_by_page");
        return ret;
    }

    /**
     * Tells the cage the netdev is up (DEV_UP when registered) and records {@code started}.
     *
     * <p>Kernel: drivers/net/phy/sfp-bus.c sfp_upstream_start() (v5.14)
     * <p>Context: rtnl held by the caller (phylink_start; phy_start also holds phydev->lock);
     * option sfp-bus-private-lock: bus->lock (sfpBusLock)
     */
    public static void sfpUpstreamStart(SfpBusStruct bus) {
        boolean locked = sfpBusLock(bus, "sfp_upstream_start");
        if (bus.registered.get("sfp_upstream_start")) {
            SfpSocketOps ops = ops(bus.socket_ops.get("sfp_upstream_start"), "bus->socket_ops");
            ops.start(Env.current().deref(bus.sfp.get("sfp_upstream_start"), "bus->sfp"));
        }
        bus.started.set(Boolean.TRUE, "sfp_upstream_start");
        sfpBusUnlock(bus, locked, "sfp_upstream_start");
    }

    /**
     * Tells the cage the netdev is down (DEV_DOWN when registered) and clears {@code started}.
     *
     * <p>Kernel: drivers/net/phy/sfp-bus.c sfp_upstream_stop() (v5.14)
     * <p>Context: rtnl held by the caller (phylink_stop; phy_stop also holds phydev->lock);
     * option sfp-bus-private-lock: bus->lock (sfpBusLock)
     */
    public static void sfpUpstreamStop(SfpBusStruct bus) {
        boolean locked = sfpBusLock(bus, "sfp_upstream_stop");
        if (bus.registered.get("sfp_upstream_stop")) {
            SfpSocketOps ops = ops(bus.socket_ops.get("sfp_upstream_stop"), "bus->socket_ops");
            ops.stop(Env.current().deref(bus.sfp.get("sfp_upstream_stop"), "bus->sfp"));
        }
        bus.started.set(Boolean.FALSE, "sfp_upstream_stop");
        sfpBusUnlock(bus, locked, "sfp_upstream_stop");
    }

    /**
     * Tells the cage the signalling rate phylink's major config chose.
     *
     * <p>Kernel: drivers/net/phy/sfp-bus.c sfp_upstream_set_signal_rate() (v6.5)
     * <p>Context: "Locks that may be held: Phylink's state_mutex, rtnl lock, SFP's sm_mutex";
     * the socket op takes sfp->st_mutex; option sfp-bus-private-lock: bus->lock (sfpBusLock)
     */
    public static void sfpUpstreamSetSignalRate(SfpBusStruct bus, int rateKbd) {
        boolean locked = sfpBusLock(bus, "sfp_upstream_set_signal_rate");
        if (bus.registered.get("sfp_upstream_set_signal_rate")) {
            SfpSocketOps ops = ops(bus.socket_ops.get("sfp_upstream_set_signal_rate"), "bus->socket_ops");
            ops.setSignalRate(Env.current().deref(bus.sfp.get("sfp_upstream_set_signal_rate"), "bus->sfp"), rateKbd);
        }
        sfpBusUnlock(bus, locked, "sfp_upstream_set_signal_rate");
    }

    /**
     * Kernel: drivers/net/phy/sfp-bus.c sfp_upstream_clear() (v5.14)
     * <p>Context: rtnl held by the caller
     */
    static void sfpUpstreamClear(SfpBusStruct bus) {
        bus.upstream_ops.set(null, "sfp_upstream_clear");
        bus.upstream.set(null, "sfp_upstream_clear");
    }

    /**
     * Looks up the bus named by the node's {@code sfp} property, taking a reference.
     *
     * <p>Kernel: drivers/net/phy/sfp-bus.c sfp_bus_find_fwnode() (v5.14)
     * <p>Context: sfp_mutex in sfp_bus_get
     */
    public static SfpBusStruct sfpBusFindFwnode(Fwnode fwnode) {
        Fwnode ref = fwnode == null ? null : fwnode.sfpReference();
        if (ref == null || !ref.available()) {
            return null;
        }
        return sfpBusGet(ref);
    }

    /**
     * Publishes the upstream and registers the bus if the cage is already there.
     *
     * <p>Kernel: drivers/net/phy/sfp-bus.c sfp_bus_add_upstream() (v5.14)
     * <p>Context: takes rtnl_mutex (option sfp-bus-private-lock: takes bus->lock instead); the
     * error put runs after the unlock
     */
    public static int sfpBusAddUpstream(SfpBusStruct bus, Obj upstream, SfpUpstreamOps ops) {
        if (bus == null) {
            return 0;
        }
        registrationLock(bus, "sfp_bus_add_upstream");
        bus.kref.get("sfp_bus_add_upstream");
        bus.upstream_ops.set(ops, "sfp_bus_add_upstream");
        bus.upstream.set(upstream, "sfp_bus_add_upstream");
        int ret = 0;
        if (bus.sfp.get("sfp_bus_add_upstream") != null) {
            ret = sfpRegisterBus(bus);
            if (ret != 0) {
                sfpUpstreamClear(bus);
            }
        }
        registrationUnlock(bus, "sfp_bus_add_upstream");
        if (ret != 0) {
            sfpBusPut(bus);
        }
        return ret;
    }

    /**
     * Unregisters the bus if the cage is there and withdraws the upstream.
     *
     * <p>Kernel: drivers/net/phy/sfp-bus.c sfp_bus_del_upstream() (v5.14)
     * <p>Context: takes rtnl_mutex (option sfp-bus-private-lock: takes bus->lock instead); then
     * sfp_bus_put (may take sfp_mutex) after unlocking
     */
    public static void sfpBusDelUpstream(SfpBusStruct bus) {
        if (bus != null) {
            registrationLock(bus, "sfp_bus_del_upstream");
            if (bus.sfp.get("sfp_bus_del_upstream") != null) {
                sfpUnregisterBus(bus);
            }
            sfpUpstreamClear(bus);
            registrationUnlock(bus, "sfp_bus_del_upstream");
            sfpBusPut(bus);
        }
    }

    // ------------------------------------------------------------------ socket side (called by sfp.c)

    /**
     * Connects a module PHY to the upstream and records it on success.
     *
     * <p>Kernel: drivers/net/phy/sfp-bus.c sfp_add_phy() (v5.14)
     * <p>Context: state machine (rtnl + sfp->sm_mutex); option sfp-bus-private-lock: bus->lock
     * (sfpBusLock), then phylink takes rtnl to change netdev->phydev, so bus->lock -> rtnl
     */
    public static int sfpAddPhy(SfpBusStruct bus, PhyDeviceStruct phydev) {
        Env.current().deref(bus, "sfp->sfp_bus");
        boolean locked = sfpBusLock(bus, "sfp_add_phy");
        SfpUpstreamOps ops = sfpGetUpstreamOps(bus);
        int ret = 0;
        if (ops != null && ops.hasConnectPhy()) {
            ret = ops.connectPhy(bus.upstream.get("sfp_add_phy"), phydev);
        }
        if (ret == 0) {
            bus.phydev.set(phydev, "sfp_add_phy");
        }
        sfpBusUnlock(bus, locked, "sfp_add_phy");
        return ret;
    }

    /**
     * Disconnects the module PHY from the upstream and forgets it.
     *
     * <p>Kernel: drivers/net/phy/sfp-bus.c sfp_remove_phy() (v5.14)
     * <p>Context: state machine (rtnl + sfp->sm_mutex); option sfp-bus-private-lock: bus->lock
     * (sfpBusLock), then phylink takes rtnl to change netdev->phydev, so bus->lock -> rtnl
     */
    public static void sfpRemovePhy(SfpBusStruct bus) {
        Env.current().deref(bus, "sfp->sfp_bus");
        boolean locked = sfpBusLock(bus, "sfp_remove_phy");
        SfpUpstreamOps ops = sfpGetUpstreamOps(bus);
        if (ops != null && ops.hasConnectPhy()) {
            ops.disconnectPhy(bus.upstream.get("sfp_remove_phy"));
        }
        bus.phydev.set(null, "sfp_remove_phy");
        sfpBusUnlock(bus, locked, "sfp_remove_phy");
    }

    /**
     * Kernel: drivers/net/phy/sfp-bus.c sfp_link_up() (v5.14)
     * <p>Context: state machine (rtnl + sfp->sm_mutex); option sfp-bus-private-lock: bus->lock (sfpBusLock)
     */
    public static void sfpLinkUp(SfpBusStruct bus) {
        Env.current().deref(bus, "sfp->sfp_bus");
        boolean locked = sfpBusLock(bus, "sfp_link_up");
        SfpUpstreamOps ops = sfpGetUpstreamOps(bus);
        if (ops != null) {
            ops.linkUp(bus.upstream.get("sfp_link_up"));
        }
        sfpBusUnlock(bus, locked, "sfp_link_up");
    }

    /**
     * Kernel: drivers/net/phy/sfp-bus.c sfp_link_down() (v5.14)
     * <p>Context: state machine (rtnl + sfp->sm_mutex); option sfp-bus-private-lock: bus->lock (sfpBusLock)
     */
    public static void sfpLinkDown(SfpBusStruct bus) {
        Env.current().deref(bus, "sfp->sfp_bus");
        boolean locked = sfpBusLock(bus, "sfp_link_down");
        SfpUpstreamOps ops = sfpGetUpstreamOps(bus);
        if (ops != null) {
            ops.linkDown(bus.upstream.get("sfp_link_down"));
        }
        sfpBusUnlock(bus, locked, "sfp_link_down");
    }

    /**
     * Kernel: drivers/net/phy/sfp-bus.c sfp_module_insert() (v5.14)
     * <p>Context: state machine (rtnl + sfp->sm_mutex); option sfp-bus-private-lock: bus->lock (sfpBusLock)
     */
    public static int sfpModuleInsert(SfpBusStruct bus, SfpEepromId id) {
        Env.current().deref(bus, "sfp->sfp_bus");
        boolean locked = sfpBusLock(bus, "sfp_module_insert");
        SfpUpstreamOps ops = sfpGetUpstreamOps(bus);
        int ret = 0;
        if (ops != null) {
            ret = ops.moduleInsert(bus.upstream.get("sfp_module_insert"), id);
        }
        sfpBusUnlock(bus, locked, "sfp_module_insert");
        return ret;
    }

    /**
     * Kernel: drivers/net/phy/sfp-bus.c sfp_module_remove() (v5.14)
     * <p>Context: state machine (rtnl + sfp->sm_mutex); option sfp-bus-private-lock: bus->lock (sfpBusLock)
     */
    public static void sfpModuleRemove(SfpBusStruct bus) {
        Env.current().deref(bus, "sfp->sfp_bus");
        boolean locked = sfpBusLock(bus, "sfp_module_remove");
        SfpUpstreamOps ops = sfpGetUpstreamOps(bus);
        if (ops != null) {
            ops.moduleRemove(bus.upstream.get("sfp_module_remove"));
        }
        sfpBusUnlock(bus, locked, "sfp_module_remove");
    }

    /**
     * Kernel: drivers/net/phy/sfp-bus.c sfp_module_start() (v5.14)
     * <p>Context: state machine (rtnl + sfp->sm_mutex); option sfp-bus-private-lock: bus->lock (sfpBusLock)
     */
    public static int sfpModuleStart(SfpBusStruct bus) {
        Env.current().deref(bus, "sfp->sfp_bus");
        boolean locked = sfpBusLock(bus, "sfp_module_start");
        SfpUpstreamOps ops = sfpGetUpstreamOps(bus);
        int ret = 0;
        if (ops != null) {
            ret = ops.moduleStart(bus.upstream.get("sfp_module_start"));
        }
        sfpBusUnlock(bus, locked, "sfp_module_start");
        return ret;
    }

    /**
     * Kernel: drivers/net/phy/sfp-bus.c sfp_module_stop() (v5.14)
     * <p>Context: state machine (rtnl + sfp->sm_mutex); option sfp-bus-private-lock: bus->lock (sfpBusLock)
     */
    public static void sfpModuleStop(SfpBusStruct bus) {
        Env.current().deref(bus, "sfp->sfp_bus");
        boolean locked = sfpBusLock(bus, "sfp_module_stop");
        SfpUpstreamOps ops = sfpGetUpstreamOps(bus);
        if (ops != null) {
            ops.moduleStop(bus.upstream.get("sfp_module_stop"));
        }
        sfpBusUnlock(bus, locked, "sfp_module_stop");
    }

    /**
     * Kernel: drivers/net/phy/sfp-bus.c sfp_socket_clear() (v5.14)
     * <p>Context: rtnl held by the caller
     */
    static void sfpSocketClear(SfpBusStruct bus) {
        bus.sfp_dev.set(null, "sfp_socket_clear");
        bus.sfp.set(null, "sfp_socket_clear");
        bus.socket_ops.set(null, "sfp_socket_clear");
    }

    /**
     * Publishes the cage on its bus and registers the bus if the upstream is already there.
     *
     * <p>Kernel: drivers/net/phy/sfp-bus.c sfp_register_socket() (v5.14)
     * <p>Context: sfp_mutex in sfp_bus_get; takes rtnl_mutex (after sfp_mutex is released; option
     * sfp-bus-private-lock: takes bus->lock instead)
     */
    public static SfpBusStruct sfpRegisterSocket(Device dev, Obj sfp, SfpSocketOps ops) {
        SfpBusStruct bus = sfpBusGet(dev.fwnode());
        int ret = 0;
        if (bus != null) {
            registrationLock(bus, "sfp_register_socket");
            bus.sfp_dev.set(dev, "sfp_register_socket");
            bus.sfp.set(sfp, "sfp_register_socket");
            bus.socket_ops.set(ops, "sfp_register_socket");
            if (bus.upstream_ops.get("sfp_register_socket") != null) {
                ret = sfpRegisterBus(bus);
                if (ret != 0) {
                    sfpSocketClear(bus);
                }
            }
            registrationUnlock(bus, "sfp_register_socket");
        }
        if (ret != 0) {
            sfpBusPut(bus);
            bus = null;
        }
        return bus;
    }

    /**
     * Unregisters the bus if the upstream is there, withdraws the cage and drops its reference.
     *
     * <p>Kernel: drivers/net/phy/sfp-bus.c sfp_unregister_socket() (v5.14)
     * <p>Context: takes rtnl_mutex (option sfp-bus-private-lock: takes bus->lock instead); then
     * sfp_bus_put (may take sfp_mutex) after unlocking
     */
    public static void sfpUnregisterSocket(SfpBusStruct bus) {
        registrationLock(bus, "sfp_unregister_socket");
        if (bus.upstream_ops.get("sfp_unregister_socket") != null) {
            sfpUnregisterBus(bus);
        }
        sfpSocketClear(bus);
        registrationUnlock(bus, "sfp_unregister_socket");
        sfpBusPut(bus);
    }
}
