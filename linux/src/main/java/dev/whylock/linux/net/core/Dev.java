package dev.whylock.linux.net.core;

import dev.whylock.engine.Env;
import dev.whylock.engine.Field;
import dev.whylock.linux.kernel.Bug;
import dev.whylock.linux.kernel.Kernel;
import dev.whylock.linux.kernel.Rcu;
import java.util.ArrayList;
import java.util.List;
import dev.whylock.linux.kernel.Errno;
import dev.whylock.linux.kernel.Slab;

/** net/core/dev.c: registering, opening and closing network devices. */
public final class Dev {
    private Dev() {}

    /** The global list of registered devices ({@code net->dev_base_head}), written under rtnl. */
    // Written under rtnl; read under rtnl or RCU (dev_get_by_name). The list is replaced as a whole,
    // as an RCU-published pointer, so the field is an atomic one for the analyses.
    private static Field<List<NetDevice>> devBase() {
        return Kernel.get().global("dev_base_head", () -> Env.current().<List<NetDevice>>field("dev_base_head", List.of()).atomic());
    }

    /**
     * Looks a device up by name under RCU and takes a reference, so it stays allocated (though it
     * may be unregistered) until dev_put.
     *
     * <p>Kernel: net/core/dev.c dev_get_by_name() (v5.14)
     * <p>Context: any; an RCU read-side section around the lookup and dev_hold
     */
    public static NetDevice devGetByName(String name) {
        Rcu.rcuReadLock("dev_get_by_name");
        NetDevice found = null;
        for (NetDevice d : devBase().get("dev_get_by_name")) {
            if (d.name().equals(name)) {
                devHold(d, "dev_get_by_name");
                found = d;
                break;
            }
        }
        Rcu.rcuReadUnlock("dev_get_by_name");
        return found;
    }

    /**
     * Kernel: include/linux/netdevice.h dev_hold() (v5.14)
     * <p>Context: any (per-cpu refcount)
     */
    public static void devHold(NetDevice dev, String site) {
        Env.current().deref(dev, "dev");
        dev.refcnt.update(n -> n + 1, site);
    }

    /**
     * Drops a reference; the last one lets netdev_wait_allrefs finish.
     *
     * <p>Kernel: include/linux/netdevice.h dev_put() (v5.14)
     * <p>Context: any
     */
    public static void devPut(NetDevice dev, String site) {
        if (dev.refcnt.update(n -> n - 1, site) == 1) {
            dev.refsReleased.complete(site);
        }
    }

    /**
     * Looks a registered device up by name.
     *
     * <p>Kernel: net/core/dev.c __dev_get_by_name() (v5.14)
     * <p>Context: rtnl held by the caller (or RCU)
     */
    public static NetDevice devGetByName(String name, String site) {
        for (NetDevice d : devBase().get(site)) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        return null;
    }

    /**
     * Kernel: net/core/dev.c register_netdev() (v5.14)
     * <p>Context: takes rtnl_mutex
     */
    public static int registerNetdev(NetDevice dev) {
        Rtnetlink.rtnlLock("register_netdev");
        int ret = registerNetdevice(dev);
        Rtnetlink.rtnlUnlock("register_netdev");
        return ret;
    }

    /**
     * Publishes the device: from here on, userspace can open it and run ethtool on it.
     *
     * <p>Kernel: net/core/dev.c register_netdevice() (v5.14)
     * <p>Context: ASSERT_RTNL
     */
    public static int registerNetdevice(NetDevice dev) {
        Rtnetlink.assertRtnl("register_netdevice");
        Bug.bugOn(dev.reg_state.get("register_netdevice") != NetDevice.RegState.UNINITIALIZED,
                "register_netdevice: " + dev.name() + " is not uninitialized");
        if (devGetByName(dev.name(), "dev_get_valid_name") != null) {
            return -Errno.EEXIST; // two MAC drivers of a scenario both want eth0
        }
        dev.reg_state.set(NetDevice.RegState.REGISTERED, "register_netdevice");
        List<NetDevice> l = new ArrayList<>(devBase().get("list_netdevice"));
        l.add(dev);
        devBase().set(List.copyOf(l), "list_netdevice");
        return 0;
    }

    /**
     * Kernel: net/core/dev.c unregister_netdev() (v5.14)
     * <p>Context: takes rtnl_mutex
     */
    public static void unregisterNetdev(NetDevice dev) {
        Rtnetlink.rtnlLock("unregister_netdev");
        unregisterNetdevice(dev);
        Rtnetlink.rtnlUnlock("unregister_netdev");
        netdevRunTodo(dev);
    }

    /**
     * Finishes unregistering after rtnl is dropped: waits until nobody holds a reference (an
     * in-flight ethtool netlink request took one before rtnl_lock), then marks it unregistered.
     *
     * <p>Kernel: net/core/dev.c netdev_run_todo() (v5.14)
     * <p>Context: called by rtnl_unlock with rtnl released; netdev_wait_allrefs sleeps
     * <p>Model: called by unregister_netdev right after rtnl_unlock, for the one device it queued.
     */
    static void netdevRunTodo(NetDevice dev) {
        netdevWaitAllrefs(dev);
        dev.reg_state.set(NetDevice.RegState.UNREGISTERED, "netdev_run_todo");
    }

