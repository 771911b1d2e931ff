package dev.whylock.linux.drivers.net.ethernet;

import dev.whylock.engine.Env;
import dev.whylock.engine.Field;
import dev.whylock.linux.drivers.base.Device;
import dev.whylock.linux.drivers.base.DeviceDriver;
import dev.whylock.linux.drivers.base.Fwnode;
import dev.whylock.linux.drivers.net.phy.Phylink;
import dev.whylock.linux.drivers.net.phy.PhylinkStruct;
import dev.whylock.linux.kernel.Errno;
import dev.whylock.linux.net.core.Dev;
import dev.whylock.linux.net.core.NetDevice;
import dev.whylock.linux.net.core.NetDeviceOps;

/**
 * A phylink MAC driver with an SFP cage and no board PHY, modelled on
 * drivers/net/ethernet/marvell/mvneta.c: probe creates phylink, then registers the netdev;
 * remove does the reverse; ndo_open/ndo_stop start and stop phylink.
 */
public final class MacDriver {
    private MacDriver() {}

    /** The MAC's platform device, with its driver data ({@code platform_get_drvdata}). */
    public static final class MacDevice extends Device {
        /** {@code dev->driver_data}. */
        public final Field<MacPort> driverData;

        public MacDevice(String name, Fwnode fwnode) {
            super("struct platform_device", name, fwnode);
            this.driverData = field(name + "->driver_data", null);
        }
    }

    /** The netdev and ethtool ops (mvneta_netdev_ops, mvneta_eth_tool_ops). */
    public static final NetDeviceOps NETDEV_OPS = new NetDeviceOps() {
        @Override
        public int ndoOpen(NetDevice dev) {
            return macOpen(dev);
        }

        @Override
        public int ndoStop(NetDevice dev) {
            return macStop(dev);
        }

        @Override
        public int getLinkKsettings(NetDevice dev) {
            MacPort pp = (MacPort) dev.priv();
            return Phylink.phylinkEthtoolKsettingsGet(Env.current().deref(pp.phylink.get("mvneta_ethtool_get_link_ksettings"), "pp->phylink"));
        }

        @Override
        public int setLinkKsettings(NetDevice dev) {
            MacPort pp = (MacPort) dev.priv();
            return Phylink.phylinkEthtoolKsettingsSet(Env.current().deref(pp.phylink.get("mvneta_ethtool_set_link_ksettings"), "pp->phylink"));
        }
    };

    /** The platform driver. */
    public static final DeviceDriver DRIVER = new DeviceDriver() {
        @Override
        public String name() {
            return "mac";
        }

        @Override
        public int probe(Device dev) {
            return macProbe((MacDevice) dev);
        }

        @Override
        public void remove(Device dev) {
            macRemove((MacDevice) dev);
        }
    };

    /**
     * alloc_etherdev + phylink_create: the half of probe before the netdev is published.
     *
     * <p>Kernel: drivers/net/ethernet/marvell/mvneta.c mvneta_probe() (v5.14), up to register_netdev
     * <p>Context: device_lock held by the driver core (or none when a scenario calls it directly);
     * must not hold rtnl (phylink_create takes it)
     */
    public static int macCreatePhylink(MacDevice pdev) {
        NetDevice netdev = new NetDevice("eth0", NETDEV_OPS);
        MacPort pp = new MacPort(netdev);
        netdev.setPriv(pp);
        PhylinkStruct pl = Phylink.phylinkCreate(netdev, pdev.fwnode());
        if (pl == null) {
            Dev.freeNetdev(netdev);
            return -Errno.EINVAL;
        }
        pp.phylink.set(pl, "mvneta_probe");
        pdev.driverData.set(pp, "mvneta_probe");
        return 0;
    }

    /**
     * Creates phylink, then publishes the netdev.
     *
     * <p>Kernel: drivers/net/ethernet/marvell/mvneta.c mvneta_probe() (v5.14)
     * <p>Context: device_lock held by the driver core; sfp_mutex and rtnl_mutex in phylink_create,
     * then rtnl_mutex in register_netdev
     */
    static int macProbe(MacDevice pdev) {
        int err = macCreatePhylink(pdev);
        if (err != 0) {
            return err;
        }
        MacPort pp = pdev.driverData.get("mvneta_probe");
        err = Dev.registerNetdev(pp.dev);
        if (err != 0) {
            Phylink.phylinkDestroy(pp.phylink.get("mvneta_probe"));
            Dev.freeNetdev(pp.dev);
            pdev.driverData.set(null, "mvneta_probe");
        }
        return err;
    }

    /**
     * Unpublishes the netdev, then destroys phylink and frees the netdev.
     *
     * <p>Kernel: drivers/net/ethernet/marvell/mvneta.c mvneta_remove() (v5.14)
     * <p>Context: device_lock held by the driver core; rtnl_mutex in unregister_netdev, then
     * rtnl_mutex again in phylink_destroy
     */
    static void macRemove(MacDevice pdev) {
        MacPort pp = pdev.driverData.get("mvneta_remove");
        if (pp == null) {
            return;
        }
        Dev.unregisterNetdev(pp.dev);
        macDestroyPhylink(pdev);
    }

    /**
     * phylink_destroy + free_netdev: the half of remove after the netdev is unpublished.
     *
     * <p>Kernel: drivers/net/ethernet/marvell/mvneta.c mvneta_remove() (v5.14), after unregister_netdev
     * <p>Context: must not hold rtnl (phylink_destroy takes it)
     */
    public static void macDestroyPhylink(MacDevice pdev) {
        MacPort pp = pdev.driverData.get("mvneta_remove");
        if (pp == null) {
            return;
        }
        Phylink.phylinkDestroy(Env.current().deref(pp.phylink.get("mvneta_remove"), "pp->phylink"));
        pdev.driverData.set(null, "mvneta_remove");
        Dev.freeNetdev(pp.dev);
    }

    /**
     * Kernel: drivers/net/ethernet/marvell/mvneta.c mvneta_open() (v5.14)
     * <p>Context: rtnl held (__dev_open)
     */
    static int macOpen(NetDevice dev) {
        MacPort pp = (MacPort) dev.priv();
        Phylink.phylinkStart(Env.current().deref(pp.phylink.get("mvneta_open"), "pp->phylink"));
        return 0;
    }

    /**
     * Kernel: drivers/net/ethernet/marvell/mvneta.c mvneta_stop() (v5.14)
     * <p>Context: rtnl held (__dev_close_many)
     * <p>Model: mvneta also disconnects its board PHY here; this MAC has none, so that is left out.
     */
    static int macStop(NetDevice dev) {
        MacPort pp = (MacPort) dev.priv();
        Phylink.phylinkStop(Env.current().deref(pp.phylink.get("mvneta_stop"), "pp->phylink"));
        return 0;
    }
}
