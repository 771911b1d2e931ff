package dev.whylock.linux.drivers.net.ethernet.freescale.dpaa2;

import dev.whylock.engine.Env;
import dev.whylock.engine.Field;
import dev.whylock.linux.drivers.base.Device;
import dev.whylock.linux.drivers.base.DeviceDriver;
import dev.whylock.linux.drivers.base.Fwnode;
import dev.whylock.linux.drivers.net.phy.Phylink;
import dev.whylock.linux.kernel.Errno;
import dev.whylock.linux.kernel.Slab;
import dev.whylock.linux.net.core.Dev;
import dev.whylock.linux.net.core.NetDevice;
import dev.whylock.linux.net.core.NetDeviceOps;
import dev.whylock.linux.net.core.Rtnetlink;

/**
 * drivers/net/ethernet/freescale/dpaa2/dpaa2-eth.c (and the ethtool link-settings ops of
 * dpaa2-ethtool.c): a DPNI network interface whose DPMAC, and so its phylink instance, is connected
 * and disconnected at run time by the "endpoint changed" IRQ thread, on a registered and possibly
 * running netdev.
 */
/*
 * v5.14 serialises priv->mac with rtnl: the IRQ thread takes rtnl around dpaa2_eth_connect_mac and
 * dpaa2_eth_disconnect_mac, and every reader (ndo_open/stop, ethtool) runs under rtnl. Since
 * phylink_create and phylink_destroy take rtnl themselves, connecting or disconnecting a DPMAC with
 * an SFP cage deadlocks. Model option dpaa2-mac-lock is the Nov 2022 series (merge 9e855b1fe37f):
 * priv->mac is published and read under priv->mac_lock, phylink is created and destroyed with no
 * lock held, and rtnl is taken only around phylink_fwnode_phy_connect / phylink_disconnect_phy.
 */
public final class Dpaa2Eth {
    private Dpaa2Eth() {}

    /** The model option for the 2022 fix (Vladimir Oltean, 20221129141221.872653-1-vladimir.oltean@nxp.com). */
    public static final String OPTION_MAC_LOCK = "dpaa2-mac-lock";

    /** A DPNI object on the fsl-mc bus, with its driver data and its endpoint. */
    public static final class DpniDevice extends Device {
        /** {@code dev_get_drvdata()}: the net_device. */
        public final Field<NetDevice> driverData;
        /**
         * The DPMAC the DPNI is connected to ({@code fsl_mc_get_endpoint()}), or null: a hardware
         * (MC firmware) fact that restool changes, not kernel memory.
         */
        public final Field<Fwnode> endpoint;

        public DpniDevice(String name) {
            super("struct fsl_mc_device", name, null);
            this.driverData = field(name + "->driver_data", null);
            this.endpoint = this.<Fwnode>field(name + ":endpoint", null).hardware();
        }
    }

    /** dpaa2_eth_ops with the link-settings part of dpaa2_ethtool_ops. */
    public static final NetDeviceOps NETDEV_OPS = new NetDeviceOps() {
        @Override
        public int ndoOpen(NetDevice dev) {
            return dpaa2EthOpen(dev);
        }

        @Override
        public int ndoStop(NetDevice dev) {
            return dpaa2EthStop(dev);
        }

        @Override
        public int getLinkKsettings(NetDevice dev) {
            return dpaa2EthGetLinkKsettings(dev);
        }

        @Override
        public int setLinkKsettings(NetDevice dev) {
            return dpaa2EthSetLinkKsettings(dev);
        }
    };

    /** dpaa2_eth_driver. */
    public static final DeviceDriver DRIVER = new DeviceDriver() {
        @Override
        public String name() {
            return "fsl_dpaa2_eth";
        }

        @Override
        public int probe(Device dev) {
            return dpaa2EthProbe((DpniDevice) dev);
        }

        @Override
        public void remove(Device dev) {
            // dpaa2_eth_remove is not modelled: the scenarios disconnect the DPMAC instead.
        }
    };

    private static Dpaa2EthPriv priv(NetDevice dev) {
        return (Dpaa2EthPriv) dev.priv();
    }

