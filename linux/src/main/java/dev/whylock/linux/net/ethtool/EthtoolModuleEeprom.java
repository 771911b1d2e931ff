package dev.whylock.linux.net.ethtool;

/**
 * {@code struct ethtool_eeprom} / {@code struct ethtool_module_eeprom}: a request to read part of
 * a module's EEPROM (caller-owned, plain Java).
 */
public final class EthtoolModuleEeprom {
    public int offset;
    public int length;
    public int page;
    public int bank;
    public int i2cAddress = 0x50;
    public byte[] data;

    public EthtoolModuleEeprom(int offset, int length) {
        this.offset = offset;
        this.length = length;
        this.data = new byte[length];
    }
}
