package dev.whylock.linux.drivers.net.ethernet.freescale.dpaa2;

import dev.whylock.engine.Field;
import dev.whylock.engine.Obj;
import dev.whylock.linux.drivers.base.Fwnode;
import dev.whylock.linux.drivers.net.phy.PhylinkStruct;
import dev.whylock.linux.net.core.NetDevice;

/** {@code struct dpaa2_mac} (dpaa2-mac.h): the DPMAC side of a DPNI, the parts the model needs. */
public final class Dpaa2MacStruct extends Obj {
    /** {@code mac->net_dev}: set at allocation, immutable. */
    public final NetDevice net_dev;
    /** {@code mac->fw_node}: the DPMAC's firmware node (found by dpaa2_mac_open), immutable here. */
    public final Fwnode fw_node;
    /** {@code mac->phylink}: set by dpaa2_mac_connect. */
    public final Field<PhylinkStruct> phylink;

    /** kzalloc in dpaa2_eth_connect_mac(). */
    Dpaa2MacStruct(NetDevice netDev, Fwnode fwNode) {
        super("struct dpaa2_mac");
        this.net_dev = netDev;
        this.fw_node = fwNode;
        this.phylink = field("mac->phylink", null);
    }
}
