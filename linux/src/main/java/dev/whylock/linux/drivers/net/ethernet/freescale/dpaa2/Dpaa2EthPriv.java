package dev.whylock.linux.drivers.net.ethernet.freescale.dpaa2;

import dev.whylock.engine.Field;
import dev.whylock.engine.Obj;
import dev.whylock.linux.kernel.Kernel;
import dev.whylock.linux.kernel.KernelMutex;
import dev.whylock.linux.net.core.NetDevice;

/** {@code struct dpaa2_eth_priv} (dpaa2-eth.h): netdev_priv() of a DPNI, the parts the model needs. */
public final class Dpaa2EthPriv extends Obj {
    /** {@code priv->net_dev}: immutable. */
    public final NetDevice net_dev;
    /**
     * {@code priv->mac}: the connected DPMAC or NULL. v5.14: changed under rtnl by the
     * endpoint-changed IRQ thread; 2022 fix: changed and read under {@link #mac_lock}.
     */
    public final Field<Dpaa2MacStruct> mac;
    /** {@code priv->mac_lock} (the 2022 fix, model option dpaa2-mac-lock); null without it. */
    public final KernelMutex mac_lock;

    /** The private part of alloc_etherdev_mq(), with mutex_init(&priv->mac_lock) under the option. */
    Dpaa2EthPriv(NetDevice netDev) {
        super("struct dpaa2_eth_priv");
        this.net_dev = netDev;
        this.mac = field("priv->mac", null);
        this.mac_lock = Kernel.get().option(Dpaa2Eth.OPTION_MAC_LOCK) ? new KernelMutex("priv->mac_lock") : null;
    }
}
