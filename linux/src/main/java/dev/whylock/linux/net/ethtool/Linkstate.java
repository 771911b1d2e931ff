package dev.whylock.linux.net.ethtool;

import dev.whylock.engine.Env;
import dev.whylock.linux.drivers.net.phy.PhyDeviceStruct;
import dev.whylock.linux.kernel.Errno;
import dev.whylock.linux.net.core.NetDevice;

/** net/ethtool/linkstate.c: ETHTOOL_MSG_LINKSTATE_GET, a reader of {@code dev->phydev}. */
public final class Linkstate {
    private Linkstate() {}

    /**
     * Reads the signal quality from the PHY: relies on rtnl to keep {@code dev->phydev} valid.
     *
     * <p>Kernel: net/ethtool/linkstate.c linkstate_get_sqi() (v5.14)
     * <p>Context: rtnl held (ethnl_default_doit); takes phydev->lock
     */
    static int linkstateGetSqi(NetDevice dev) {
        PhyDeviceStruct phydev = dev.phydev.get("linkstate_get_sqi");
        if (phydev == null) {
            return -Errno.EOPNOTSUPP;
        }
        Env.current().deref(phydev, "dev->phydev");
        phydev.lock.lock("linkstate_get_sqi");
        phydev.link.get("linkstate_get_sqi");
        phydev.lock.unlock("linkstate_get_sqi");
        return 0;
    }

    /**
     * Kernel: net/ethtool/linkstate.c linkstate_prepare_data() (v5.14)
     * <p>Context: rtnl held (ethnl_default_doit)
     */
    static int linkstatePrepareData(NetDevice dev) {
        return linkstateGetSqi(dev);
    }
}
