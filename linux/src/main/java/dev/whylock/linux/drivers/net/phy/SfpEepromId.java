package dev.whylock.linux.drivers.net.phy;

import dev.whylock.linux.hw.ModuleType;

/**
 * {@code struct sfp_eeprom_id} (include/linux/sfp.h): the identifying part of a module's EEPROM, as
 * parsed by {@code sfp_sm_mod_probe}. Immutable once read, so plain Java.
 *
 * @param type the module the EEPROM describes
 * @param powerMw the declared power level in mW
 * @param losNormal whether the EEPROM declares LOS with normal polarity (LOS is used at all)
 */
public record SfpEepromId(ModuleType type, int powerMw, boolean losNormal) {

    /** The EEPROM contents of a module of {@code type}. */
    public static SfpEepromId of(ModuleType type) {
        return new SfpEepromId(type, type.powerMw(), true);
    }
}
