package dev.whylock.linux.drivers.net.phy;

import dev.whylock.engine.Env;
import dev.whylock.engine.Obj;
import dev.whylock.engine.ViolationKind;
import dev.whylock.linux.drivers.base.Fwnode;
import dev.whylock.linux.kernel.Bug;
import dev.whylock.linux.kernel.Errno;
import dev.whylock.linux.kernel.Kernel;
import dev.whylock.linux.kernel.Slab;
import dev.whylock.linux.kernel.Workqueue;
import dev.whylock.linux.net.core.Dev;
import dev.whylock.linux.net.core.NetDevice;
import dev.whylock.linux.net.core.Rtnetlink;

/**
 * drivers/net/phy/phylink.c: the link manager between a MAC, its PHY and its SFP cage.
 */
/*
 * The disable-bit protocol: phylink_resolve() only looks at the configuration when
 * pl->phylink_disable_state is 0. Writers that do not take pl->state_mutex (phylink_sfp_config,
 * reached under rtnl + sm) rely on STOPPED or LINK being set, and phylink_run_resolve_and_disable()
 * flushes a resolve that might still be running when it sets the first bit. The check
 * "resolve-disabled-during-sfp-config" (KERNEL-NOTES §8 (5)) verifies it in every execution.
 */
public final class Phylink {
    private Phylink() {}

    public static final int PHYLINK_DISABLE_STOPPED = 0;
    public static final int PHYLINK_DISABLE_LINK = 1;

    /** The name of the in-flight check (5): resolve never reads the config while sfp_config writes it. */
    public static final String CHECK_RESOLVE_VS_SFP_CONFIG = "resolve-disabled-during-sfp-config";

    /** {@code sfp_phylink_ops}: phylink as the upstream of an SFP bus. */
    public static final SfpUpstreamOps SFP_PHYLINK_OPS = new SfpUpstreamOps() {
        @Override
        public void attach(Obj upstream, SfpBusStruct bus) {
            phylinkSfpAttach((PhylinkStruct) upstream, bus);
        }

        @Override
        public void detach(Obj upstream, SfpBusStruct bus) {
            phylinkSfpDetach((PhylinkStruct) upstream, bus);
        }

        @Override
        public int moduleInsert(Obj upstream, SfpEepromId id) {
            return phylinkSfpModuleInsert((PhylinkStruct) upstream, id);
        }

        @Override
        public int moduleStart(Obj upstream) {
            return phylinkSfpModuleStart((PhylinkStruct) upstream);
        }

        @Override
        public void moduleStop(Obj upstream) {
            phylinkSfpModuleStop((PhylinkStruct) upstream);
        }

        @Override
        public void linkUp(Obj upstream) {
            phylinkSfpLinkUp((PhylinkStruct) upstream);
        }

        @Override
        public void linkDown(Obj upstream) {
            phylinkSfpLinkDown((PhylinkStruct) upstream);
        }

        @Override
        public int connectPhy(Obj upstream, PhyDeviceStruct phy) {
            return phylinkSfpConnectPhy((PhylinkStruct) upstream, phy);
        }

        @Override
        public void disconnectPhy(Obj upstream) {
            phylinkSfpDisconnectPhy((PhylinkStruct) upstream);
        }
    };

    // ------------------------------------------------------------------ resolve

    /**
     * Kernel: drivers/net/phy/phylink.c phylink_run_resolve() (v5.14)
     * <p>Context: any; reads phylink_disable_state without a lock (intended)
     */
    static void phylinkRunResolve(PhylinkStruct pl) {
        if (pl.phylink_disable_state.read("phylink_run_resolve") == 0) {
            Workqueue.queueWork(pl.resolve, "phylink_run_resolve");
        }
    }