    private static boolean macLock(Dpaa2EthPriv priv, String site) {
        if (priv.mac_lock == null) {
            return false;
        }
        priv.mac_lock.lock(site);
        return true;
    }

    /** {@code priv->mac->phylink}, dereferencing both pointers as the kernel code does. */
    private static dev.whylock.linux.drivers.net.phy.PhylinkStruct macPhylink(Dpaa2EthPriv priv, String site) {
        Dpaa2MacStruct mac = Env.current().deref(priv.mac.get(site), "priv->mac");
        return Env.current().deref(mac.phylink.get(site), "mac->phylink");
    }

    private static void macUnlock(Dpaa2EthPriv priv, boolean locked, String site) {
        if (locked) {
            priv.mac_lock.unlock(site);
        }
    }

    /**
     * Whether a DPMAC of link type PHY is connected (the modelled DPMAC always is of that type).
     *
     * <p>Kernel: drivers/net/ethernet/freescale/dpaa2/dpaa2-eth.h dpaa2_eth_is_type_phy() (v5.14)
     * <p>Context: v5.14 rtnl held by the caller; option dpaa2-mac-lock: lockdep_assert_held(&priv->mac_lock)
     */
    static boolean dpaa2EthIsTypePhy(Dpaa2EthPriv priv, String site) {
        if (priv.mac_lock != null) {
            priv.mac_lock.lockdepAssertHeld("dpaa2_eth_is_type_phy");
        }
        return priv.mac.get(site) != null;
    }

    /**
     * ndo_open: starts phylink when a DPMAC is connected.
     *
     * <p>Kernel: drivers/net/ethernet/freescale/dpaa2/dpaa2-eth.c dpaa2_eth_open() (v5.14; 2022 fix 2291982e29b1)
     * <p>Context: rtnl held (__dev_open); option dpaa2-mac-lock: takes priv->mac_lock
     * <p>Model: the 2022 series calls phylink_start from dpaa2_mac_start; same order, same locks.
     */
    static int dpaa2EthOpen(NetDevice dev) {
        Dpaa2EthPriv priv = priv(dev);
        boolean locked = macLock(priv, "dpaa2_eth_open");
        if (dpaa2EthIsTypePhy(priv, "dpaa2_eth_open")) {
            Phylink.phylinkStart(macPhylink(priv, "dpaa2_eth_open"));
        }
        macUnlock(priv, locked, "dpaa2_eth_open");
        return 0;
    }

    /**
     * ndo_stop: stops phylink when a DPMAC is connected.
     *
     * <p>Kernel: drivers/net/ethernet/freescale/dpaa2/dpaa2-eth.c dpaa2_eth_stop() (v5.14; 2022 fix 2291982e29b1)
     * <p>Context: rtnl held (__dev_close_many); option dpaa2-mac-lock: takes priv->mac_lock
     */
    static int dpaa2EthStop(NetDevice dev) {
        Dpaa2EthPriv priv = priv(dev);
        boolean locked = macLock(priv, "dpaa2_eth_stop");
        if (dpaa2EthIsTypePhy(priv, "dpaa2_eth_stop")) {
            Phylink.phylinkStop(macPhylink(priv, "dpaa2_eth_stop"));
        }
        macUnlock(priv, locked, "dpaa2_eth_stop");
        return 0;
    }

    /**
     * ethtool get_link_ksettings: through phylink when a DPMAC is connected.
     *
     * <p>Kernel: drivers/net/ethernet/freescale/dpaa2/dpaa2-ethtool.c dpaa2_eth_get_link_ksettings() (v5.14; 2022 fix)
     * <p>Context: rtnl held (ethtool); option dpaa2-mac-lock: takes priv->mac_lock
     */
    static int dpaa2EthGetLinkKsettings(NetDevice dev) {
        Dpaa2EthPriv priv = priv(dev);
        boolean locked = macLock(priv, "dpaa2_eth_get_link_ksettings");
        int ret = 0; // otherwise: the DPNI's own link state, no lock
        if (dpaa2EthIsTypePhy(priv, "dpaa2_eth_get_link_ksettings")) {
            ret = Phylink.phylinkEthtoolKsettingsGet(macPhylink(priv, "dpaa2_eth_get_link_ksettings"));
        }
        macUnlock(priv, locked, "dpaa2_eth_get_link_ksettings");
        return ret;
    }

