package dev.whylock.linux.hw;

import dev.whylock.linux.drivers.net.phy.SfpEepromId;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The kinds of SFP module a scenario can plug into a cage, by their public names
 * ({@code module_plug: {type: ...}}), each with the EEPROM contents it answers on I2C.
 */
/*
 * The EEPROM images follow SFF-8472: A0h holds the ID (base + ext, with valid checksums), A2h the
 * diagnostics and the status/control bytes. Vendor strings are made up; everything the driver
 * decides on (identifier, compliance codes, options, diagmon, enhopts, SFF-8472 compliance) is set
 * the way a real module of that kind sets it.
 */
public enum SfpModuleType {

    /** An optical 1000BASE-SX module with digital diagnostics and a normal-polarity LOS; 1 W. */
    SFP_1000BASE_X("sfp-1000base-x", false) {
        @Override
        void fillA0(byte[] a0) {
            a0[SfpEepromId.SFP_CONNECTOR] = SfpEepromId.SFF8024_CONNECTOR_LC;
            a0[6] = SfpEepromId.E1000_BASE_SX;
            a0[SfpEepromId.SFP_BR_NOMINAL] = 0x0d;
            text(a0, SfpEepromId.SFP_VENDOR_PN, "SFP-1G-SX");
            options(a0, SfpEepromId.SFP_OPTIONS_LOS_NORMAL | SfpEepromId.SFP_OPTIONS_TX_FAULT
                    | SfpEepromId.SFP_OPTIONS_TX_DISABLE);
            a0[SfpEepromId.SFP_DIAGMON] = SfpEepromId.SFP_DIAGMON_DDM | SfpEepromId.SFP_DIAGMON_INT_CAL;
            a0[SfpEepromId.SFP_ENHOPTS] = (byte) (SfpEepromId.SFP_ENHOPTS_ALARMWARN
                    | SfpEepromId.SFP_ENHOPTS_SOFT_TX_DISABLE | SfpEepromId.SFP_ENHOPTS_SOFT_TX_FAULT
                    | SfpEepromId.SFP_ENHOPTS_SOFT_RX_LOS);
            a0[SfpEepromId.SFP_SFF8472_COMPLIANCE] = SfpEepromId.SFP_SFF8472_COMPLIANCE_REV11_0;
        }
    },

    /** A passive direct-attach copper cable: no LOS, no diagnostics, no A2h page, no PHY. */
    DAC_PASSIVE("dac-passive", false) {
        @Override
        void fillA0(byte[] a0) {
            a0[SfpEepromId.SFP_CONNECTOR] = SfpEepromId.SFF8024_CONNECTOR_COPPER_PIGTAIL;
            a0[8] = SfpEepromId.SFP_CT_PASSIVE;
            a0[SfpEepromId.SFP_BR_NOMINAL] = 0x67;
            text(a0, SfpEepromId.SFP_VENDOR_PN, "DAC-10G-1M");
        }
    },

    /** A 1000BASE-T copper module whose SGMII PHY answers at I2C address 0x56; no LOS signal. */
    COPPER_SGMII_PHY("copper-sgmii-phy", true) {
        @Override
        void fillA0(byte[] a0) {
            a0[SfpEepromId.SFP_CONNECTOR] = SfpEepromId.SFF8024_CONNECTOR_RJ45;
            a0[6] = SfpEepromId.E1000_BASE_T;
            a0[SfpEepromId.SFP_BR_NOMINAL] = 0x0c;
            text(a0, SfpEepromId.SFP_VENDOR_PN, "SFP-1G-T");
            options(a0, SfpEepromId.SFP_OPTIONS_TX_DISABLE);
        }
    },

