package dev.whylock.linux.drivers.net.phy;

import dev.whylock.engine.Env;
import dev.whylock.engine.Obj;
import dev.whylock.linux.drivers.base.Fwnode;
import dev.whylock.linux.drivers.base.Dd;
import dev.whylock.linux.drivers.base.Device;
import dev.whylock.linux.drivers.base.DeviceDriver;
import dev.whylock.linux.kernel.Errno;
import dev.whylock.linux.kernel.Kernel;
import dev.whylock.linux.net.core.Dev;
import dev.whylock.linux.net.core.NetDevice;

/**
 * drivers/net/phy/phy_device.c: creating, registering, probing, attaching and detaching PHYs,
 * including the genphy fallback of phy_attach_direct() and, as the option {@code rfc-phy-defer},
 * the 2021 RFC that returns -EPROBE_DEFER while the specific driver's probe is pending.
 */
public final class PhyDevice {
    private PhyDevice() {}

    /** The model option for the Sep 2021 RFC (Message-Id 20210901225053.1205571-2-vladimir.oltean@nxp.com). */
    public static final String OPTION_RFC_PHY_DEFER = "rfc-phy-defer";
    /** The model option: the specific PHY driver's first probe returns -EPROBE_DEFER. */
    public static final String OPTION_PHY_PROBE_DEFERS = "phy-probe-defers";

    /** The MDIO address of a PHY inside an SFP module (SFP_PHY_ADDR). */
    public static final int SFP_PHY_ADDR = 22;

    /** The Generic PHY driver (genphy_driver). */
    public static final DeviceDriver GENPHY = new DeviceDriver() {
        @Override
        public String name() {
            return "Generic PHY";
        }

        @Override
        public int probe(Device dev) {
            return phyProbe((PhyDeviceStruct) dev);
        }

        @Override
        public void remove(Device dev) {
            phyRemove((PhyDeviceStruct) dev);
        }
    };

    /** The specific driver of the module's PHY (e.g. marvell.c for an 88E1111), matched by PHY id. */
    public static final DeviceDriver SPECIFIC = new DeviceDriver() {
        @Override
        public String name() {
            return "Marvell 88E1111";
        }

        @Override
        public int probe(Device dev) {
            PhyDeviceStruct phydev = (PhyDeviceStruct) dev;
            // The driver's own probe may wait for a resource (clock, firmware) on its first attempt.
            if (Kernel.get().option(OPTION_PHY_PROBE_DEFERS) && phydev.probe_attempts++ == 0) {
                return -Errno.EPROBE_DEFER;
            }
            return phyProbe(phydev);
        }

        @Override
        public void remove(Device dev) {
            phyRemove((PhyDeviceStruct) dev);
        }
    };

    /**
     * The SFP upstream ops of a PHY that has its own cage (as marvell10g's {@code mv3310_sfp_ops}):
     * attach/detach through phy_sfp_attach/detach; module PHYs behind a PHY are not supported, so
     * connect_phy and disconnect_phy are NULL.
     */
    public static final SfpUpstreamOps PHY_SFP_OPS = new SfpUpstreamOps() {
        @Override
        public void attach(Obj upstream, SfpBusStruct bus) {
            phySfpAttach((PhyDeviceStruct) upstream, bus);
        }

        @Override
        public void detach(Obj upstream, SfpBusStruct bus) {
            phySfpDetach((PhyDeviceStruct) upstream, bus);
        }

        @Override
        public boolean hasConnectPhy() {
            return false;
        }
    };

    /**
     * Reads the PHY id at {@code addr} and creates the device; null stands for ERR_PTR(-ENODEV)
     * when no PHY answers.
     *
     * <p>Kernel: drivers/net/phy/phy_device.c get_phy_device() / phy_device_create() (v5.14)
     * <p>Context: caller's (sfp state machine: rtnl + sm); MDIO reads over I2C
     */
    public static PhyDeviceStruct getPhyDevice(MiiBus bus, int addr, boolean isC45) {
        Env.current().deref(bus, "sfp->i2c_mii");
        if (bus.phyType() == null || !bus.phyType().hasPhy()) {
            return null;
        }
        PhyDeviceStruct phydev = new PhyDeviceStruct(bus, addr);
        phydev.setMatchingDriver(SPECIFIC);
        return phydev;
    }

    /**
     * Adds the device to the driver core, which probes it with the matching driver.
     *
     * <p>Kernel: drivers/net/phy/phy_device.c phy_device_register() (v5.14)
     * <p>Context: device_lock in __device_attach
     */
    public static int phyDeviceRegister(PhyDeviceStruct phydev) {
        Dd.deviceAttach(phydev); // device_add() → bus_probe_device(); a failed probe does not fail registration
        return 0;
    }