    /**
     * ethtool set_link_ksettings: through phylink when a DPMAC is connected.
     *
     * <p>Kernel: drivers/net/ethernet/freescale/dpaa2/dpaa2-ethtool.c dpaa2_eth_set_link_ksettings() (v5.14; 2022 fix)
     * <p>Context: rtnl held (ethtool); option dpaa2-mac-lock: takes priv->mac_lock
     */
    static int dpaa2EthSetLinkKsettings(NetDevice dev) {
        Dpaa2EthPriv priv = priv(dev);
        boolean locked = macLock(priv, "dpaa2_eth_set_link_ksettings");
        int ret = -Errno.EOPNOTSUPP;
        if (dpaa2EthIsTypePhy(priv, "dpaa2_eth_set_link_ksettings")) {
            ret = Phylink.phylinkEthtoolKsettingsSet(macPhylink(priv, "dpaa2_eth_set_link_ksettings"));
        }
        macUnlock(priv, locked, "dpaa2_eth_set_link_ksettings");
        return ret;
    }

    /**
     * Connects the DPMAC the DPNI's endpoint names, if any: allocates {@code struct dpaa2_mac},
     * creates phylink and publishes {@code priv->mac}.
     *
     * <p>Kernel: drivers/net/ethernet/freescale/dpaa2/dpaa2-eth.c dpaa2_eth_connect_mac() (v5.14; 2022 fix 3c7f44fa9c4c, 2291982e29b1)
     * <p>Context: takes priv->mac_lock only with option dpaa2-mac-lock, to publish priv->mac after
     * dpaa2_mac_connect; v5.14: rtnl held at run time (IRQ thread), none at probe, and priv->mac is
     * published before dpaa2_mac_connect
     */
    static int dpaa2EthConnectMac(DpniDevice dpni, Dpaa2EthPriv priv) {
        Fwnode dpmac = dpni.endpoint.get("fsl_mc_get_endpoint");
        if (dpmac == null) {
            return 0; // no endpoint, or not a DPMAC
        }
        Dpaa2MacStruct mac = new Dpaa2MacStruct(priv.net_dev, dpmac); // kzalloc + dpaa2_mac_open
        boolean fix = priv.mac_lock != null;
        if (!fix) {
            priv.mac.set(mac, "dpaa2_eth_connect_mac");
        }
        int err = Dpaa2Mac.dpaa2MacConnect(mac);
        if (err != 0) {
            if (!fix) {
                priv.mac.set(null, "dpaa2_eth_connect_mac");
            }
            Slab.kfree(mac, "dpaa2_eth_connect_mac");
            return err;
        }
        if (fix) {
            priv.mac_lock.lock("dpaa2_eth_connect_mac");
            priv.mac.set(mac, "dpaa2_eth_connect_mac");
            priv.mac_lock.unlock("dpaa2_eth_connect_mac");
        }
        return 0;
    }

    /**
     * Disconnects and frees the DPMAC.
     *
     * <p>Kernel: drivers/net/ethernet/freescale/dpaa2/dpaa2-eth.c dpaa2_eth_disconnect_mac() (v5.14; 2022 fix 3c7f44fa9c4c, 2291982e29b1)
     * <p>Context: takes priv->mac_lock only with option dpaa2-mac-lock, to take priv->mac away
     * first, then tears down with no lock; v5.14: rtnl held by the caller, priv->mac cleared last
     */
    static void dpaa2EthDisconnectMac(Dpaa2EthPriv priv) {
        final String f = "dpaa2_eth_disconnect_mac";
        if (priv.mac_lock == null) {
            if (dpaa2EthIsTypePhy(priv, f)) {
                Dpaa2Mac.dpaa2MacDisconnect(priv.mac.get(f));
            }
            Dpaa2MacStruct mac = priv.mac.get(f); // dpaa2_eth_has_mac()
            if (mac == null) {
                return;
            }
            Slab.kfree(mac, f); // dpaa2_mac_close + kfree
            priv.mac.set(null, f);
            return;
        }
        priv.mac_lock.lock("dpaa2_eth_disconnect_mac");
        Dpaa2MacStruct mac = priv.mac.get(f);
        priv.mac.set(null, f);
        priv.mac_lock.unlock("dpaa2_eth_disconnect_mac");
        if (mac == null) {
            return;
        }
        Dpaa2Mac.dpaa2MacDisconnect(mac);
        Slab.kfree(mac, f);
    }