    /**
     * Sets a disable bit; if it is the first one, runs a last resolve and waits for it.
     *
     * <p>Kernel: drivers/net/phy/phylink.c phylink_run_resolve_and_disable() (v5.14)
     * <p>Context: callers hold rtnl (and sfp->sm_mutex on the SFP path); flush_work waits for
     * phylink_resolve, which takes pl->state_mutex
     */
    static void phylinkRunResolveAndDisable(PhylinkStruct pl, int bit) {
        long state = pl.phylink_disable_state.read("phylink_run_resolve_and_disable");
        pl.phylink_disable_state.setBit(bit, "phylink_run_resolve_and_disable");
        if (state == 0) {
            Workqueue.queueWork(pl.resolve, "phylink_run_resolve_and_disable");
            Workqueue.flushWork(pl.resolve, "phylink_run_resolve_and_disable");
        }
    }

    /**
     * Resolves the link from the PHY or in-band state and reconfigures the MAC.
     *
     * <p>Kernel: drivers/net/phy/phylink.c phylink_resolve() (v5.14; v6.5 with the signal rate)
     * <p>Context: phylink_resolve work; takes pl->state_mutex only (never rtnl, sm or
     * phydev->lock); v6.5: sfp->st_mutex inside it via sfp_upstream_set_signal_rate
     */
    static void phylinkResolve(PhylinkStruct pl) {
        NetDevice ndev = pl.netdev;
        pl.state_mutex.lock("phylink_resolve");
        boolean link;
        boolean macDropped = pl.mac_link_dropped.get("phylink_resolve");
        if (pl.phylink_disable_state.read("phylink_resolve") != 0) {
            link = false;
            pl.mac_link_dropped.set(Boolean.FALSE, "phylink_resolve");
        } else {
            if (pl.sfp_config_writers > 0 && Kernel.get().checkEnabled(CHECK_RESOLVE_VS_SFP_CONFIG)) {
                Env.current().fail(ViolationKind.INVARIANT, "invariant " + CHECK_RESOLVE_VS_SFP_CONFIG
                        + " violated: phylink_resolve reads pl->link_config with pl->phylink_disable_state == 0"
                        + " while phylink_sfp_config is writing it");
            }
            PhylinkStruct.AnMode mode = pl.cur_link_an_mode.get("phylink_resolve");
            PhylinkStruct.LinkConfig cfg = pl.link_config.get("phylink_resolve");
            SfpBus.PhyInterface iface = cfg.iface();
            if (mode == PhylinkStruct.AnMode.PHY) {
                PhylinkStruct.LinkState ps = pl.phy_state.get("phylink_resolve");
                link = ps.link();
                iface = ps.iface();
            } else {
                // phylink_mac_pcs_get_state(): the PCS reports link once the interface is configured.
                link = iface != SfpBus.PhyInterface.NA;
            }
            if (iface != pl.cur_interface.get("phylink_resolve")) {
                phylinkMajorConfig(pl, iface);
            }
        }
        boolean old = pl.old_link_state.get("phylink_resolve");
        if (link != old) {
            pl.old_link_state.set(link, "phylink_resolve");
            if (link) {
                Dev.netifCarrierOn(Env.current().deref(ndev, "pl->netdev")); // phylink_link_up
            } else {
                Dev.netifCarrierOff(Env.current().deref(ndev, "pl->netdev")); // phylink_link_down
            }
        }
        if (!link && macDropped) {
            Workqueue.queueWork(pl.resolve, "phylink_resolve");
        }
        pl.state_mutex.unlock("phylink_resolve");
    }

    /**
     * Reconfigures the MAC for a new interface; in v6.5 also tells the SFP the signalling rate.
     *
     * <p>Kernel: drivers/net/phy/phylink.c phylink_major_config() (v5.14; v6.5)
     * <p>Context: pl->state_mutex held from resolve, or rtnl from phylink_mac_initial_config;
     * v6.5: takes sfp->st_mutex via sfp_upstream_set_signal_rate
     */
    static void phylinkMajorConfig(PhylinkStruct pl, SfpBus.PhyInterface iface) {
        pl.cur_interface.set(iface, "phylink_major_config");
        if (Kernel.get().v65()) {
            SfpBusStruct bus = pl.sfp_bus.get("phylink_major_config");
            if (bus != null && iface != SfpBus.PhyInterface.NA) {
                // phylink_interface_signal_rate(): SGMII and 1000BASE-X both signal at 1.25 GBd.
                SfpBus.sfpUpstreamSetSignalRate(bus, 1_250_000);
            }
        }
    }

