package dev.whylock.linux.net.ethtool;

import dev.whylock.engine.Env;
import dev.whylock.linux.drivers.net.phy.Phy;
import dev.whylock.linux.drivers.net.phy.PhyDeviceStruct;
import dev.whylock.linux.drivers.net.phy.SfpBus;
import dev.whylock.linux.kernel.Errno;
import dev.whylock.linux.net.core.Dev;
import dev.whylock.linux.net.core.NetDevice;
import dev.whylock.linux.net.core.Rtnetlink;

/**
 * net/ethtool/ioctl.c: the SIOCETHTOOL path. In v5.14 {@code dev_ioctl()} takes rtnl around
 * {@code dev_ethtool()}, so every command here runs under rtnl.
 */
public final class Ioctl {
    private Ioctl() {}

    /** The ethtool commands the model issues. */
    public enum Cmd { GMODULEINFO, GMODULEEEPROM, GPHYSTATS, GLINKSETTINGS, SLINKSETTINGS }

    /**
     * The ioctl entry: takes rtnl and dispatches.
     *
     * <p>Kernel: net/core/dev_ioctl.c dev_ioctl() → net/ethtool/ioctl.c dev_ethtool() (v5.14)
     * <p>Context: takes rtnl_mutex
     */
    public static int devEthtool(String ifname, Cmd cmd) {
        Rtnetlink.rtnlLock("dev_ioctl");
        int ret = -Errno.ENODEV;
        NetDevice dev = Dev.devGetByName(ifname, "dev_ethtool");
        if (dev != null) {
            ret = switch (cmd) {
                case GMODULEINFO -> ethtoolGetModuleInfo(dev);
                case GMODULEEEPROM -> ethtoolGetModuleEeprom(dev);
                case GPHYSTATS -> ethtoolGetPhyStats(dev);
                case GLINKSETTINGS -> dev.netdev_ops.getLinkKsettings(dev);
                case SLINKSETTINGS -> dev.netdev_ops.setLinkKsettings(dev);
            };
        }
        Rtnetlink.rtnlUnlock("dev_ioctl");
        return ret;
    }

    /**
     * Reads {@code dev->phydev} first, then {@code dev->sfp_bus} twice, as the kernel does: once to
     * test it and once to pass it (nothing but rtnl keeps the two reads equal).
     *
     * <p>Kernel: net/ethtool/ioctl.c ethtool_get_module_info_call() (v5.14)
     * <p>Context: rtnl held
     */
    static int ethtoolGetModuleInfoCall(NetDevice dev, EthtoolModinfo modinfo) {
        final String f = "ethtool_get_module_info_call";
        dev.phydev.get(f); // struct phy_device *phydev = dev->phydev;
        if (dev.sfp_bus.get(f) != null) {
            return SfpBus.sfpGetModuleInfo(dev.sfp_bus.get(f), modinfo);
        }
        return -Errno.EOPNOTSUPP; // no PHY module_info and no driver op in this model
    }

    /**
     * Kernel: net/ethtool/ioctl.c ethtool_get_module_info() (v5.14)
     * <p>Context: rtnl held
     */
    static int ethtoolGetModuleInfo(NetDevice dev) {
        return ethtoolGetModuleInfoCall(dev, new EthtoolModinfo());
    }

    /**
     * Reads {@code dev->phydev}, then {@code dev->sfp_bus} twice (test, then pass), as the kernel does.
     *
     * <p>Kernel: net/ethtool/ioctl.c ethtool_get_module_eeprom_call() (v5.14)
     * <p>Context: rtnl held; sleeps in I2C
     */
    static int ethtoolGetModuleEepromCall(NetDevice dev, EthtoolModuleEeprom ee) {
        final String f = "ethtool_get_module_eeprom_call";
        dev.phydev.get(f); // struct phy_device *phydev = dev->phydev;
        if (dev.sfp_bus.get(f) != null) {
            return SfpBus.sfpGetModuleEeprom(dev.sfp_bus.get(f), ee);
        }
        return -Errno.EOPNOTSUPP;
    }

    /**
     * Reads the module info for the length, then the EEPROM.
     *
     * <p>Kernel: net/ethtool/ioctl.c ethtool_get_module_eeprom() (v5.14)
     * <p>Context: rtnl held
     */
    static int ethtoolGetModuleEeprom(NetDevice dev) {
        EthtoolModinfo modinfo = new EthtoolModinfo();
        int ret = ethtoolGetModuleInfoCall(dev, modinfo);
        if (ret != 0) {
            return ret;
        }
        return ethtoolGetModuleEepromCall(dev, new EthtoolModuleEeprom(0, Math.max(1, Math.min(16, modinfo.eepromLen))));
    }

    /**
     * Reads the PHY statistics through {@code dev->phydev}.
     *
     * <p>Kernel: net/ethtool/ioctl.c ethtool_get_phy_stats() (v5.14)
     * <p>Context: rtnl held; phy_ethtool_get_stats takes phydev->lock
     */
    static int ethtoolGetPhyStats(NetDevice dev) {
        PhyDeviceStruct phydev = dev.phydev.get("ethtool_get_phy_stats");
        if (phydev == null) {
            return -Errno.EOPNOTSUPP;
        }
        Env.current().deref(phydev, "dev->phydev");
        return Phy.phyEthtoolGetStats(phydev);
    }
}