    /**
     * The DPNI's IRQ thread on DPNI_IRQ_EVENT_ENDPOINT_CHANGED: disconnects the DPMAC if one is
     * connected, otherwise connects the one the endpoint now names.
     *
     * <p>Kernel: drivers/net/ethernet/freescale/dpaa2/dpaa2-eth.c dpni_irq0_handler_thread() (v5.14; 2022 fix 87db82cb6149)
     * <p>Context: takes rtnl_mutex around the (dis)connect (v5.14); threaded IRQ; option
     * dpaa2-mac-lock: no rtnl, and priv->mac read unlocked (it is the only writer at run time)
     */
    public static void dpniIrq0HandlerThread(DpniDevice dpni) {
        final String f = "dpni_irq0_handler_thread";
        NetDevice netDev = Env.current().deref(dpni.driverData.get(f), "dev_get_drvdata(dev)");
        Dpaa2EthPriv priv = priv(netDev);
        boolean fix = priv.mac_lock != null;
        if (!fix) {
            Rtnetlink.rtnlLock("dpni_irq0_handler_thread");
        }
        if (priv.mac.get(f) != null) { // v5.14 dpaa2_eth_has_mac(); the fix's had_mac
            dpaa2EthDisconnectMac(priv);
        } else {
            dpaa2EthConnectMac(dpni, priv);
        }
        if (!fix) {
            Rtnetlink.rtnlUnlock("dpni_irq0_handler_thread");
        }
    }

    /**
     * The MC firmware signals DPNI_IRQ_EVENT_ENDPOINT_CHANGED: the IRQ thread runs if the driver
     * has requested the IRQ (it does so in probe), otherwise nothing happens until probe looks.
     *
     * <p>Kernel: drivers/net/ethernet/freescale/dpaa2/dpaa2-eth.c dpaa2_eth_setup_irqs() /
     * dpni_irq0_handler_thread() (v5.14)
     * <p>Context: the DPNI's threaded IRQ
     */
    public static void dpniEndpointChanged(DpniDevice dpni) {
        if (dpni.driverData.get("fsl_mc_irq") != null) {
            dpniIrq0HandlerThread(dpni);
        }
    }

    /**
     * Binds the driver to a DPNI: allocates the netdev, connects the DPMAC if the endpoint is
     * already there (no lock held), and registers the netdev.
     *
     * <p>Kernel: drivers/net/ethernet/freescale/dpaa2/dpaa2-eth.c dpaa2_eth_probe() (v5.14)
     * <p>Context: driver core (no device_lock of the fsl-mc bus modelled); rtnl_mutex in
     * phylink_create (if connected), then in register_netdev
     * <p>Model: the DPNI's queues, buffer pools, IRQ setup and devlink are left out.
     */
    static int dpaa2EthProbe(DpniDevice dpni) {
        NetDevice netDev = new NetDevice("eth0", NETDEV_OPS); // alloc_etherdev_mq
        Dpaa2EthPriv priv = new Dpaa2EthPriv(netDev);
        netDev.setPriv(priv);
        dpni.driverData.set(netDev, "dpaa2_eth_probe");
        int err = dpaa2EthConnectMac(dpni, priv);
        if (err == 0) {
            err = Dev.registerNetdev(netDev);
        }
        if (err != 0) {
            dpni.driverData.set(null, "dpaa2_eth_probe");
            Dev.freeNetdev(netDev);
        }
        return err;
    }

    /** The DPNI's driver data (netdev) without a visible operation, for invariants; null when unbound. */
    public static NetDevice netdevPeek(DpniDevice dpni) {
        return dpni.driverData.peek();
    }
}
