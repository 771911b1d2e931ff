package dev.whylock.linux.drivers.net.phy;

import dev.whylock.engine.Obj;
import dev.whylock.linux.hw.SfpModuleType;

/**
 * {@code struct mii_bus}: an MDIO bus; for an SFP module it is the mdio-i2c bus over the cage's
 * I2C adapter. {@code phyType} says which PHY answers at the module PHY address (null: none).
 */
public final class MiiBus extends Obj {
    private final String id;
    private SfpModuleType phyType;

    public MiiBus(String id) {
        super("struct mii_bus");
        this.id = id;
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
