package dev.whylock.linux.net.ethtool;

import dev.whylock.linux.drivers.net.phy.SfpBus;
import dev.whylock.linux.kernel.Errno;
import dev.whylock.linux.net.core.NetDevice;

/** net/ethtool/eeprom.c: ETHTOOL_MSG_MODULE_EEPROM_GET. */
public final class Eeprom {
    private Eeprom() {}

    /**
     * Reads one EEPROM page, through the SFP bus when the netdev has one.
     *
     * <p>Kernel: net/ethtool/eeprom.c eeprom_prepare_data() → get_module_eeprom_by_page() (v5.14)
     * <p>Context: rtnl held (ethnl_default_doit); sleeps in I2C
     */
    static int eepromPrepareData(NetDevice dev) {
        // get_module_eeprom_by_page(): dev->sfp_bus is read to test it and again to pass it.
        if (dev.sfp_bus.get("get_module_eeprom_by_page") != null) {
            return SfpBus.sfpGetModuleEepromByPage(dev.sfp_bus.get("get_module_eeprom_by_page"), new EthtoolModuleEeprom(0, 16));
        }
        return -Errno.EOPNOTSUPP;
    }
}
