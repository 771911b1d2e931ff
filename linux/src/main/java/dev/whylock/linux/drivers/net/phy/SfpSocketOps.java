package dev.whylock.linux.drivers.net.phy;

import dev.whylock.engine.Obj;
import dev.whylock.linux.net.ethtool.EthtoolModinfo;
import dev.whylock.linux.net.ethtool.EthtoolModuleEeprom;

/**
 * {@code struct sfp_socket_ops} (drivers/net/phy/sfp.h): what the cage driver (sfp.c) offers the
 * bus. {@code sfp} is the {@code struct sfp} of the cage.
 */
public interface SfpSocketOps {

    /** .attach: SFP_E_DEV_ATTACH. */
    void attach(Obj sfp);

    /** .detach: SFP_E_DEV_DETACH. */
    void detach(Obj sfp);

    /** .start: SFP_E_DEV_UP. */
    void start(Obj sfp);

    /** .stop: SFP_E_DEV_DOWN. */
    void stop(Obj sfp);

    /** .module_info: reads {@code sfp->id}. */
    int moduleInfo(Obj sfp, EthtoolModinfo modinfo);

    /** .module_eeprom: I2C reads that sleep. */
    int moduleEeprom(Obj sfp, EthtoolModuleEeprom ee);

    /** .module_eeprom_by_page: I2C reads that sleep. */
    int moduleEepromByPage(Obj sfp, EthtoolModuleEeprom page);

    /** .set_signal_rate (v6.5+): takes {@code sfp->st_mutex}; absent in v5.14. */
    default void setSignalRate(Obj sfp, int rateKbd) {}
}