    /** A 2 W (power level 3) optical module that must be switched to high power over A2h. */
    HIGH_POWER("high-power", false) {
        @Override
        void fillA0(byte[] a0) {
            a0[SfpEepromId.SFP_CONNECTOR] = SfpEepromId.SFF8024_CONNECTOR_LC;
            a0[6] = SfpEepromId.E1000_BASE_LX;
            a0[SfpEepromId.SFP_BR_NOMINAL] = 0x0d;
            text(a0, SfpEepromId.SFP_VENDOR_PN, "SFP-1G-ZX-2W");
            options(a0, SfpEepromId.SFP_OPTIONS_HIGH_POWER_LEVEL | SfpEepromId.SFP_OPTIONS_POWER_DECL
                    | SfpEepromId.SFP_OPTIONS_LOS_NORMAL | SfpEepromId.SFP_OPTIONS_TX_FAULT
                    | SfpEepromId.SFP_OPTIONS_TX_DISABLE);
            a0[SfpEepromId.SFP_DIAGMON] = SfpEepromId.SFP_DIAGMON_DDM | SfpEepromId.SFP_DIAGMON_INT_CAL;
            a0[SfpEepromId.SFP_ENHOPTS] = (byte) SfpEepromId.SFP_ENHOPTS_ALARMWARN;
            a0[SfpEepromId.SFP_SFF8472_COMPLIANCE] = SfpEepromId.SFP_SFF8472_COMPLIANCE_REV12_0;
        }
    };

    private final String key;
    private final boolean phy;

    SfpModuleType(String key, boolean phy) {
        this.key = key;
        this.phy = phy;
    }

    /** The public name used by scenarios and the command line. */
    public String key() {
        return key;
    }

    /** Whether a PHY answers on the module's MDIO-over-I2C address (0x56). */
    public boolean hasPhy() {
        return phy;
    }

    /** Whether the module answers at A2h (SFF-8472 diagnostics page). */
    public boolean hasA2() {
        byte[] a0 = a0();
        return a0[SfpEepromId.SFP_SFF8472_COMPLIANCE] != 0 || (a0[SfpEepromId.SFP_DIAGMON] & SfpEepromId.SFP_DIAGMON_DDM) != 0;
    }

    /** The module's default: {@code sfp-1000base-x}. */
    public static SfpModuleType defaultType() {
        return SFP_1000BASE_X;
    }

    /** The type with public name {@code key}. */
    public static SfpModuleType fromKey(String key) {
        for (SfpModuleType t : values()) {
            if (t.key.equals(key)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown SFP module type '" + key + "' (expected one of " + keys() + ")");
    }

    /** All public names, for messages and {@code whylock list}. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(SfpModuleType::key).toList();
    }

    abstract void fillA0(byte[] a0);

    /** A fresh copy of the 256-byte A0h page, with valid CC_BASE and CC_EXT checksums. */
    public byte[] a0() {
        byte[] a0 = new byte[256];
        a0[SfpEepromId.SFP_PHYS_ID] = SfpEepromId.SFF8024_ID_SFP;
        a0[SfpEepromId.SFP_PHYS_EXT_ID] = SfpEepromId.SFP_PHYS_EXT_ID_SFP;
        text(a0, SfpEepromId.SFP_VENDOR_NAME, "WHYLOCK");
        text(a0, SfpEepromId.SFP_VENDOR_SN, "WL" + ordinal() + "0001");
        fillA0(a0);
        a0[SfpEepromId.SFP_CC_BASE] = (byte) SfpEepromId.sfpCheck(a0, 0, SfpEepromId.SFP_CC_BASE);
        a0[SfpEepromId.SFP_CC_EXT] = (byte) SfpEepromId.sfpCheck(a0, SfpEepromId.BASE_LEN, SfpEepromId.EXT_LEN - 1);
        return a0;
    }

    /** A fresh copy of the 256-byte A2h page (diagnostics; status bytes start clear). */
    public byte[] a2() {
        byte[] a2 = new byte[256];
        a2[SfpEepromId.SFP_TEMP] = 0x19; // 25 degrees C
        a2[SfpEepromId.SFP_VCC] = (byte) 0x80;
        a2[SfpEepromId.SFP_VCC + 1] = (byte) 0xe8; // 3.3 V
        return a2;
    }

    private static void text(byte[] a, int off, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        Arrays.fill(a, off, off + 16, (byte) ' ');
        System.arraycopy(b, 0, a, off, Math.min(16, b.length));
    }

    private static void options(byte[] a, int options) {
        a[SfpEepromId.SFP_OPTIONS] = (byte) (options >> 8);
        a[SfpEepromId.SFP_OPTIONS + 1] = (byte) options;
    }

    @Override
    public String toString() {
        return key;
    }
}
