package dev.whylock.linux.hw;

/**
 * The module kinds by scenario name: superseded by {@link SfpModuleType}, which carries the EEPROM
 * images; kept only until callers move over.
 */
@Deprecated
public enum ModuleType {
    SFP_1000BASE_X("sfp-1000base-x"),
    DAC_PASSIVE("dac-passive"),
    COPPER_SGMII_PHY("copper-sgmii-phy"),
    HIGH_POWER("high-power");

    private final String key;

    ModuleType(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The type for a scenario name, or null. */
    public static ModuleType byKey(String key) {
        for (ModuleType t : values()) {
            if (t.key.equals(key)) {
                return t;
            }
        }
        return null;
    }
}