    /**
     * Unbinds the driver and removes the device from the driver core.
     *
     * <p>Kernel: drivers/net/phy/phy_device.c phy_device_remove() (v5.14)
     * <p>Context: device_lock in device_del, then in device_release_driver_internal
     */
    public static void phyDeviceRemove(PhyDeviceStruct phydev) {
        Dd.deviceDel(phydev);
    }

    /**
     * Drops the creator's reference; the phy_device is freed when no one else holds one.
     *
     * <p>Kernel: drivers/net/phy/phy_device.c phy_device_free() (v5.14)
     * <p>Context: any
     */
    public static void phyDeviceFree(PhyDeviceStruct phydev) {
        Dd.putDevice(phydev, "phy_device_free");
    }

    /**
     * Publishes the PHY's SFP bus on the netdev it is attached to.
     *
     * <p>Kernel: drivers/net/phy/phy_device.c phy_sfp_attach() (v5.14)
     * <p>Context: rtnl held via sfp_register_bus
     */
    static void phySfpAttach(PhyDeviceStruct phydev, SfpBusStruct bus) {
        Env.current().deref(phydev, "bus->upstream");
        NetDevice dev = phydev.attached_dev.get("phy_sfp_attach");
        if (dev != null) {
            Env.current().deref(dev, "phydev->attached_dev").sfp_bus.set(bus, "phy_sfp_attach");
        }
        phydev.sfp_bus_attached.set(Boolean.TRUE, "phy_sfp_attach");
    }

    /**
     * Kernel: drivers/net/phy/phy_device.c phy_sfp_detach() (v5.14)
     * <p>Context: rtnl held via sfp_unregister_bus
     */
    static void phySfpDetach(PhyDeviceStruct phydev, SfpBusStruct bus) {
        Env.current().deref(phydev, "bus->upstream");
        NetDevice dev = phydev.attached_dev.get("phy_sfp_detach");
        if (dev != null) {
            Env.current().deref(dev, "phydev->attached_dev").sfp_bus.set(null, "phy_sfp_detach");
        }
        phydev.sfp_bus_attached.set(Boolean.FALSE, "phy_sfp_detach");
    }

    /**
     * Registers the PHY as the upstream of the cage its firmware node names (called from a PHY
     * driver's probe).
     *
     * <p>Kernel: drivers/net/phy/phy_device.c phy_sfp_probe() (v5.14)
     * <p>Context: device_lock held by the driver core; sfp_mutex in sfp_bus_get, rtnl_mutex in
     * sfp_bus_add_upstream
     */
    public static int phySfpProbe(PhyDeviceStruct phydev, Fwnode fwnode, SfpUpstreamOps ops) {
        int ret = 0;
        if (fwnode != null) {
            SfpBusStruct bus = SfpBus.sfpBusFindFwnode(fwnode);
            phydev.sfp_bus.set(bus, "phy_sfp_probe");
            ret = SfpBus.sfpBusAddUpstream(bus, phydev, ops);
            SfpBus.sfpBusPut(bus);
        }
        return ret;
    }

    /**
     * The PHY bus probe: binds the driver and leaves the PHY in PHY_READY.
     *
     * <p>Kernel: drivers/net/phy/phy_device.c phy_probe() (v5.14)
     * <p>Context: device_lock held by the driver core, except for the genphy fallback; takes phydev->lock
     */
    static int phyProbe(PhyDeviceStruct phydev) {
        phydev.lock.lock("phy_probe");
        phydev.state.set(PhyDeviceStruct.PhyState.READY, "phy_probe");
        phydev.lock.unlock("phy_probe");
        return 0;
    }

    /**
     * Kernel: drivers/net/phy/phy_device.c phy_remove() (v5.14)
     * <p>Context: device_lock held by the driver core; takes phydev->lock
     */
    static void phyRemove(PhyDeviceStruct phydev) {
        phydev.state_queue.work().cancelSync("phy_remove");
        phydev.lock.lock("phy_remove");
        phydev.state.set(PhyDeviceStruct.PhyState.DOWN, "phy_remove");
        phydev.lock.unlock("phy_remove");
        SfpBusStruct bus = phydev.sfp_bus.get("phy_remove");
        if (bus != null) {
            SfpBus.sfpBusDelUpstream(bus);
            phydev.sfp_bus.set(null, "phy_remove");
        }
    }

    /**
     * The default link-change callback: carrier on or off.
     *
     * <p>Kernel: drivers/net/phy/phy_device.c phy_link_change() (v5.14)
     * <p>Context: phydev->lock held (phy state machine)
     */
    static void phyLinkChange(PhyDeviceStruct phydev, boolean up) {
        NetDevice netdev = phydev.attached_dev.get("phy_link_change");
        if (netdev == null) {
            return;
        }
        Env.current().deref(netdev, "phydev->attached_dev");
        if (up) {
            Dev.netifCarrierOn(netdev);
        } else {
            Dev.netifCarrierOff(netdev);
        }
    }