    /**
     * Kernel: drivers/net/phy/phylink.c phylink_mac_initial_config() (v5.14)
     * <p>Context: rtnl held (phylink_start, or phylink_sfp_config under rtnl + sm)
     */
    static void phylinkMacInitialConfig(PhylinkStruct pl, boolean forceRestart) {
        PhylinkStruct.LinkConfig cfg = pl.link_config.get("phylink_mac_initial_config");
        phylinkMajorConfig(pl, cfg.iface());
    }

    // ------------------------------------------------------------------ lifecycle

    /**
     * Creates a phylink instance and registers it as the upstream of the SFP cage named by the
     * node's {@code sfp} property; null stands for an ERR_PTR.
     *
     * <p>Kernel: drivers/net/phy/phylink.c phylink_create() (v5.14)
     * <p>Context: must be called without rtnl (takes sfp_mutex, then rtnl_mutex in
     * sfp_bus_add_upstream)
     */
    public static PhylinkStruct phylinkCreate(NetDevice netdev, Fwnode fwnode) {
        PhylinkStruct pl = new PhylinkStruct(netdev);
        int ret = phylinkRegisterSfp(pl, fwnode);
        if (ret < 0) {
            Slab.kfree(pl, "phylink_create");
            return null;
        }
        return pl;
    }

    /**
     * Kernel: drivers/net/phy/phylink.c phylink_register_sfp() (v5.14)
     * <p>Context: sfp_mutex in sfp_bus_get, then rtnl_mutex in sfp_bus_add_upstream, then sfp_mutex in sfp_bus_put
     */
    static int phylinkRegisterSfp(PhylinkStruct pl, Fwnode fwnode) {
        SfpBusStruct bus = SfpBus.sfpBusFindFwnode(fwnode);
        pl.sfp_bus.set(bus, "phylink_register_sfp");
        int ret = SfpBus.sfpBusAddUpstream(bus, pl, SFP_PHYLINK_OPS);
        SfpBus.sfpBusPut(bus);
        return ret;
    }

    /**
     * Withdraws from the SFP bus, cancels the resolve work and frees the instance.
     *
     * <p>Kernel: drivers/net/phy/phylink.c phylink_destroy() (v5.14)
     * <p>Context: must be called without rtnl (takes rtnl_mutex in sfp_bus_del_upstream)
     */
    public static void phylinkDestroy(PhylinkStruct pl) {
        SfpBus.sfpBusDelUpstream(pl.sfp_bus.get("phylink_destroy"));
        Workqueue.cancelWorkSync(pl.resolve, "phylink_destroy");
        Slab.kfree(pl, "phylink_destroy");
    }

    /**
     * Starts the link: clears STOPPED, resolves, starts the PHY and tells the SFP the netdev is up.
     *
     * <p>Kernel: drivers/net/phy/phylink.c phylink_start() (v5.14)
     * <p>Context: ASSERT_RTNL
     */
    public static void phylinkStart(PhylinkStruct pl) {
        Rtnetlink.assertRtnl("phylink_start");
        Dev.netifCarrierOff(pl.netdev);
        phylinkMacInitialConfig(pl, true);
        pl.phylink_disable_state.clearBit(PHYLINK_DISABLE_STOPPED, "phylink_start");
        phylinkRunResolve(pl);
        PhyDeviceStruct phydev = pl.phydev.get("phylink_start");
        if (phydev != null) {
            Phy.phyStart(phydev);
        }
        SfpBusStruct bus = pl.sfp_bus.get("phylink_start");
        if (bus != null) {
            SfpBus.sfpUpstreamStart(bus);
        }
    }

