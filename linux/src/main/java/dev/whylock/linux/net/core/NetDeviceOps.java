package dev.whylock.linux.net.core;

import dev.whylock.linux.kernel.Errno;

/**
 * {@code struct net_device_ops} plus the parts of {@code struct ethtool_ops} the model uses. An op
 * the driver leaves NULL is the default, which returns -EOPNOTSUPP.
 */
public interface NetDeviceOps {

    /** .ndo_open. */
    int ndoOpen(NetDevice dev);

    /** .ndo_stop. */
    int ndoStop(NetDevice dev);

    /** ethtool_ops.get_link_ksettings. */
    default int getLinkKsettings(NetDevice dev) {
        return -Errno.EOPNOTSUPP;
    }

    /** ethtool_ops.set_link_ksettings. */
    default int setLinkKsettings(NetDevice dev) {
        return -Errno.EOPNOTSUPP;
    }
}
