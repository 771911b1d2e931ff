package dev.whylock.linux.drivers.net.phy;

import dev.whylock.engine.Field;
import dev.whylock.engine.Obj;
import dev.whylock.linux.kernel.AtomicWord;
import dev.whylock.linux.kernel.KernelMutex;
import dev.whylock.linux.kernel.WorkStruct;
import dev.whylock.linux.net.core.NetDevice;

/** {@code struct phylink} (drivers/net/phy/phylink.c), fields in kernel order. */
public final class PhylinkStruct extends Obj {

    /** MLO_AN_* link negotiation modes. */
    public enum AnMode { PHY, FIXED, INBAND }

    /** {@code struct phylink_link_state}, the parts the model needs (immutable snapshot). */
    public record LinkState(SfpBus.PhyInterface iface, boolean link) {}

    /** {@code pl->link_config} (immutable snapshot, replaced as a whole). */
    public record LinkConfig(SfpBus.PhyInterface iface, long advertising) {}

    /** {@code pl->netdev}: set at create, immutable. */
    public final NetDevice netdev;
    public final Field<PhyDeviceStruct> phydev;
    public final Field<AnMode> cur_link_an_mode;
    /** {@code pl->link_port} (PORT_* as an int). */
    public final Field<Integer> link_port;
    public final Field<Long> supported;
    public final Field<LinkConfig> link_config;
    /** The interface the MAC was last configured for (phylink_major_config). */
    public final Field<SfpBus.PhyInterface> cur_interface;
    /** {@code pl->phylink_disable_state}: PHYLINK_DISABLE_* bits, atomic bitops. */
    public final AtomicWord phylink_disable_state;
    public final WorkStruct resolve;
    public final Field<Boolean> mac_link_dropped;
    public final Field<Boolean> old_link_state;
    /** {@code pl->state_mutex}. */
    public final KernelMutex state_mutex;
    public final Field<LinkState> phy_state;
    public final Field<SfpBusStruct> sfp_bus;
    public final Field<Boolean> sfp_may_have_phy;
    public final Field<Long> sfp_support;
    public final Field<Integer> sfp_port;
    /** Model instrumentation, not kernel state: phylink_sfp_config calls in progress (check 5). */
    int sfp_config_writers;

    PhylinkStruct(NetDevice netdev) {
        super("struct phylink");
        this.netdev = netdev;
        this.phydev = field("pl->phydev", null);
        this.cur_link_an_mode = field("pl->cur_link_an_mode", AnMode.INBAND);
        this.link_port = field("pl->link_port", 0);
        this.supported = field("pl->supported", SfpBus.LINK_1000BASEX | SfpBus.LINK_1000BASET | SfpBus.LINK_PAUSE);
        this.link_config = field("pl->link_config", new LinkConfig(SfpBus.PhyInterface.NA, 0));
        this.cur_interface = field("pl->cur_interface", SfpBus.PhyInterface.NA);
        // __set_bit(PHYLINK_DISABLE_STOPPED) in phylink_create, before pl is published.
        this.phylink_disable_state = new AtomicWord(this, "pl->phylink_disable_state", 1L << Phylink.PHYLINK_DISABLE_STOPPED);
        this.resolve = new WorkStruct("phylink_resolve", "phylink_resolve", () -> Phylink.phylinkResolve(this));
        this.mac_link_dropped = field("pl->mac_link_dropped", Boolean.FALSE);
        this.old_link_state = field("pl->old_link_state", Boolean.FALSE);
        this.state_mutex = new KernelMutex("pl->state_mutex");
        this.phy_state = field("pl->phy_state", new LinkState(SfpBus.PhyInterface.NA, false));
        this.sfp_bus = field("pl->sfp_bus", null);
        this.sfp_may_have_phy = field("pl->sfp_may_have_phy", Boolean.FALSE);
        this.sfp_support = field("pl->sfp_support", 0L);
        this.sfp_port = field("pl->sfp_port", 0);
    }
}