    /**
     * Attaches a PHY to a netdev; binds genphy when no driver is bound yet.
     *
     * <p>Kernel: drivers/net/phy/phy_device.c phy_attach_direct() (v5.14)
     * <p>Context: no lock of its own; callers hold rtnl when the netdev is registered
     * <p>Model: with option rfc-phy-defer, returns -EPROBE_DEFER while the specific driver's probe
     * is pending (device_pending_probe takes deferred_probe_mutex), as in the 2021 RFC.
     */
    public static int phyAttachDirect(NetDevice dev, PhyDeviceStruct phydev, int flags, SfpBus.PhyInterface iface) {
        Env.current().deref(phydev, "phydev");
        boolean usingGenphy = false;
        if (phydev.driver.get("phy_attach_direct") == null) {
            if (Kernel.get().option(OPTION_RFC_PHY_DEFER) && Dd.devicePendingProbe(phydev)) {
                return -Errno.EPROBE_DEFER;
            }
            // genphy fallback: d->driver set and device_bind_driver() called without device_lock.
            phydev.driver.set(GENPHY, "phy_attach_direct");
            int err = GENPHY.probe(phydev);
            if (err >= 0) {
                err = Dd.deviceBindDriver(phydev);
            }
            if (err != 0) {
                phydev.driver.set(null, "phy_attach_direct");
                return err;
            }
            usingGenphy = true;
        }
        if (phydev.attached_dev.get("phy_attach_direct") != null) {
            if (usingGenphy) {
                Dd.deviceReleaseDriverUnlocked(phydev);
            }
            return -Errno.EBUSY;
        }
        phydev.phy_link_change.set(PhyDevice::phyLinkChange, "phy_attach_direct");
        if (dev != null) {
            phydev.attached_dev.set(dev, "phy_attach_direct");
            dev.phydev.set(phydev, "phy_attach_direct");
            if (phydev.sfp_bus_attached.get("phy_attach_direct")) {
                dev.sfp_bus.set(phydev.sfp_bus.get("phy_attach_direct"), "phy_attach_direct");
            }
        }
        phydev.state.set(PhyDeviceStruct.PhyState.READY, "phy_attach_direct"); // without phydev->lock, as the kernel
        if (dev != null) {
            Dev.netifCarrierOff(dev);
        }
        phyResume(phydev);
        return 0;
    }

    /**
     * Kernel: drivers/net/phy/phy_device.c phy_resume() / __phy_resume() (v5.14)
     * <p>Context: takes phydev->lock; __phy_resume has lockdep_assert_held(&phydev->lock)
     */
    static void phyResume(PhyDeviceStruct phydev) {
        phydev.lock.lock("phy_resume");
        phydev.lock.lockdepAssertHeld("__phy_resume");
        phydev.lock.unlock("phy_resume");
    }

    /**
     * Detaches the PHY from its netdev; releases genphy if it was bound by phy_attach_direct.
     *
     * <p>Kernel: drivers/net/phy/phy_device.c phy_detach() (v5.14)
     * <p>Context: caller's (rtnl when the netdev is registered); device_lock in device_release_driver_internal for genphy
     */
    public static void phyDetach(PhyDeviceStruct phydev) {
        NetDevice dev = phydev.attached_dev.get("phy_detach");
        if (dev != null) {
            Env.current().deref(dev, "phydev->attached_dev");
            dev.phydev.set(null, "phy_detach");
        }
        phydev.attached_dev.set(null, "phy_detach");
        phydev.phylink.set(null, "phy_detach");
        if (phydev.driver.get("phy_detach") == GENPHY) { // phy_driver_is_genphy()
            Dd.deviceReleaseDriverUnlocked(phydev);
        }
    }

    /**
     * Stops the PHY if it is running, then detaches it.
     *
     * <p>Kernel: drivers/net/phy/phy_device.c phy_disconnect() (v5.14)
     * <p>Context: caller's; phy_stop takes phydev->lock; free_irq in phy_free_interrupt waits for a
     * running phy_interrupt (never for a module PHY: PHY_POLL)
     */
    public static void phyDisconnect(PhyDeviceStruct phydev) {
        if (Phy.phyIsStarted(phydev)) {
            Phy.phyStop(phydev);
        }
        if (Phy.phyInterruptIsValid(phydev)) {
            Phy.phyFreeInterrupt(phydev);
        }
        phyDetach(phydev);
    }
}
