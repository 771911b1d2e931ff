package dev.whylock.linux.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelsTest {

    /** The ops PRODUCT.md names in "Scenario files". */
    private static final List<String> PRODUCT_OPS = List.of("sfp_probe", "sfp_remove", "mac_probe", "mac_remove",
            "phylink_create", "phylink_destroy", "register_netdev", "unregister_netdev", "ndo_open", "ndo_stop",
            "ethtool_get_module_info", "ethtool_get_module_eeprom", "ethtool_ksettings_get", "ethtool_ksettings_set",
            "ethtool_get_phy_stats", "module_plug", "module_unplug", "los_set", "los_clear", "tx_fault_set",
            "tx_fault_clear", "rtnl_lock", "rtnl_unlock", "settle");

    @Test
    void all_defaultFirst_twoVersions() {
        assertEquals(List.of("sfp-v5.14", "sfp-v6.5"), Models.names());
        assertEquals(Models.DEFAULT, Models.all().get(0).name());
    }

    @Test
    void get_unknownName_listsValidNames() {
        UnknownModelException e = assertThrows(UnknownModelException.class, () -> Models.get("sfp-v6.6"));
        assertTrue(e.getMessage().contains("sfp-v5.14, sfp-v6.5"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'sfp-v6.5'?"), e.getMessage());
    }

    @Test
    void ops_catalogue_coversProductOpsWithDescriptions() {
        for (Model m : Models.all()) {
            List<String> names = m.ops().stream().map(OpInfo::name).toList();
            assertTrue(names.containsAll(PRODUCT_OPS), () -> m.name() + " lacks some of " + PRODUCT_OPS);
            m.ops().forEach(o -> assertTrue(!o.description().isBlank() && !o.description().contains("\n"), o.name()));
        }
    }

    @Test
    void catalogue_stableNames_matchProduct() {
        Model m = Models.get("sfp-v5.14");
        assertTrue(m.lockClasses().containsAll(List.of("rtnl_mutex", "sfp_mutex", "sfp->sm_mutex", "sfp->st_mutex",
                "pl->state_mutex", "phydev->lock", "device_lock", "i2c_adapter_lock", "deferred_probe_mutex")));
        assertTrue(m.backgroundContexts().containsAll(List.of("sfp_irq", "sfp_poll", "sfp_timeout", "sfp_hwmon",
                "phylink_resolve", "phy_state_machine", "deferred_probe")), m.backgroundContexts().toString());
        assertEquals(m.backgroundContexts(), m.contexts().stream().map(ContextInfo::name).toList());
        assertTrue(m.contexts().stream().filter(ContextInfo::rearms).map(ContextInfo::name).toList()
                .containsAll(List.of("sfp_poll", "phy_state_machine")));
        assertTrue(m.moduleTypes().containsAll(List.of("sfp-1000base-x", "dac-passive", "copper-sgmii-phy", "high-power")));
        assertTrue(m.sites().containsAll(List.of("rtnl_mutex@sfp_bus_add_upstream", "rtnl_mutex@sfp_timeout",
                "sfp->sm_mutex@sfp_sm_event")));
        m.sites().forEach(s -> assertTrue(m.lockClasses().contains(s.substring(0, s.indexOf('@'))), s));
        assertEquals(m.sites().size(), m.sites().stream().distinct().count(), "sites are listed once");
    }
}
