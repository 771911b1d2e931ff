package dev.whylock.linux.net.ethtool;

/** {@code struct ethtool_modinfo}: filled in by a module_info op (caller-owned, plain Java). */
public final class EthtoolModinfo {
    /** ETH_MODULE_SFF_8079 / 8472. */
    public int type;
    /** eeprom_len. */
    public int eepromLen;
}
