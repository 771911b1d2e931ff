package dev.whylock.linux.drivers.net.phy;

import dev.whylock.engine.Env;
import dev.whylock.linux.drivers.i2c.I2cCore;

/**
 * drivers/net/phy/mdio_bus.c (with drivers/net/mdio/mdio-i2c.c behind it): MDIO register access
 * under the bus's {@code mdio_lock}; for an SFP module the access is an I2C transfer to the
 * module's PHY address, so the lock sits between {@code phydev->lock} and the I2C adapter lock.
 */
public final class MdioBus {
    private MdioBus() {}

    /** MII_BMSR, the basic status register (link status). */
    public static final int MII_BMSR = 0x01;
    /** MII_PHYSID1, the first PHY identifier register. */
    public static final int MII_PHYSID1 = 0x02;

    /**
     * Reads a PHY register: takes the bus's mdio_lock and does the transfer (i2c_mii_read_default:
     * one I2C transfer of a write and a read message).
     *
     * <p>Kernel: drivers/net/phy/mdio_bus.c mdiobus_read() (v5.14)
     * <p>Context: takes mii_bus->mdio_lock; may sleep (I2C)
     */
    public static int mdiobusRead(MiiBus bus, int addr, int regnum) {
        Env.current().deref(bus, "phydev->mdio.bus");
        bus.mdio_lock.lock("mdiobus_read");
        I2cCore.i2cTransfer(bus.i2c, 2, 3); // the register number, then two bytes of value
        bus.mdio_lock.unlock("mdiobus_read");
        return 0;
    }
}