    /**
     * Stops the link: tells the SFP the netdev is down, stops the PHY and disables resolve.
     *
     * <p>Kernel: drivers/net/phy/phylink.c phylink_stop() (v5.14)
     * <p>Context: ASSERT_RTNL
     */
    public static void phylinkStop(PhylinkStruct pl) {
        Rtnetlink.assertRtnl("phylink_stop");
        SfpBusStruct bus = pl.sfp_bus.get("phylink_stop");
        if (bus != null) {
            SfpBus.sfpUpstreamStop(bus);
        }
        PhyDeviceStruct phydev = pl.phydev.get("phylink_stop");
        if (phydev != null) {
            Phy.phyStop(phydev);
        }
        phylinkRunResolveAndDisable(pl, PHYLINK_DISABLE_STOPPED);
    }

    // ------------------------------------------------------------------ PHY

    /**
     * Publishes the PHY to phylink under phydev->lock then pl->state_mutex.
     *
     * <p>Kernel: drivers/net/phy/phylink.c phylink_bringup_phy() (v5.14)
     * <p>Context: takes phydev->lock, then pl->state_mutex; then phy_request_interrupt if the PHY
     * has an IRQ (module PHYs are polled)
     */
    static int phylinkBringupPhy(PhylinkStruct pl, PhyDeviceStruct phy, SfpBus.PhyInterface iface) {
        phy.phylink.set(pl, "phylink_bringup_phy");
        phy.phy_link_change.set(Phylink::phylinkPhyChange, "phylink_bringup_phy");
        phy.lock.lock("phylink_bringup_phy");
        pl.state_mutex.lock("phylink_bringup_phy");
        pl.phydev.set(phy, "phylink_bringup_phy");
        pl.phy_state.set(new PhylinkStruct.LinkState(iface, false), "phylink_bringup_phy");
        pl.state_mutex.unlock("phylink_bringup_phy");
        phy.lock.unlock("phylink_bringup_phy");
        if (Phy.phyInterruptIsValid(phy)) {
            Phy.phyRequestInterrupt(phy);
        }
        return 0;
    }

    /**
     * Kernel: drivers/net/phy/phylink.c phylink_attach_phy() (v5.14)
     * <p>Context: caller's (no ASSERT_RTNL)
     */
    static int phylinkAttachPhy(PhylinkStruct pl, PhyDeviceStruct phy, SfpBus.PhyInterface iface) {
        if (Bug.warnOn(iface == SfpBus.PhyInterface.BASEX_1000
                && pl.cur_link_an_mode.get("phylink_attach_phy") == PhylinkStruct.AnMode.INBAND,
                "phylink_attach_phy: 802.3z interface with a PHY")) {
            return -Errno.EINVAL;
        }
        if (pl.phydev.get("phylink_attach_phy") != null) {
            return -Errno.EBUSY;
        }
        return PhyDevice.phyAttachDirect(pl.netdev, phy, 0, iface);
    }

    /**
     * Connects a board PHY at probe or ndo_open time.
     *
     * <p>Kernel: drivers/net/phy/phylink.c phylink_connect_phy() (v5.14)
     * <p>Context: caller's (no ASSERT_RTNL; rtnl when called from ndo_open)
     */
    public static int phylinkConnectPhy(PhylinkStruct pl, PhyDeviceStruct phy) {
        SfpBus.PhyInterface iface = pl.link_config.get("phylink_connect_phy").iface();
        int ret = phylinkAttachPhy(pl, phy, iface);
        if (ret < 0) {
            return ret;
        }
        ret = phylinkBringupPhy(pl, phy, iface);
        if (ret != 0) {
            PhyDevice.phyDetach(phy);
        }
        return ret;
    }

    /**
     * Connects the PHY named by the node's {@code phy-handle}; an SFP port managed in-band (as the
     * modelled DPMAC and MAC nodes) has none and needs no PHY, so it returns 0.
     *
     * <p>Kernel: drivers/net/phy/phylink.c phylink_fwnode_phy_connect() (v5.14)
     * <p>Context: caller's; no ASSERT_RTNL in v5.14, though phy_attach_direct changes
     * netdev->phydev (the 2022 DPAA2 fix takes rtnl around it for that reason)
     * <p>Model: no board PHY exists and every modelled port is configured in-band
     * (pl->cfg_link_an_mode, immutable), so the phy-handle lookup finds none and it returns 0.
     */
    public static int phylinkFwnodePhyConnect(PhylinkStruct pl, Fwnode fwnode, int flags) {
        Env.current().deref(pl, "pl");
        return 0;
    }

