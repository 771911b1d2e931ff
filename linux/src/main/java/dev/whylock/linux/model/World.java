package dev.whylock.linux.model;

import dev.whylock.linux.drivers.base.Fwnode;
import dev.whylock.linux.drivers.net.ethernet.MacDriver;
import dev.whylock.linux.drivers.net.ethernet.MacPort;
import dev.whylock.linux.drivers.net.ethernet.freescale.dpaa2.Dpaa2Eth;
import dev.whylock.linux.drivers.net.ethernet.freescale.dpaa2.Dpaa2EthPriv;
import dev.whylock.linux.drivers.net.ethernet.freescale.dpaa2.Dpaa2MacStruct;
import dev.whylock.linux.drivers.net.phy.PhylinkStruct;
import dev.whylock.linux.net.core.NetDevice;
import dev.whylock.linux.hw.SfpCage;
import dev.whylock.linux.kernel.Kernel;

/**
 * The machine of one execution: an SFP cage and a MAC whose firmware node points at it
 * ({@code sfp = <&sfp0>}), as on a Marvell Armada board.
 */
final class World {
    /** The interface name userspace uses. */
    static final String IFNAME = "eth0";

    final SfpCage cage;
    final MacDriver.MacDevice mac;
    /** A DPAA2 DPNI, whose DPMAC (node dpmac17, {@code sfp = <&sfp0>}) is connected at run time. */
    final Dpaa2Eth.DpniDevice dpni;
    final Fwnode dpmac;

    private World() {
        this.cage = new SfpCage("sfp0");
        this.mac = new MacDriver.MacDevice("mac0", new Fwnode("mac0", cage.fwnode(), true));
        this.dpni = new Dpaa2Eth.DpniDevice("dpni.0");
        this.dpmac = new Fwnode("dpmac17", cage.fwnode(), true);
    }

    /** The netdev of whichever MAC driver is bound and the phylink it uses now, read with peek. */
    record Upstream(NetDevice dev, PhylinkStruct pl) {}

    /** The bound netdev and its current phylink (either may be null), without a visible operation. */
    Upstream upstreamPeek() {
        MacPort pp = portPeek();
        if (pp != null && !pp.isFreed() && !pp.dev.isFreed()) {
            return new Upstream(pp.dev, pp.phylink.peek());
        }
        NetDevice nd = Dpaa2Eth.netdevPeek(dpni);
        if (nd != null && !nd.isFreed() && nd.priv() instanceof Dpaa2EthPriv priv && !priv.isFreed()) {
            Dpaa2MacStruct m = priv.mac.peek();
            return new Upstream(nd, m == null || m.isFreed() ? null : m.phylink.peek());
        }
        return null;
    }

    /** The world of the running execution, created on first use. */
    static World get() {
        return Kernel.get().global("model:world", World::new);
    }

    /** The MAC's private data without a visible operation (invariants), or null. */
    MacPort portPeek() {
        return mac.driverData.peek();
    }
}
