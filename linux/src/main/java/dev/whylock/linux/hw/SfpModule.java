package dev.whylock.linux.hw;

import dev.whylock.linux.drivers.net.phy.SfpEepromId;

/**
 * One physical module in a cage: its type and its EEPROM pages (A0h at I2C address 0x50, A2h at
 * 0x51), whose status and control bytes change as the host writes them.
 */
/*
 * The pages are plain arrays: the model only touches them inside an I2C transfer, right after the
 * visible operation that found this module on the bus, so no other task runs in between.
 */
public final class SfpModule {
    /** I2C address of the PHY inside copper modules (SFP_PHY_ADDR 22 on mdio-i2c). */
    public static final int PHY_I2C_ADDR = 0x56;

    private final SfpModuleType type;
    private final byte[] a0;
    private final byte[] a2;
    private final boolean hasA2;
    private int eepromNaks;
    private int phyNaks;
    private int a2WriteNaks;

    SfpModule(SfpModuleType type) {
        this.type = type;
        this.a0 = type.a0();
        this.a2 = type.a2();
        this.hasA2 = type.hasA2();
    }

    public SfpModuleType type() {
        return type;
    }

    /**
     * Reads {@code len} bytes at {@code offset} of A0h or A2h; returns the bytes transferred
     * (a module without an A2h page does not acknowledge 0x51: -1).
     */
    public int read(boolean a2page, int offset, byte[] buf, int bufOff, int len) {
        if (a2page && !hasA2) {
            return -1;
        }
        byte[] page = a2page ? a2 : a0;
        int n = Math.max(0, Math.min(len, page.length - offset));
        System.arraycopy(page, offset, buf, bufOff, n);
        return n;
    }

    /** Writes {@code len} bytes at {@code offset}; A0h is read-only in the model. Returns bytes written or -1. */
    public int write(boolean a2page, int offset, byte[] buf, int bufOff, int len) {
        if (!a2page || !hasA2) {
            return -1;
        }
        if (a2WriteNaks > 0) {
            a2WriteNaks--;
            return -1;
        }
        int n = Math.max(0, Math.min(len, a2.length - offset));
        System.arraycopy(buf, bufOff, a2, offset, n);
        return n;
    }

    /** Whether something answers at {@code addr} on the module's I2C bus (0x50, 0x51, the PHY at 0x56). */
    public boolean answers(int addr) {
        return addr == 0x50 || (addr == 0x51 && hasA2) || (addr == PHY_I2C_ADDR && type.hasPhy());
    }

    /**
     * Makes the module slow to respond: its next {@code naks} transfers to the ID EEPROM (0x50)
     * are not acknowledged, as a module still booting its microcontroller does.
     */
    public void setEepromNaks(int naks) {
        this.eepromNaks = naks;
    }

    /** Makes the module ignore its next {@code naks} writes to A2h (a module busy switching power). */
    public void setA2WriteNaks(int naks) {
        this.a2WriteNaks = naks;
    }

    /** Makes the module's PHY (0x56) ignore its next {@code naks} transfers (a PHY still in reset). */
    public void setPhyNaks(int naks) {
        this.phyNaks = naks;
    }

    /**
     * One transfer to {@code addr}: whether the device there acknowledges it (consumes one pending
     * NAK of a slow EEPROM or PHY).
     */
    public boolean ack(int addr) {
        if (!answers(addr)) {
            return false;
        }
        if (addr == 0x50 && eepromNaks > 0) {
            eepromNaks--;
            return false;
        }
        if (addr == PHY_I2C_ADDR && phyNaks > 0) {
            phyNaks--;
            return false;
        }
        return true;
    }

    /** Whether the module has switched itself to its high power level (A2h byte 118 bit 0). */
    public boolean highPower() {
        return (a2[SfpEepromId.SFP_EXT_STATUS] & SfpEepromId.SFP_EXT_STATUS_PWRLVL_SELECT) != 0;
    }

    /** Mirrors a signal into the soft status byte (A2h byte 110), as SFF-8472 modules do. */
    void setSignal(SfpCage.Gpio g, boolean value) {
        int bit = switch (g) {
            case LOS -> SfpEepromId.SFP_STATUS_RX_LOS;
            case TX_FAULT -> SfpEepromId.SFP_STATUS_TX_FAULT;
            default -> 0;
        };
        if (bit == 0) {
            return;
        }
        int s = a2[SfpEepromId.SFP_STATUS] & 0xff;
        a2[SfpEepromId.SFP_STATUS] = (byte) (value ? s | bit : s & ~bit);
    }

    @Override
    public String toString() {
        return type.key();
    }
}