    /**
     * Unpublishes the PHY under phydev->lock then pl->state_mutex, flushes resolve, disconnects.
     *
     * <p>Kernel: drivers/net/phy/phylink.c phylink_disconnect_phy() (v5.14)
     * <p>Context: ASSERT_RTNL; takes phydev->lock, then pl->state_mutex; flush_work(resolve)
     */
    public static void phylinkDisconnectPhy(PhylinkStruct pl) {
        Rtnetlink.assertRtnl("phylink_disconnect_phy");
        PhyDeviceStruct phy = pl.phydev.get("phylink_disconnect_phy");
        if (phy != null) {
            phy.lock.lock("phylink_disconnect_phy");
            pl.state_mutex.lock("phylink_disconnect_phy");
            pl.phydev.set(null, "phylink_disconnect_phy");
            pl.state_mutex.unlock("phylink_disconnect_phy");
            phy.lock.unlock("phylink_disconnect_phy");
            Workqueue.flushWork(pl.resolve, "phylink_disconnect_phy");
            PhyDevice.phyDisconnect(phy);
        }
    }

    /**
     * The PHY's link changed: record it and resolve.
     *
     * <p>Kernel: drivers/net/phy/phylink.c phylink_phy_change() (v5.14)
     * <p>Context: phydev->lock held (phy state machine); takes pl->state_mutex
     */
    static void phylinkPhyChange(PhyDeviceStruct phydev, boolean up) {
        PhylinkStruct pl = (PhylinkStruct) phydev.phylink.get("phylink_phy_change");
        Env.current().deref(pl, "phydev->phylink");
        pl.state_mutex.lock("phylink_phy_change");
        SfpBus.PhyInterface iface = pl.phy_state.get("phylink_phy_change").iface();
        pl.phy_state.set(new PhylinkStruct.LinkState(iface, up), "phylink_phy_change");
        pl.state_mutex.unlock("phylink_phy_change");
        phylinkRunResolve(pl);
    }

    /**
     * The MAC reports a link change from its interrupt.
     *
     * <p>Kernel: drivers/net/phy/phylink.c phylink_mac_change() (v5.14)
     * <p>Context: any, including hard IRQ; no lock (mac_link_dropped is a tolerated race)
     */
    public static void phylinkMacChange(PhylinkStruct pl, boolean up) {
        if (!up) {
            pl.mac_link_dropped.set(Boolean.TRUE, "phylink_mac_change");
        }
        phylinkRunResolve(pl);
    }

    // ------------------------------------------------------------------ ethtool

    /**
     * Kernel: drivers/net/phy/phylink.c phylink_ethtool_ksettings_get() (v5.14)
     * <p>Context: ASSERT_RTNL; phy_ethtool_ksettings_get takes phydev->lock
     */
    public static int phylinkEthtoolKsettingsGet(PhylinkStruct pl) {
        Rtnetlink.assertRtnl("phylink_ethtool_ksettings_get");
        PhyDeviceStruct phydev = pl.phydev.get("phylink_ethtool_ksettings_get");
        if (phydev != null) {
            Phy.phyEthtoolKsettingsGet(phydev);
        }
        pl.cur_link_an_mode.get("phylink_ethtool_ksettings_get");
        pl.link_config.get("phylink_ethtool_ksettings_get");
        return 0;
    }

