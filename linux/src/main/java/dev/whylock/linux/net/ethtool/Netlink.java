package dev.whylock.linux.net.ethtool;

import dev.whylock.linux.kernel.Errno;
import dev.whylock.linux.net.core.Dev;
import dev.whylock.linux.net.core.NetDevice;
import dev.whylock.linux.net.core.Rtnetlink;

/** net/ethtool/netlink.c: the generic netlink request path. */
public final class Netlink {
    private Netlink() {}

    /** The ETHTOOL_MSG_*_GET requests the model issues. */
    public enum Request { MODULE_EEPROM_GET, LINKSTATE_GET }

    /**
     * Runs a GET request: finds the device and takes a reference before rtnl_lock, runs
     * prepare_data under rtnl, and drops the reference after. The device may be unregistered
     * between the lookup and rtnl_lock; the reference keeps it (and whatever its driver frees only
     * after unregister_netdev returns, such as phylink) alive, because unregister_netdev waits for
     * it in netdev_wait_allrefs.
     *
     * <p>Kernel: net/ethtool/netlink.c ethnl_default_doit() (v5.14)
     * <p>Context: takes rtnl_mutex around ops->prepare_data; holds a device reference (dev_hold)
     * from ethnl_parse_header_dev_get to the end
     * <p>Model: v5.14's ethnl_ops_begin does not check reg_state yet (later kernels return -ENODEV
     * for an unregistering device); netif_device_present is always true here.
     */
    public static int ethnlDefaultDoit(String ifname, Request req) {
        NetDevice dev = Dev.devGetByName(ifname); // ethnl_parse_header_dev_get: dev_get_by_name + dev_hold
        if (dev == null) {
            return -Errno.ENODEV;
        }
        Rtnetlink.rtnlLock("ethnl_default_doit");
        int ret = switch (req) {
            case MODULE_EEPROM_GET -> Eeprom.eepromPrepareData(dev);
            case LINKSTATE_GET -> Linkstate.linkstatePrepareData(dev);
        };
        Rtnetlink.rtnlUnlock("ethnl_default_doit");
        Dev.devPut(dev, "ethnl_default_doit");
        return ret;
    }
}
