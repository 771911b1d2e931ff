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
     * Runs a GET request's prepare_data under rtnl.
     *
     * <p>Kernel: net/ethtool/netlink.c ethnl_default_doit() (v5.14)
     * <p>Context: takes rtnl_mutex around ops->prepare_data
     * <p>Model: the device lookup, which the kernel does with a reference before rtnl_lock, is done under rtnl.
     */
    public static int ethnlDefaultDoit(String ifname, Request req) {
        Rtnetlink.rtnlLock("ethnl_default_doit");
        int ret = -Errno.ENODEV;
        NetDevice dev = Dev.devGetByName(ifname, "ethnl_parse_header_dev_get");
        if (dev != null) {
            ret = switch (req) {
                case MODULE_EEPROM_GET -> Eeprom.eepromPrepareData(dev);
                case LINKSTATE_GET -> Linkstate.linkstatePrepareData(dev);
            };
        }
        Rtnetlink.rtnlUnlock("ethnl_default_doit");
        return ret;
    }
}