    /**
     * Kernel: drivers/net/phy/phylink.c phylink_ethtool_ksettings_set() (v5.14)
     * <p>Context: ASSERT_RTNL; phydev->lock in phy_ethtool_ksettings_get; takes pl->state_mutex
     */
    public static int phylinkEthtoolKsettingsSet(PhylinkStruct pl) {
        Rtnetlink.assertRtnl("phylink_ethtool_ksettings_set");
        PhyDeviceStruct phydev = pl.phydev.get("phylink_ethtool_ksettings_set");
        if (phydev != null) {
            Phy.phyEthtoolKsettingsGet(phydev); // phy_ethtool_ksettings_set: same locking
        }
        pl.state_mutex.lock("phylink_ethtool_ksettings_set");
        PhylinkStruct.LinkConfig cfg = pl.link_config.get("phylink_ethtool_ksettings_set");
        pl.link_config.set(new PhylinkStruct.LinkConfig(cfg.iface(), cfg.advertising()), "phylink_ethtool_ksettings_set");
        pl.state_mutex.unlock("phylink_ethtool_ksettings_set");
        return 0;
    }

    /**
     * Kernel: drivers/net/phy/phylink.c phylink_ethtool_nway_reset() (v5.14)
     * <p>Context: ASSERT_RTNL
     */
    public static int phylinkEthtoolNwayReset(PhylinkStruct pl) {
        Rtnetlink.assertRtnl("phylink_ethtool_nway_reset");
        PhyDeviceStruct phydev = pl.phydev.get("phylink_ethtool_nway_reset");
        if (phydev != null) {
            Phy.phyEthtoolKsettingsGet(phydev); // phy_restart_aneg: takes phydev->lock
        }
        return 0;
    }

    /**
     * Kernel: drivers/net/phy/phylink.c phylink_ethtool_get_pauseparam() (v5.14)
     * <p>Context: ASSERT_RTNL
     */
    public static void phylinkEthtoolGetPauseparam(PhylinkStruct pl) {
        Rtnetlink.assertRtnl("phylink_ethtool_get_pauseparam");
        pl.link_config.get("phylink_ethtool_get_pauseparam");
    }

    /**
     * Kernel: drivers/net/phy/phylink.c phylink_ethtool_set_pauseparam() (v5.14)
     * <p>Context: ASSERT_RTNL; takes pl->state_mutex
     */
    public static int phylinkEthtoolSetPauseparam(PhylinkStruct pl) {
        Rtnetlink.assertRtnl("phylink_ethtool_set_pauseparam");
        pl.state_mutex.lock("phylink_ethtool_set_pauseparam");
        PhylinkStruct.LinkConfig cfg = pl.link_config.get("phylink_ethtool_set_pauseparam");
        pl.link_config.set(new PhylinkStruct.LinkConfig(cfg.iface(), cfg.advertising() | SfpBus.LINK_PAUSE),
                "phylink_ethtool_set_pauseparam");
        pl.state_mutex.unlock("phylink_ethtool_set_pauseparam");
        return 0;
    }

    // ------------------------------------------------------------------ SFP upstream ops

    /**
     * Kernel: drivers/net/phy/phylink.c phylink_sfp_attach() (v5.14)
     * <p>Context: rtnl held via sfp_register_bus (no assert in v5.14)
     */
    static void phylinkSfpAttach(PhylinkStruct pl, SfpBusStruct bus) {
        Env.current().deref(pl, "bus->upstream");
        pl.netdev.sfp_bus.set(bus, "phylink_sfp_attach");
    }

    /**
     * Kernel: drivers/net/phy/phylink.c phylink_sfp_detach() (v5.14)
     * <p>Context: rtnl held via sfp_unregister_bus (no assert in v5.14)
     */
    static void phylinkSfpDetach(PhylinkStruct pl, SfpBusStruct bus) {
        Env.current().deref(pl, "bus->upstream");
        pl.netdev.sfp_bus.set(null, "phylink_sfp_detach");
    }

