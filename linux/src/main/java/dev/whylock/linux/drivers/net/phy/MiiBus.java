package dev.whylock.linux.drivers.net.phy;

import dev.whylock.engine.Obj;
import dev.whylock.linux.drivers.i2c.I2cAdapter;
import dev.whylock.linux.kernel.KernelMutex;
import dev.whylock.linux.hw.SfpModuleType;

/**
 * {@code struct mii_bus}: an MDIO bus; for an SFP module it is the mdio-i2c bus over the cage's
 * I2C adapter. {@code phyType} says which PHY answers at the module PHY address (null: none).
 */
public final class MiiBus extends Obj {
    private final String id;
    private SfpModuleType phyType;
    /** The I2C adapter the mdio-i2c bus talks through (immutable). */
    final I2cAdapter i2c;
    /** {@code bus->mdio_lock}: serialises MDIO accesses (one lockdep class for every bus). */
    public final KernelMutex mdio_lock;

    /** mdio_i2c_alloc() + mdiobus_register() (mutex_init(&bus->mdio_lock)). */
    public MiiBus(String id, I2cAdapter i2c) {
        super("struct mii_bus");
        this.id = id;
        this.i2c = i2c;
        this.mdio_lock = new KernelMutex("mii_bus->mdio_lock");
    }

    public String id() {
        return id;
    }

    /** The hardware behind the bus: which module (and so which PHY) is plugged, or null. */
    public SfpModuleType phyType() {
        return phyType;
    }

    /** The hardware world plugs or unplugs a module behind this bus (null: empty cage). */
    public void setPhyType(SfpModuleType type) {
        this.phyType = type;
    }

    /** Superseded by {@link #setPhyType(SfpModuleType)}. */
    @Deprecated
    public void setPhyType(dev.whylock.linux.hw.ModuleType type) {
        this.phyType = type == null ? null : SfpModuleType.fromKey(type.key());
    }

    @Override
    public String toString() {
        return id;
    }
}