    /**
     * Waits until every dev_hold reference is dropped.
     *
     * <p>Kernel: net/core/dev.c netdev_wait_allrefs() (v5.14)
     * <p>Context: process, no rtnl held; the kernel polls every 250 ms and rebroadcasts
     * NETDEV_UNREGISTER, the model waits for the last dev_put
     */
    static void netdevWaitAllrefs(NetDevice dev) {
        while (dev.refcnt.get("netdev_wait_allrefs") != 0) {
            dev.refsReleased.waitFor("netdev_wait_allrefs");
        }
    }

    /**
     * Closes the device if it is up and unpublishes it.
     *
     * <p>Kernel: net/core/dev.c unregister_netdevice_queue() / unregister_netdevice_many() (v5.14)
     * <p>Context: ASSERT_RTNL; synchronize_net after unlisting waits for RCU lookups
     * <p>Model: the device is queued for netdev_run_todo, which unregister_netdev runs.
     */
    public static void unregisterNetdevice(NetDevice dev) {
        Rtnetlink.assertRtnl("unregister_netdevice_many");
        if (dev.reg_state.get("unregister_netdevice_many") != NetDevice.RegState.REGISTERED) {
            Bug.warnOn(true, "unregister_netdevice: " + dev.name() + " not registered");
            return;
        }
        devClose(dev);
        List<NetDevice> l = new ArrayList<>(devBase().get("unlist_netdevice"));
        l.remove(dev);
        devBase().set(List.copyOf(l), "unlist_netdevice");
        Rcu.synchronizeRcu("synchronize_net"); // RCU lookups (dev_get_by_name) that saw the device are done
        dev.reg_state.set(NetDevice.RegState.UNREGISTERING, "unregister_netdevice_many");
    }

    /**
     * Brings the interface up through ndo_open.
     *
     * <p>Kernel: net/core/dev.c __dev_open() (v5.14)
     * <p>Context: ASSERT_RTNL
     */
    public static int devOpen(NetDevice dev) {
        Rtnetlink.assertRtnl("__dev_open");
        if (dev.up.get("__dev_open")) {
            return 0;
        }
        if (dev.reg_state.get("__dev_open") != NetDevice.RegState.REGISTERED) {
            return -Errno.ENODEV;
        }
        int ret = dev.netdev_ops.ndoOpen(dev);
        if (ret == 0) {
            dev.up.set(Boolean.TRUE, "__dev_open");
        }
        return ret;
    }

    /**
     * Brings the interface down through ndo_stop.
     *
     * <p>Kernel: net/core/dev.c __dev_close_many() (v5.14)
     * <p>Context: ASSERT_RTNL
     */
    public static void devClose(NetDevice dev) {
        Rtnetlink.assertRtnl("__dev_close_many");
        if (!dev.up.get("__dev_close_many")) {
            return;
        }
        dev.netdev_ops.ndoStop(dev);
        dev.up.set(Boolean.FALSE, "__dev_close_many");
    }

    /**
     * {@code ip link set dev X up|down}: the rtnetlink request that opens or closes a device.
     *
     * <p>Kernel: net/core/rtnetlink.c rtnetlink_rcv_msg() → do_setlink() → dev_change_flags() (v5.14)
     * <p>Context: takes rtnl_mutex
     */
    public static int devChangeFlags(String ifname, boolean up) {
        Rtnetlink.rtnlLock("rtnetlink_rcv_msg");
        int ret = 0;
        NetDevice dev = devGetByName(ifname, "rtnl_setlink");
        if (dev != null) {
            if (up) {
                ret = devOpen(dev);
            } else {
                devClose(dev);
            }
        } else {
            ret = -Errno.ENODEV;
        }
        Rtnetlink.rtnlUnlock("rtnetlink_rcv_msg");
        return ret;
    }

    /**
     * Kernel: net/sched/sch_generic.c netif_carrier_on() (v5.14)
     * <p>Context: any (atomic bit)
     */
    public static void netifCarrierOn(NetDevice dev) {
        dev.carrier.set(Boolean.TRUE, "netif_carrier_on");
    }

    /**
     * Kernel: net/sched/sch_generic.c netif_carrier_off() (v5.14)
     * <p>Context: any (atomic bit)
     */
    public static void netifCarrierOff(NetDevice dev) {
        dev.carrier.set(Boolean.FALSE, "netif_carrier_off");
    }

    /**
     * Kernel: net/core/dev.c free_netdev() (v5.14)
     * <p>Context: process; the device must be unregistered
     */
    public static void freeNetdev(NetDevice dev) {
        Slab.kfree(dev, "free_netdev");
    }
}
