package dev.whylock.linux.model;

import java.util.List;

/**
 * Every lock acquisition site of the SFP models, as a table (kept honest by SitesTest, which
 * compares it with the sources). A site is the kernel function that takes the lock.
 */
final class Sites {
    private Sites() {}

    /**
     * One acquisition site.
     *
     * @param lockClass the lock class
     * @param function the kernel function that takes it
     * @param file the kernel file
     */
    record Site(String lockClass, String function, String file) {
        String spec() {
            return lockClass + "@" + function;
        }
    }

    static final List<Site> TABLE = List.of(
            // drivers/net/phy/sfp-bus.c
            new Site("sfp_mutex", "sfp_bus_get", "drivers/net/phy/sfp-bus.c"),
            new Site("sfp_mutex", "sfp_bus_put", "drivers/net/phy/sfp-bus.c"),
            new Site("rtnl_mutex", "sfp_bus_add_upstream", "drivers/net/phy/sfp-bus.c"),
            new Site("rtnl_mutex", "sfp_bus_del_upstream", "drivers/net/phy/sfp-bus.c"),
            new Site("rtnl_mutex", "sfp_register_socket", "drivers/net/phy/sfp-bus.c"),
            new Site("rtnl_mutex", "sfp_unregister_socket", "drivers/net/phy/sfp-bus.c"),
            // drivers/net/phy/sfp-bus.c with model option sfp-bus-private-lock (the 2021 proposal)
            new Site("sfp_bus->lock", "sfp_bus_add_upstream", "drivers/net/phy/sfp-bus.c (2021 proposal)"),
            new Site("sfp_bus->lock", "sfp_bus_del_upstream", "drivers/net/phy/sfp-bus.c (2021 proposal)"),
            new Site("sfp_bus->lock", "sfp_register_socket", "drivers/net/phy/sfp-bus.c (2021 proposal)"),
            new Site("sfp_bus->lock", "sfp_unregister_socket", "drivers/net/phy/sfp-bus.c (2021 proposal)"),
            new Site("sfp_bus->lock", "sfp_get_module_info", "drivers/net/phy/sfp-bus.c (2021 proposal)"),
            new Site("sfp_bus->lock", "sfp_get_module_eeprom", "drivers/net/phy/sfp-bus.c (2021 proposal)"),
            new Site("sfp_bus->lock", "sfp_get_module_eeprom_by_page", "drivers/net/phy/sfp-bus.c (2021 proposal)"),
            new Site("sfp_bus->lock", "sfp_upstream_start", "drivers/net/phy/sfp-bus.c (2021 proposal)"),
            new Site("sfp_bus->lock", "sfp_upstream_stop", "drivers/net/phy/sfp-bus.c (2021 proposal)"),
            new Site("sfp_bus->lock", "sfp_upstream_set_signal_rate", "drivers/net/phy/sfp-bus.c (2021 proposal, v6.5)"),
            new Site("sfp_bus->lock", "sfp_add_phy", "drivers/net/phy/sfp-bus.c (2021 proposal)"),
            new Site("sfp_bus->lock", "sfp_remove_phy", "drivers/net/phy/sfp-bus.c (2021 proposal)"),
            new Site("sfp_bus->lock", "sfp_link_up", "drivers/net/phy/sfp-bus.c (2021 proposal)"),
            new Site("sfp_bus->lock", "sfp_link_down", "drivers/net/phy/sfp-bus.c (2021 proposal)"),
            new Site("sfp_bus->lock", "sfp_module_insert", "drivers/net/phy/sfp-bus.c (2021 proposal)"),
            new Site("sfp_bus->lock", "sfp_module_remove", "drivers/net/phy/sfp-bus.c (2021 proposal)"),
            new Site("sfp_bus->lock", "sfp_module_start", "drivers/net/phy/sfp-bus.c (2021 proposal)"),
            new Site("sfp_bus->lock", "sfp_module_stop", "drivers/net/phy/sfp-bus.c (2021 proposal)"),
            // drivers/net/phy/sfp.c (the cage driver)
            new Site("rtnl_mutex", "sfp_probe", "drivers/net/phy/sfp.c"),
            new Site("rtnl_mutex", "sfp_remove", "drivers/net/phy/sfp.c"),
            new Site("rtnl_mutex", "sfp_timeout", "drivers/net/phy/sfp.c"),
            new Site("rtnl_mutex", "sfp_check_state", "drivers/net/phy/sfp.c"),
            new Site("sfp->st_mutex", "sfp_check_state", "drivers/net/phy/sfp.c"),
            new Site("sfp->st_mutex", "sfp_mod_state", "drivers/net/phy/sfp.c"),
            new Site("sfp->st_mutex", "sfp_soft_start_poll", "drivers/net/phy/sfp.c"),
            new Site("sfp->st_mutex", "sfp_soft_stop_poll", "drivers/net/phy/sfp.c"),
            new Site("sfp->st_mutex", "sfp_module_tx_fault_reset", "drivers/net/phy/sfp.c"),
            new Site("sfp->sm_mutex", "sfp_sm_event", "drivers/net/phy/sfp.c"),
            new Site("sfp->sm_mutex", "sfp_check_state", "drivers/net/phy/sfp.c"),
            new Site("kn->active", "kernfs_fop_read_iter", "fs/kernfs/file.c (hwmon read of sfp.c)"),
            new Site("kn->active", "hwmon_device_unregister", "drivers/hwmon/hwmon.c (sfp_hwmon_remove)"),
            // drivers/net/phy/phylink.c
            new Site("pl->state_mutex", "phylink_resolve", "drivers/net/phy/phylink.c"),
            new Site("pl->state_mutex", "phylink_phy_change", "drivers/net/phy/phylink.c"),
            new Site("pl->state_mutex", "phylink_bringup_phy", "drivers/net/phy/phylink.c"),
            new Site("pl->state_mutex", "phylink_disconnect_phy", "drivers/net/phy/phylink.c"),
            new Site("pl->state_mutex", "phylink_ethtool_ksettings_set", "drivers/net/phy/phylink.c"),
            new Site("pl->state_mutex", "phylink_ethtool_set_pauseparam", "drivers/net/phy/phylink.c"),
            new Site("phydev->lock", "phylink_bringup_phy", "drivers/net/phy/phylink.c"),
            new Site("phydev->lock", "phylink_disconnect_phy", "drivers/net/phy/phylink.c"),
            new Site("rtnl_mutex", "phylink_sfp_connect_phy", "drivers/net/phy/phylink.c (2021 proposal: netdev->phydev changes)"),
            new Site("rtnl_mutex", "phylink_sfp_disconnect_phy", "drivers/net/phy/phylink.c (2021 proposal: netdev->phydev changes)"),
            // drivers/net/phy/phy_device.c and phy.c
            new Site("phydev->lock", "phy_probe", "drivers/net/phy/phy_device.c"),
            new Site("phydev->lock", "phy_remove", "drivers/net/phy/phy_device.c"),
            new Site("phydev->lock", "phy_resume", "drivers/net/phy/phy_device.c"),
            new Site("phydev->lock", "phy_start", "drivers/net/phy/phy.c"),
            new Site("phydev->lock", "phy_stop", "drivers/net/phy/phy.c"),
            new Site("phydev->lock", "phy_stop_machine", "drivers/net/phy/phy.c"),
            new Site("phydev->lock", "phy_state_machine", "drivers/net/phy/phy.c"),
            new Site("phydev->lock", "phy_ethtool_get_stats", "drivers/net/phy/phy.c"),
            new Site("phydev->lock", "phy_ethtool_ksettings_get", "drivers/net/phy/phy.c"),
            new Site("phydev->lock", "phy_interrupt", "drivers/net/phy/phy.c (v6.5; no modelled PHY has an IRQ)"),
            new Site("mii_bus->mdio_lock", "mdiobus_read", "drivers/net/phy/mdio_bus.c"),
            new Site("sfp->st_mutex", "sfp_sm_mod_probe", "drivers/net/phy/sfp.c (v6.5: state_hw_mask)"),
            // net/core, net/ethtool
            new Site("rtnl_mutex", "register_netdev", "net/core/dev.c"),
            new Site("rtnl_mutex", "unregister_netdev", "net/core/dev.c"),
            new Site("rtnl_mutex", "rtnetlink_rcv_msg", "net/core/rtnetlink.c"),
            new Site("rtnl_mutex", "dev_ioctl", "net/core/dev_ioctl.c"),
            new Site("rtnl_mutex", "ethnl_default_doit", "net/ethtool/netlink.c"),
            new Site("phydev->lock", "linkstate_get_sqi", "net/ethtool/linkstate.c"),
            // drivers/net/ethernet/freescale/dpaa2 (v5.14; the 2022 fix with model option dpaa2-mac-lock)
            new Site("rtnl_mutex", "dpni_irq0_handler_thread", "drivers/net/ethernet/freescale/dpaa2/dpaa2-eth.c (v5.14)"),
            new Site("rtnl_mutex", "dpaa2_mac_connect", "drivers/net/ethernet/freescale/dpaa2/dpaa2-mac.c (2022 fix)"),
            new Site("rtnl_mutex", "dpaa2_mac_disconnect", "drivers/net/ethernet/freescale/dpaa2/dpaa2-mac.c (2022 fix)"),
            new Site("priv->mac_lock", "dpaa2_eth_connect_mac", "drivers/net/ethernet/freescale/dpaa2/dpaa2-eth.c (2022 fix)"),
            new Site("priv->mac_lock", "dpaa2_eth_disconnect_mac", "drivers/net/ethernet/freescale/dpaa2/dpaa2-eth.c (2022 fix)"),
            new Site("priv->mac_lock", "dpaa2_eth_open", "drivers/net/ethernet/freescale/dpaa2/dpaa2-eth.c (2022 fix)"),
            new Site("priv->mac_lock", "dpaa2_eth_stop", "drivers/net/ethernet/freescale/dpaa2/dpaa2-eth.c (2022 fix)"),
            new Site("priv->mac_lock", "dpaa2_eth_get_link_ksettings", "drivers/net/ethernet/freescale/dpaa2/dpaa2-ethtool.c (2022 fix)"),
            new Site("priv->mac_lock", "dpaa2_eth_set_link_ksettings", "drivers/net/ethernet/freescale/dpaa2/dpaa2-ethtool.c (2022 fix)"),
            new Site("rtnl_mutex", "rtnl_lock", "scenario ops rtnl_lock and rtnl_hold (a driver holding rtnl, e.g. DPAA2; a busy netlink request)"),
            // drivers/base/dd.c, drivers/i2c
            new Site("device_lock", "device_driver_attach", "drivers/base/dd.c"),
            new Site("device_lock", "__device_attach", "drivers/base/dd.c"),
            new Site("device_lock", "device_release_driver_internal", "drivers/base/dd.c"),
            new Site("device_lock", "device_del", "drivers/base/core.c"),
            new Site("deferred_probe_mutex", "driver_deferred_probe_add", "drivers/base/dd.c"),
            new Site("deferred_probe_mutex", "driver_deferred_probe_del", "drivers/base/dd.c"),
            new Site("deferred_probe_mutex", "driver_deferred_probe_trigger", "drivers/base/dd.c"),
            new Site("deferred_probe_mutex", "deferred_probe_work_func", "drivers/base/dd.c"),
            new Site("deferred_probe_mutex", "device_pending_probe", "drivers/base/dd.c (2021 RFC)"),
            new Site("i2c_adapter_lock", "i2c_transfer", "drivers/i2c/i2c-core-base.c"));

    /** The stable lock classes (PRODUCT.md), then any other class the table uses. */
    static final List<String> LOCK_CLASSES = List.of("rtnl_mutex", "sfp_mutex", "sfp->sm_mutex", "sfp->st_mutex",
            "pl->state_mutex", "phydev->lock", "device_lock", "i2c_adapter_lock", "deferred_probe_mutex", "kn->active",
            "sfp_bus->lock", "priv->mac_lock", "mii_bus->mdio_lock");

    static List<String> specs() {
        return TABLE.stream().map(Site::spec).toList();
    }
}
