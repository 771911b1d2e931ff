package dev.whylock.linux.drivers.net.phy;

import dev.whylock.engine.Field;
import dev.whylock.linux.drivers.base.Device;
import dev.whylock.linux.kernel.DelayedWork;
import dev.whylock.linux.kernel.Irq;
import dev.whylock.linux.kernel.KernelMutex;
import dev.whylock.linux.net.core.NetDevice;

/**
 * {@code struct phy_device} (include/linux/phy.h), with its embedded {@code mdio.dev} as the
 * {@link Device} part. {@code drv} is {@code mdio.dev.driver}.
 */
public final class PhyDeviceStruct extends Device {

    /** enum phy_state, in kernel order. */
    public enum PhyState { DOWN, READY, HALTED, UP, RUNNING, NOLINK, CABLETEST }

    /** The link-change callback: {@code phy_link_change} or {@code phylink_phy_change}. */
    public interface LinkChange {
        void call(PhyDeviceStruct phydev, boolean up);
    }

    /** {@code phydev->lock}: one lockdep class for every PHY (single mutex_init site). */
    public final KernelMutex lock;
    public final Field<PhyState> state;
    public final Field<Boolean> link;
    public final Field<NetDevice> attached_dev;
    public final Field<Object> phylink;
    public final Field<LinkChange> phy_link_change;
    public final Field<SfpBusStruct> sfp_bus;
    public final Field<Boolean> sfp_bus_attached;
    /** {@code phydev->state_queue}: the PHY state machine ({@code phy_state_machine}). */
    public final DelayedWork state_queue;
    /** The bus and address the PHY answers at (immutable). */
    public final MiiBus bus;
    public final int addr;
    /**
     * {@code phydev->irq}: copied from {@code bus->irq[addr]} by phy_device_create; mdio-i2c
     * registers none, so every module PHY is PHY_POLL (immutable after creation).
     */
    public final int irq;
    /** The threaded IRQ requested by phy_request_interrupt, or null (plain Java, set before it can fire). */
    Irq irqHandler;
    /** Whether the hardware link is up (the PHY's own register; the hardware world drives it). */
    public boolean hw_link = true;
    /** How often the specific driver's probe ran (hardware resource readiness, plain Java). */
    int probe_attempts;

    PhyDeviceStruct(MiiBus bus, int addr) {
        super("struct phy_device", bus.id() + ":" + String.format("%02x", addr), null);
        this.bus = bus;
        this.addr = addr;
        this.irq = Phy.PHY_POLL;
        this.lock = new KernelMutex("phydev->lock");
        this.state = field("phydev->state", PhyState.DOWN);
        this.link = field("phydev->link", Boolean.FALSE);
        this.attached_dev = field("phydev->attached_dev", null);
        this.phylink = field("phydev->phylink", null);
        this.phy_link_change = field("phydev->phy_link_change", null);
        this.sfp_bus = field("phydev->sfp_bus", null);
        this.sfp_bus_attached = field("phydev->sfp_bus_attached", Boolean.FALSE);
        this.state_queue = new DelayedWork("phy_state_machine", "phy_state_machine", () -> Phy.phyStateMachine(this));
    }
}
