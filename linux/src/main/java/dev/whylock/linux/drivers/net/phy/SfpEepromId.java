package dev.whylock.linux.drivers.net.phy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code struct sfp_eeprom_id} (include/linux/sfp.h): the 96-byte ID area of a module's A0h page,
 * a 64-byte base part and a 32-byte extended part, each ending in a checksum. Immutable: a copy of
 * the bytes read over I2C. The constants are the SFF-8472 / SFF-8024 offsets and bits as the
 * kernel names them; offsets are absolute A0h (ID) or A2h (diagnostics) addresses.
 */
public final class SfpEepromId {
    public static final int BASE_LEN = 64;
    public static final int EXT_LEN = 32;

    // A0h offsets
    public static final int SFP_PHYS_ID = 0;
    public static final int SFP_PHYS_EXT_ID = 1;
    public static final int SFP_CONNECTOR = 2;
    public static final int SFP_BR_NOMINAL = 12;
    public static final int SFP_VENDOR_NAME = 20;
    public static final int SFP_EXTENDED_CC = 36;
    public static final int SFP_VENDOR_PN = 40;
    public static final int SFP_CC_BASE = 63;
    public static final int SFP_OPTIONS = 64;
    public static final int SFP_VENDOR_SN = 68;
    public static final int SFP_DIAGMON = 92;
    public static final int SFP_ENHOPTS = 93;
    public static final int SFP_SFF8472_COMPLIANCE = 94;
    public static final int SFP_CC_EXT = 95;

    // A2h offsets
    public static final int SFP_TEMP = 96;
    public static final int SFP_VCC = 98;
    public static final int SFP_STATUS = 110;
    public static final int SFP_EXT_STATUS = 118;

    public static final int SFF8024_ID_SFP = 0x03;
    public static final int SFP_PHYS_EXT_ID_SFP = 0x04;
    public static final int SFF8024_CONNECTOR_LC = 0x07;
    public static final int SFF8024_CONNECTOR_COPPER_PIGTAIL = 0x21;
    public static final int SFF8024_CONNECTOR_RJ45 = 0x22;
    public static final int SFF8024_ECC_10GBASE_T_SFI = 0x16;
    public static final int SFF8024_ECC_10GBASE_T_SR = 0x1c;
    public static final int SFF8024_ECC_5GBASE_T = 0x1d;
    public static final int SFF8024_ECC_2_5GBASE_T = 0x1e;

    /** A0h byte 6 (1000BASE compliance). */
    public static final int E1000_BASE_SX = 0x01;
    public static final int E1000_BASE_LX = 0x02;
    public static final int E1000_BASE_CX = 0x04;
    public static final int E1000_BASE_T = 0x08;
    /** A0h byte 8 (SFP+ cable technology). */
    public static final int SFP_CT_PASSIVE = 0x04;
    public static final int SFP_CT_ACTIVE = 0x08;

    public static final int SFP_OPTIONS_HIGH_POWER_LEVEL = 1 << 13;
    public static final int SFP_OPTIONS_PAGING_A2 = 1 << 12;
    public static final int SFP_OPTIONS_POWER_DECL = 1 << 9;
    public static final int SFP_OPTIONS_RATE_SELECT = 1 << 5;
    public static final int SFP_OPTIONS_TX_DISABLE = 1 << 4;
    public static final int SFP_OPTIONS_TX_FAULT = 1 << 3;
    public static final int SFP_OPTIONS_LOS_INVERTED = 1 << 2;
    public static final int SFP_OPTIONS_LOS_NORMAL = 1 << 1;

    public static final int SFP_DIAGMON_DDM = 1 << 6;
    public static final int SFP_DIAGMON_INT_CAL = 1 << 5;
    public static final int SFP_DIAGMON_EXT_CAL = 1 << 4;
    public static final int SFP_DIAGMON_RXPWR_AVG = 1 << 3;
    public static final int SFP_DIAGMON_ADDRMODE = 1 << 2;

    public static final int SFP_ENHOPTS_ALARMWARN = 1 << 7;
    public static final int SFP_ENHOPTS_SOFT_TX_DISABLE = 1 << 6;
    public static final int SFP_ENHOPTS_SOFT_TX_FAULT = 1 << 5;
    public static final int SFP_ENHOPTS_SOFT_RX_LOS = 1 << 4;
    public static final int SFP_ENHOPTS_SOFT_RATE_SELECT = 1 << 3;

