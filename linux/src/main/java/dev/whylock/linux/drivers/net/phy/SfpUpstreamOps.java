package dev.whylock.linux.drivers.net.phy;

import dev.whylock.engine.Obj;

/**
 * {@code struct sfp_upstream_ops} (include/linux/sfp.h): what the upstream (phylink, or a PHY
 * with a cage) offers the bus. {@code upstream} is the {@code void *upstream} of the bus. An op the
 * upstream leaves NULL is the default method, which does nothing and returns 0.
 */
public interface SfpUpstreamOps {

    /** .attach: the bus is registered (phylink: {@code netdev->sfp_bus = bus}). */
    default void attach(Obj upstream, SfpBusStruct bus) {}

    /** .detach. */
    default void detach(Obj upstream, SfpBusStruct bus) {}

    /** .module_insert. */
    default int moduleInsert(Obj upstream, SfpEepromId id) {
        return 0;
    }

    /** .module_remove. */
    default void moduleRemove(Obj upstream) {}

    /** .module_start. */
    default int moduleStart(Obj upstream) {
        return 0;
    }

    /** .module_stop. */
    default void moduleStop(Obj upstream) {}

    /** .link_down. */
    default void linkDown(Obj upstream) {}

    /** .link_up. */
    default void linkUp(Obj upstream) {}

    /** .connect_phy. */
    default int connectPhy(Obj upstream, PhyDeviceStruct phy) {
        return 0;
    }

    /** .disconnect_phy. */
    default void disconnectPhy(Obj upstream) {}

    /** Whether .connect_phy/.disconnect_phy are set (the PHY upstream leaves them NULL). */
    default boolean hasConnectPhy() {
        return true;
    }
}