    /**
     * Adopts the module's link modes and interface; writes the config without pl->state_mutex,
     * relying on the disable-bit protocol.
     *
     * <p>Kernel: drivers/net/phy/phylink.c phylink_sfp_config() (v5.14)
     * <p>Context: rtnl + sfp->sm_mutex (state machine) or rtnl (sfp_register_bus)
     */
    static int phylinkSfpConfig(PhylinkStruct pl, PhylinkStruct.AnMode mode, long supported, long advertising) {
        pl.sfp_config_writers++;
        try {
            SfpBus.PhyInterface iface = SfpBus.sfpSelectInterface(pl.sfp_bus.get("phylink_sfp_config"), advertising);
            if (iface == SfpBus.PhyInterface.NA) {
                return -Errno.EINVAL;
            }
            if (iface == SfpBus.PhyInterface.BASEX_1000 && pl.phydev.get("phylink_sfp_config") != null) {
                return -Errno.EINVAL;
            }
            boolean changed = pl.supported.get("phylink_sfp_config") != supported;
            PhylinkStruct.LinkConfig cfg = pl.link_config.get("phylink_sfp_config");
            if (changed) {
                pl.supported.set(supported, "phylink_sfp_config");
                cfg = new PhylinkStruct.LinkConfig(cfg.iface(), advertising);
                pl.link_config.set(cfg, "phylink_sfp_config");
            }
            if (pl.cur_link_an_mode.get("phylink_sfp_config") != mode || cfg.iface() != iface) {
                pl.link_config.set(new PhylinkStruct.LinkConfig(iface, cfg.advertising()), "phylink_sfp_config");
                pl.cur_link_an_mode.set(mode, "phylink_sfp_config");
                changed = true;
            }
            pl.link_port.set(pl.sfp_port.get("phylink_sfp_config"), "phylink_sfp_config");
            if (changed && !pl.phylink_disable_state.testBit(PHYLINK_DISABLE_STOPPED, "phylink_sfp_config")) {
                phylinkMacInitialConfig(pl, false);
            }
            return 0;
        } finally {
            pl.sfp_config_writers--;
        }
    }

    /**
     * Kernel: drivers/net/phy/phylink.c phylink_sfp_module_insert() (v5.14)
     * <p>Context: ASSERT_RTNL (state machine: rtnl + sfp->sm_mutex)
     */
    static int phylinkSfpModuleInsert(PhylinkStruct pl, SfpEepromId id) {
        Env.current().deref(pl, "bus->upstream");
        Rtnetlink.assertRtnl("phylink_sfp_module_insert");
        SfpBusStruct bus = pl.sfp_bus.get("phylink_sfp_module_insert");
        long support = SfpBus.sfpParseSupport(bus, id);
        pl.sfp_support.set(support, "phylink_sfp_module_insert");
        pl.sfp_port.set(1, "phylink_sfp_module_insert"); // sfp_parse_port()
        boolean may = SfpBus.sfpMayHavePhy(bus, id);
        pl.sfp_may_have_phy.set(may, "phylink_sfp_module_insert");
        if (may) {
            return 0;
        }
        return phylinkSfpConfig(pl, PhylinkStruct.AnMode.INBAND, support, support);
    }

    /**
     * Kernel: drivers/net/phy/phylink.c phylink_sfp_module_start() (v5.14)
     * <p>Context: state machine (rtnl + sfp->sm_mutex); no assert; phy_start takes phydev->lock
     */
    static int phylinkSfpModuleStart(PhylinkStruct pl) {
        Env.current().deref(pl, "bus->upstream");
        PhyDeviceStruct phydev = pl.phydev.get("phylink_sfp_module_start");
        if (phydev != null) {
            Phy.phyStart(phydev);
            return 0;
        }
        if (!pl.sfp_may_have_phy.get("phylink_sfp_module_start")) {
            return 0;
        }
        long support = pl.sfp_support.get("phylink_sfp_module_start");
        return phylinkSfpConfig(pl, PhylinkStruct.AnMode.INBAND, support, support);
    }

    /**
     * Kernel: drivers/net/phy/phylink.c phylink_sfp_module_stop() (v5.14)
     * <p>Context: state machine (rtnl + sfp->sm_mutex); no assert; phy_stop takes phydev->lock
     */
    static void phylinkSfpModuleStop(PhylinkStruct pl) {
        Env.current().deref(pl, "bus->upstream");
        PhyDeviceStruct phydev = pl.phydev.get("phylink_sfp_module_stop");
        if (phydev != null) {
            Phy.phyStop(phydev);
        }
    }