    public static final int SFP_SFF8472_COMPLIANCE_NONE = 0x00;
    public static final int SFP_SFF8472_COMPLIANCE_REV11_0 = 0x05;
    public static final int SFP_SFF8472_COMPLIANCE_REV12_0 = 0x08;

    public static final int SFP_STATUS_TX_DISABLE = 1 << 7;
    public static final int SFP_STATUS_TX_DISABLE_FORCE = 1 << 6;
    public static final int SFP_STATUS_TX_FAULT = 1 << 2;
    public static final int SFP_STATUS_RX_LOS = 1 << 1;
    public static final int SFP_EXT_STATUS_PWRLVL_SELECT = 1 << 0;

    /** The all-zero ID of an empty cage (memset(&sfp->id, 0)). */
    public static final SfpEepromId ZERO = new SfpEepromId(new byte[BASE_LEN], new byte[EXT_LEN]);

    private final byte[] base;
    private final byte[] ext;

    private SfpEepromId(byte[] base, byte[] ext) {
        this.base = base.clone();
        this.ext = ext.clone();
    }

    /** The ID from the two parts as read from A0h (copied). */
    public static SfpEepromId of(byte[] base, byte[] ext) {
        if (base.length != BASE_LEN || ext.length != EXT_LEN) {
            throw new IllegalArgumentException("sfp_eeprom_id needs " + BASE_LEN + "+" + EXT_LEN + " bytes");
        }
        return new SfpEepromId(base, ext);
    }

    /** sfp_check(): the 8-bit sum of {@code len} bytes from {@code off}. */
    public static int sfpCheck(byte[] buf, int off, int len) {
        int sum = 0;
        for (int i = off; i < off + len; i++) {
            sum += buf[i] & 0xff;
        }
        return sum & 0xff;
    }

    private int a0(int offset) {
        return (offset < BASE_LEN ? base[offset] : ext[offset - BASE_LEN]) & 0xff;
    }

    private String text(int offset, int len) {
        byte[] b = offset < BASE_LEN ? Arrays.copyOfRange(base, offset, offset + len)
                : Arrays.copyOfRange(ext, offset - BASE_LEN, offset - BASE_LEN + len);
        return new String(b, StandardCharsets.US_ASCII).replace('\0', ' ').trim();
    }

    public int physId() {
        return a0(SFP_PHYS_ID);
    }

    public int physExtId() {
        return a0(SFP_PHYS_EXT_ID);
    }

    public int connector() {
        return a0(SFP_CONNECTOR);
    }

    /** base.e1000_base_t. */
    public boolean e1000BaseT() {
        return (a0(6) & E1000_BASE_T) != 0;
    }

    /** base.e1000_base_sx / lx / cx: a 1000BASE-X module. */
    public boolean e1000BaseX() {
        return (a0(6) & (E1000_BASE_SX | E1000_BASE_LX | E1000_BASE_CX)) != 0;
    }

    /** base.sfp_ct_passive. */
    public boolean passiveCable() {
        return (a0(8) & SFP_CT_PASSIVE) != 0;
    }

    public int brNominal() {
        return a0(SFP_BR_NOMINAL);
    }

    public int extendedCc() {
        return a0(SFP_EXTENDED_CC);
    }

    public String vendorName() {
        return text(SFP_VENDOR_NAME, 16);
    }

    public String vendorPn() {
        return text(SFP_VENDOR_PN, 16);
    }

    public String vendorSn() {
        return text(SFP_VENDOR_SN, 16);
    }

    public int ccBase() {
        return a0(SFP_CC_BASE);
    }

    /** ext.options, big-endian. */
    public int options() {
        return (a0(SFP_OPTIONS) << 8) | a0(SFP_OPTIONS + 1);
    }

    public int diagmon() {
        return a0(SFP_DIAGMON);
    }

    public int enhopts() {
        return a0(SFP_ENHOPTS);
    }

    public int sff8472Compliance() {
        return a0(SFP_SFF8472_COMPLIANCE);
    }

    public int ccExt() {
        return a0(SFP_CC_EXT);
    }

    /** The ID with the extended part zeroed (what the driver does on an ext checksum failure). */
    public SfpEepromId withExtCleared() {
        return new SfpEepromId(base, new byte[EXT_LEN]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SfpEepromId other && Arrays.equals(base, other.base) && Arrays.equals(ext, other.ext);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(base) + Arrays.hashCode(ext);
    }

    @Override
    public String toString() {
        return "sfp_eeprom_id{" + vendorName() + " " + vendorPn() + "}";
    }
}
