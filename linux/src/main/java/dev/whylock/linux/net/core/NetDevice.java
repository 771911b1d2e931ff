package dev.whylock.linux.net.core;

import dev.whylock.engine.Completion;
import dev.whylock.engine.Env;
import dev.whylock.engine.Field;
import dev.whylock.engine.Obj;
import dev.whylock.linux.drivers.net.phy.PhyDeviceStruct;
import dev.whylock.linux.drivers.net.phy.SfpBusStruct;

/** {@code struct net_device} (include/linux/netdevice.h): the fields the model needs. */
public final class NetDevice extends Obj {

    /** enum reg_state, in kernel order. */
    public enum RegState { UNINITIALIZED, REGISTERED, UNREGISTERING, UNREGISTERED, RELEASED }

    private final String name;
    /** {@code dev->netdev_ops} (with the driver's ethtool ops), fixed at allocation. */
    public final NetDeviceOps netdev_ops;
    /** {@code dev->phydev}: protected by rtnl once the netdev is registered. */
    public final Field<PhyDeviceStruct> phydev;
    /** {@code dev->sfp_bus}: written by phylink_sfp_attach/detach under rtnl. */
    public final Field<SfpBusStruct> sfp_bus;
    public final Field<RegState> reg_state;
    /** IFF_UP in {@code dev->flags}. */
    public final Field<Boolean> up;
    /** __LINK_STATE_NOCARRIER cleared: the carrier is on. */
    public final Field<Boolean> carrier;
    /** {@code dev->pcpu_refcnt}: references taken with dev_hold beyond the registration's own (atomic). */
    public final Field<Integer> refcnt;
    /** What netdev_wait_allrefs waits on: completed by the dev_put that drops the last extra reference. */
    public final Completion refsReleased;
    /** netdev_priv(): the driver's private data, fixed at allocation. */
    private Obj priv;

    /** alloc_etherdev(). */
    public NetDevice(String name, NetDeviceOps ops) {
        super("struct net_device");
        this.name = name;
        this.netdev_ops = ops;
        this.phydev = field("netdev->phydev", null);
        this.sfp_bus = field("netdev->sfp_bus", null);
        this.reg_state = field("netdev->reg_state", RegState.UNINITIALIZED);
        this.up = field("netdev->flags.IFF_UP", Boolean.FALSE);
        this.carrier = field("netdev->carrier", Boolean.FALSE).atomic(); // __LINK_STATE_NOCARRIER bitops
        this.refcnt = field("netdev->pcpu_refcnt", 0).atomic();
        this.refsReleased = Env.current().completion(name + ": netdev_wait_allrefs");
    }

    public String name() {
        return name;
    }

    public Obj priv() {
        return priv;
    }

    public void setPriv(Obj p) {
        this.priv = p;
    }

    @Override
    public String toString() {
        return name;
    }
}