    /**
     * Kernel: drivers/net/phy/phylink.c phylink_sfp_link_down() (v5.14)
     * <p>Context: ASSERT_RTNL (state machine or sfp_register_bus); may flush_work(resolve)
     */
    static void phylinkSfpLinkDown(PhylinkStruct pl) {
        Env.current().deref(pl, "bus->upstream");
        Rtnetlink.assertRtnl("phylink_sfp_link_down");
        phylinkRunResolveAndDisable(pl, PHYLINK_DISABLE_LINK);
    }

    /**
     * Kernel: drivers/net/phy/phylink.c phylink_sfp_link_up() (v5.14)
     * <p>Context: ASSERT_RTNL (state machine)
     */
    static void phylinkSfpLinkUp(PhylinkStruct pl) {
        Env.current().deref(pl, "bus->upstream");
        Rtnetlink.assertRtnl("phylink_sfp_link_up");
        pl.phylink_disable_state.clearBit(PHYLINK_DISABLE_LINK, "phylink_sfp_link_up");
        phylinkRunResolve(pl);
    }

    /**
     * Configures for the module PHY, attaches it to the netdev and brings it up.
     *
     * <p>Kernel: drivers/net/phy/phylink.c phylink_sfp_connect_phy() (v5.14)
     * <p>Context: takes rtnl_mutex only with option sfp-bus-private-lock (netdev->phydev changes);
     * otherwise rtnl + sfp->sm_mutex (state machine) or rtnl (sfp_register_bus), no assert
     * <p>Model: the 2021 proposal keeps rtnl "where netdev->phydev changes"; the callers hold
     * sfp_bus->lock instead of rtnl then, so the function takes rtnl itself.
     */
    static int phylinkSfpConnectPhy(PhylinkStruct pl, PhyDeviceStruct phy) {
        Env.current().deref(pl, "bus->upstream");
        if (!SfpBus.privateLock()) {
            return phylinkSfpConnectPhyLocked(pl, phy);
        }
        Rtnetlink.rtnlLock("phylink_sfp_connect_phy");
        int ret = phylinkSfpConnectPhyLocked(pl, phy);
        Rtnetlink.rtnlUnlock("phylink_sfp_connect_phy");
        return ret;
    }

    /** The body of phylink_sfp_connect_phy(), under rtnl. */
    private static int phylinkSfpConnectPhyLocked(PhylinkStruct pl, PhyDeviceStruct phy) {
        long phySupported = SfpBus.LINK_1000BASET | SfpBus.LINK_PAUSE;
        int ret = phylinkSfpConfig(pl, PhylinkStruct.AnMode.INBAND, phySupported, phySupported);
        if (ret < 0) {
            return ret;
        }
        SfpBus.PhyInterface iface = pl.link_config.get("phylink_sfp_connect_phy").iface();
        ret = phylinkAttachPhy(pl, phy, iface);
        if (ret < 0) {
            return ret;
        }
        ret = phylinkBringupPhy(pl, phy, iface);
        if (ret != 0) {
            PhyDevice.phyDetach(phy);
        }
        return ret;
    }

    /**
     * Kernel: drivers/net/phy/phylink.c phylink_sfp_disconnect_phy() (v5.14)
     * <p>Context: via phylink_disconnect_phy (ASSERT_RTNL); takes rtnl_mutex only with option sfp-bus-private-lock
     * (netdev->phydev changes here)
     * <p>Model: as phylink_sfp_connect_phy, the 2021 proposal takes rtnl here itself.
     */
    static void phylinkSfpDisconnectPhy(PhylinkStruct pl) {
        if (!SfpBus.privateLock()) {
            phylinkDisconnectPhy(pl);
            return;
        }
        Rtnetlink.rtnlLock("phylink_sfp_disconnect_phy");
        phylinkDisconnectPhy(pl);
        Rtnetlink.rtnlUnlock("phylink_sfp_disconnect_phy");
    }
}
