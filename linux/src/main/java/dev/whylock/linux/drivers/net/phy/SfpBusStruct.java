package dev.whylock.linux.drivers.net.phy;

import dev.whylock.engine.Field;
import dev.whylock.engine.Obj;
import dev.whylock.linux.drivers.base.Device;
import dev.whylock.linux.drivers.base.Fwnode;
import dev.whylock.linux.kernel.Kernel;
import dev.whylock.linux.kernel.KernelMutex;
import dev.whylock.linux.kernel.Kref;

/**
 * {@code struct sfp_bus} (drivers/net/phy/sfp-bus.c): one per SFP cage fwnode, shared by the
 * upstream (phylink or a PHY) and the socket (sfp.c). Fields in kernel order.
 */
public final class SfpBusStruct extends Obj {
    /** {@code bus->kref}: held by the upstream and by the socket. */
    public final Kref kref;
    /** {@code bus->fwnode}: the cage's node, set once under sfp_mutex before the bus is published. */
    public final Fwnode fwnode;

    public final Field<SfpSocketOps> socket_ops;
    public final Field<Device> sfp_dev;
    public final Field<Obj> sfp;

    public final Field<SfpUpstreamOps> upstream_ops;
    public final Field<Obj> upstream;
    public final Field<PhyDeviceStruct> phydev;

    public final Field<Boolean> registered;
    public final Field<Boolean> started;

    /**
     * {@code bus->lock}: the private per-bus mutex of the 2021 proposal (model option
     * {@code sfp-bus-private-lock}); null without the option, as the kernel has no such lock.
     */
    public final KernelMutex lock;
    /** The task holding {@link #lock} (plain bookkeeping, no visible operation), for re-entry. */
    String lockOwner;

    /** kzalloc + kref_init in sfp_bus_get() (and, with the 2021 proposal, mutex_init of bus->lock). */
    SfpBusStruct(Fwnode fwnode) {
        super("struct sfp_bus");
        this.kref = new Kref(this, "bus->kref");
        this.fwnode = fwnode;
        this.socket_ops = field("bus->socket_ops", null);
        this.sfp_dev = field("bus->sfp_dev", null);
        this.sfp = field("bus->sfp", null);
        this.upstream_ops = field("bus->upstream_ops", null);
        this.upstream = field("bus->upstream", null);
        this.phydev = field("bus->phydev", null);
        this.registered = field("bus->registered", Boolean.FALSE);
        this.started = field("bus->started", Boolean.FALSE);
        this.lock = Kernel.get().option(SfpBus.OPTION_PRIVATE_LOCK) ? new KernelMutex("sfp_bus->lock") : null;
    }
}
