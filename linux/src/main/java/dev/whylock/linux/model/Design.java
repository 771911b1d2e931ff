package dev.whylock.linux.model;

import dev.whylock.linux.drivers.net.phy.SfpBus;
import java.util.List;

/**
 * A locking design proposed instead of a lock, built into the model as a model option, with the
 * points of the argument made about it. The option makes the design explorable (scenarios turn it
 * on with {@code model_option}); the points let a report say which point each finding supports.
 *
 * @param option the model option that builds the design, e.g. {@code sfp-bus-private-lock}
 * @param replaces the lock class the design would take the place of
 * @param locks the lock classes only the design takes, e.g. {@code sfp_bus->lock}
 * @param title one line
 * @param source where the design and the argument come from (Message-IDs)
 * @param points the argument's points, in its order
 */
public record Design(String option, String replaces, List<String> locks, String title, String source,
        List<ArgumentPoint> points) {

    public Design {
        locks = List.copyOf(locks);
        points = List.copyOf(points);
    }

    /** The points {@code f} supports, in order (empty: none of them). */
    public List<ArgumentPoint> supportedBy(Finding f) {
        return points.stream().filter(p -> p.supportedBy(f)).toList();
    }

    /** The built-in scenarios that turn this design's option on, in index order. */
    public List<String> builtinScenarios() {
        return ScenarioLoader.builtinNames().stream()
                .filter(n -> ScenarioLoader.builtin(n).options().contains(option)).toList();
    }

    private static final List<String> DAMAGE = List.of("use-after-free", "null-dereference", "invariant",
            "refcount-underflow", "deadlock", "data-race");

    /*
     * Russell King's reply of 5 Sep 2021 (YTQAdJDMnPqbpxKk@shell.armlinux.org.uk), point by point.
     * Point 2 needs both locks of the cycle; point 3 also covers rtnl deadlocking on itself where
     * phylink must take it to change netdev->phydev while the netdev side already holds it; point 4
     * is about the cage's side vanishing or changing under an ethtool module call, so it needs damage
     * or a race (the AB-BA itself also passes through the ethtool functions).
     */
    /** The private sfp-bus lock of the 2021 thread and Russell King's four points against it. */
    public static final Design PRIVATE_SFP_BUS_LOCK = new Design(SfpBus.OPTION_PRIVATE_LOCK, "rtnl_mutex", List.of("sfp_bus->lock"),
            "a private per-bus sfp_bus->lock in every sfp-bus entry point instead of rtnl, rtnl kept where netdev->phydev changes",
            "netdev, Sep 2021: Vladimir Oltean 20210904215905.7tcgmtayo73x53wy@skbuf and 20210905004115.wl6moyrgassyzzya@skbuf; "
                    + "Russell King YTQAdJDMnPqbpxKk@shell.armlinux.org.uk",
            List.of(
                    new ArgumentPoint(1, "the two registration sides must be serialised",
                            "cage probe/remove (sfp_register_socket, sfp_unregister_socket) and upstream create/destroy "
                                    + "(sfp_bus_add_upstream, sfp_bus_del_upstream) meet in sfp_register_bus and "
                                    + "sfp_unregister_bus, and every call through the bus must see them whole",
                            DAMAGE, List.of(),
                            List.of("sfp_register_bus", "sfp_unregister_bus", "bus->registered", "bus->upstream_ops",
                                    "bus->upstream", "bus->kref", "bus-refcount", "bus-registered-complete",
                                    "sfp-dev-state-matches-bus", "netdev-sfp-bus", "bus-started-matches-netdev"),
                            List.of()),
                    new ArgumentPoint(2, "the AB-BA between rtnl and the private lock",
                            "ethtool holds rtnl and then needs the private lock (sfp_get_module_*), while the SFP side "
                                    + "holds the private lock and then needs rtnl to change netdev->phydev (sfp_remove_phy, "
                                    + "sfp_add_phy): lockdep reports it and two tasks can deadlock",
                            List.of("deadlock", "lock-order-cycle"), List.of("rtnl_mutex", "sfp_bus->lock"), List.of(), List.of()),
                    new ArgumentPoint(3, "netdev->phydev is protected by rtnl",
                            "ethtool handlers such as linkstate_get_sqi rely on netdev->phydev staying valid or NULL for "
                                    + "the whole call, so changing it on a published netdev needs rtnl, which the netdev side "
                                    + "may already hold when it calls into the SFP code",
                            DAMAGE, List.of(),
                            List.of("netdev->phydev", "dev->phydev", "pl->phydev", "struct phy_device", "phydev->link",
                                    "phydev->state", "netdev-phydev", "phylink_sfp_connect_phy", "phylink_sfp_disconnect_phy"),
                            List.of("sfp_bus->lock")),
                    new ArgumentPoint(4, "the cage driver can go away while ethtool sleeps in I2C",
                            "sfp_get_module_eeprom sleeps in I2C; without a lock held across the call that "
                                    + "sfp_unregister_socket also needs, the cage's struct sfp (and its code) can go away "
                                    + "or change underneath it",
                            List.of("use-after-free", "null-dereference", "data-race", "invariant"), List.of(),
                            List.of("sfp_get_module_info", "sfp_get_module_eeprom", "sfp_get_module_eeprom_by_page",
                                    "sfp_module_info", "sfp_module_eeprom", "sfp_module_eeprom_by_page",
                                    "ethtool_get_module_info_call", "ethtool_get_module_eeprom_call", "get_module_eeprom_by_page"),
                            List.of())));

    /** Every design the model can build. */
    public static final List<Design> ALL = List.of(PRIVATE_SFP_BUS_LOCK);

    /** The designs proposed instead of {@code lockClass}. */
    public static List<Design> forLock(String lockClass) {
        return ALL.stream().filter(d -> d.replaces().equals(lockClass)).toList();
    }
}
