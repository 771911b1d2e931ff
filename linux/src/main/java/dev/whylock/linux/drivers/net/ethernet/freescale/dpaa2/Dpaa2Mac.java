package dev.whylock.linux.drivers.net.ethernet.freescale.dpaa2;

import dev.whylock.engine.Env;
import dev.whylock.linux.drivers.net.phy.Phylink;
import dev.whylock.linux.drivers.net.phy.PhylinkStruct;
import dev.whylock.linux.kernel.Errno;
import dev.whylock.linux.kernel.Kernel;
import dev.whylock.linux.net.core.Rtnetlink;

/**
 * drivers/net/ethernet/freescale/dpaa2/dpaa2-mac.c: the DPMAC library shared by dpaa2-eth and
 * dpaa2-switch; here only the phylink part (the MC firmware commands, the PCS and the SerDes PHY
 * take no lock the model tracks and are left out).
 */
public final class Dpaa2Mac {
    private Dpaa2Mac() {}

    /**
     * Creates the DPMAC's phylink instance and connects its PHY.
     *
     * <p>Kernel: drivers/net/ethernet/freescale/dpaa2/dpaa2-mac.c dpaa2_mac_connect() (v5.14; 2022 fix 87db82cb6149)
     * <p>Context: takes rtnl_mutex only with option dpaa2-mac-lock, around phylink_fwnode_phy_connect;
     * v5.14: rtnl held by the caller (dpni_irq0_handler_thread), so phylink_create self-deadlocks in
     * sfp_bus_add_upstream
     */
    static int dpaa2MacConnect(Dpaa2MacStruct mac) {
        PhylinkStruct pl = Phylink.phylinkCreate(mac.net_dev, mac.fw_node);
        if (pl == null) {
            return -Errno.EINVAL; // IS_ERR(phylink)
        }
        mac.phylink.set(pl, "dpaa2_mac_connect");
        boolean fix = Kernel.get().option(Dpaa2Eth.OPTION_MAC_LOCK);
        if (fix) {
            Rtnetlink.rtnlLock("dpaa2_mac_connect");
        }
        int err = Phylink.phylinkFwnodePhyConnect(pl, mac.fw_node, 0);
        if (fix) {
            Rtnetlink.rtnlUnlock("dpaa2_mac_connect");
        }
        if (err != 0) {
            Phylink.phylinkDestroy(pl);
            return err;
        }
        return 0;
    }

    /**
     * Disconnects the PHY and destroys the phylink instance.
     *
     * <p>Kernel: drivers/net/ethernet/freescale/dpaa2/dpaa2-mac.c dpaa2_mac_disconnect() (v5.14; 2022 fix 87db82cb6149)
     * <p>Context: takes rtnl_mutex only with option dpaa2-mac-lock, around phylink_disconnect_phy;
     * v5.14: rtnl held by the caller, so phylink_destroy self-deadlocks in sfp_bus_del_upstream
     * <p>Model: v5.14's "if (!mac->phylink) return" is kept; the 2022 series removed it (patch 04).
     */
    static void dpaa2MacDisconnect(Dpaa2MacStruct mac) {
        boolean fix = Kernel.get().option(Dpaa2Eth.OPTION_MAC_LOCK);
        PhylinkStruct pl = mac.phylink.get("dpaa2_mac_disconnect");
        if (!fix && pl == null) {
            return;
        }
        if (fix) {
            Rtnetlink.rtnlLock("dpaa2_mac_disconnect");
        }
        Phylink.phylinkDisconnectPhy(Env.current().deref(pl, "mac->phylink"));
        if (fix) {
            Rtnetlink.rtnlUnlock("dpaa2_mac_disconnect");
        }
        Phylink.phylinkDestroy(pl);
    }
}
