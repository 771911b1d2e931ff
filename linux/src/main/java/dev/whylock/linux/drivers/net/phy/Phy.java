package dev.whylock.linux.drivers.net.phy;

import dev.whylock.engine.Env;
import dev.whylock.linux.kernel.Bug;
import dev.whylock.linux.kernel.Irq;
import dev.whylock.linux.kernel.Workqueue;

/** drivers/net/phy/phy.c: starting and stopping a PHY, its state machine, and ethtool helpers. */
public final class Phy {
    private Phy() {}

    /** PHY_STATE_TIME: the polling period of the state machine (1 s). */
    public static final long PHY_STATE_TIME = 1000;
    /** PHY_POLL: no interrupt, the state machine polls. */
    public static final int PHY_POLL = -1;

    /**
     * Kernel: include/linux/phy.h phy_interrupt_is_valid() (v5.14)
     * <p>Context: any; phydev->irq is immutable after creation
     */
    static boolean phyInterruptIsValid(PhyDeviceStruct phydev) {
        return phydev.irq != PHY_POLL && phydev.irq != -2; // PHY_MAC_INTERRUPT
    }

    /**
     * Requests the PHY's threaded interrupt.
     *
     * <p>Kernel: drivers/net/phy/phy.c phy_request_interrupt() (v5.14)
     * <p>Context: caller's (phylink_bringup_phy); only called with a valid IRQ
     */
    static void phyRequestInterrupt(PhyDeviceStruct phydev) {
        phydev.irqHandler = Irq.requestThreadedIrq("phy_interrupt:" + phydev.devName(), "phy_irq", () -> phyInterrupt(phydev));
    }

    /**
     * The PHY's threaded interrupt handler: the driver's handle_interrupt, which kicks the state
     * machine; since 5.19 (Francesco Dolcini's race fix) under phydev->lock.
     *
     * <p>Kernel: drivers/net/phy/phy.c phy_interrupt() (v5.14; v6.5 takes phydev->lock)
     * <p>Context: takes phydev->lock (v6.5 only); threaded IRQ (context phy_irq)
     */
    static void phyInterrupt(PhyDeviceStruct phydev) {
        boolean locked = dev.whylock.linux.kernel.Kernel.get().v65();
        if (locked) {
            phydev.lock.lock("phy_interrupt");
        }
        phyTriggerMachine(phydev); // handle_interrupt of a link-change interrupt
        if (locked) {
            phydev.lock.unlock("phy_interrupt");
        }
    }

    /**
     * Disables and frees the interrupt; free_irq waits for a running handler.
     *
     * <p>Kernel: drivers/net/phy/phy.c phy_free_interrupt() (v5.14)
     * <p>Context: caller's (phy_disconnect: rtnl + sm on the SFP path); only with a valid IRQ
     */
    static void phyFreeInterrupt(PhyDeviceStruct phydev) {
        phydev.irqHandler.freeIrq("phy_free_interrupt");
    }

    /**
     * Kernel: include/linux/phy.h phy_is_started() (v5.14)
     * <p>Context: reads phydev->state without the lock, as the kernel does
     */
    static boolean phyIsStarted(PhyDeviceStruct phydev) {
        return phydev.state.get("phy_is_started").compareTo(PhyDeviceStruct.PhyState.UP) >= 0;
    }

    /**
     * Starts the PHY: SFP upstream start if the PHY has a cage, PHY_UP, and kicks the state machine.
     *
     * <p>Kernel: drivers/net/phy/phy.c phy_start() (v5.14)
     * <p>Context: takes phydev->lock (sfp_upstream_start runs inside it)
     */
    public static void phyStart(PhyDeviceStruct phydev) {
        Env.current().deref(phydev, "phydev");
        phydev.lock.lock("phy_start");
        PhyDeviceStruct.PhyState st = phydev.state.get("phy_start");
        if (st != PhyDeviceStruct.PhyState.READY && st != PhyDeviceStruct.PhyState.HALTED) {
            Bug.warnOn(true, "phy_start: called from state " + st);
        } else {
            SfpBusStruct bus = phydev.sfp_bus.get("phy_start");
            if (bus != null) {
                SfpBus.sfpUpstreamStart(bus);
            }
            phydev.state.set(PhyDeviceStruct.PhyState.UP, "phy_start");
            phyTriggerMachine(phydev);
        }
        phydev.lock.unlock("phy_start");
    }

    /**
     * Stops the PHY: SFP upstream stop, PHY_HALTED, one last state-machine pass, then cancels the
     * machine (it cannot flush because callers hold rtnl).
     *
     * <p>Kernel: drivers/net/phy/phy.c phy_stop() (v5.14)
     * <p>Context: takes phydev->lock (sfp_upstream_stop runs inside it)
     */
    public static void phyStop(PhyDeviceStruct phydev) {
        Env.current().deref(phydev, "phydev");
        PhyDeviceStruct.PhyState st = phydev.state.get("phy_stop");
        if (st.compareTo(PhyDeviceStruct.PhyState.UP) < 0 && st != PhyDeviceStruct.PhyState.DOWN) {
            Bug.warnOn(true, "phy_stop: called from state " + st);
            return;
        }
        phydev.lock.lock("phy_stop");
        SfpBusStruct bus = phydev.sfp_bus.get("phy_stop");
        if (bus != null) {
            SfpBus.sfpUpstreamStop(bus);
        }
        phydev.state.set(PhyDeviceStruct.PhyState.HALTED, "phy_stop");
        phydev.lock.unlock("phy_stop");
        phyStateMachine(phydev);
        phyStopMachine(phydev);
    }

    /**
     * Kernel: drivers/net/phy/phy.c phy_trigger_machine() (v5.14)
     * <p>Context: any
     */
    static void phyTriggerMachine(PhyDeviceStruct phydev) {
        Workqueue.modDelayedWork(phydev.state_queue, 0, "phy_trigger_machine");
    }

    /**
     * Kernel: drivers/net/phy/phy.c phy_stop_machine() (v5.14)
     * <p>Context: takes phydev->lock after cancelling the machine synchronously
     */
    static void phyStopMachine(PhyDeviceStruct phydev) {
        Workqueue.cancelDelayedWorkSync(phydev.state_queue, "phy_stop_machine");
        phydev.lock.lock("phy_stop_machine");
        if (phydev.state.get("phy_stop_machine").compareTo(PhyDeviceStruct.PhyState.UP) > 0) {
            phydev.state.set(PhyDeviceStruct.PhyState.UP, "phy_stop_machine");
        }
        phydev.lock.unlock("phy_stop_machine");
    }

    /**
     * The PHY state machine: one pass under phydev->lock, then re-arm while polling.
     *
     * <p>Kernel: drivers/net/phy/phy.c phy_state_machine() (v5.14)
     * <p>Context: phy_state_machine work (or phy_stop); takes phydev->lock; the link-change
     * callback (phylink_phy_change) nests pl->state_mutex inside it
     */
    public static void phyStateMachine(PhyDeviceStruct phydev) {
        phydev.lock.lock("phy_state_machine");
        PhyDeviceStruct.PhyState st = phydev.state.get("phy_state_machine");
        switch (st) {
            case UP -> {
                phydev.state.set(PhyDeviceStruct.PhyState.NOLINK, "phy_state_machine"); // phy_start_aneg, folded in
                phyCheckLinkStatus(phydev);
            }
            case NOLINK, RUNNING -> phyCheckLinkStatus(phydev);
            case HALTED -> {
                if (phydev.link.get("phy_state_machine")) {
                    phydev.link.set(Boolean.FALSE, "phy_state_machine");
                    phyLinkDown(phydev);
                }
            }
            default -> { }
        }
        boolean started = phydev.state.get("phy_state_machine").compareTo(PhyDeviceStruct.PhyState.UP) >= 0;
        phydev.lock.unlock("phy_state_machine");
        if (started) {
            Workqueue.queueDelayedWork(phydev.state_queue, PHY_STATE_TIME, "phy_state_machine");
        }
    }

    /**
     * Reads the link from the PHY and reports a change.
     *
     * <p>Kernel: drivers/net/phy/phy.c phy_check_link_status() (v5.14)
     * <p>Context: lockdep_assert_held(&phydev->lock); mii_bus->mdio_lock in mdiobus_read
     */
    static void phyCheckLinkStatus(PhyDeviceStruct phydev) {
        phydev.lock.lockdepAssertHeld("phy_check_link_status");
        // phy_read_status() -> genphy_update_link(): BMSR over MDIO, under the bus's mdio_lock.
        MdioBus.mdiobusRead(phydev.bus, phydev.addr, MdioBus.MII_BMSR);
        boolean link = phydev.hw_link; // what the register says
        phydev.link.set(link, "phy_check_link_status");
        PhyDeviceStruct.PhyState st = phydev.state.get("phy_check_link_status");
        if (link && st != PhyDeviceStruct.PhyState.RUNNING) {
            phydev.state.set(PhyDeviceStruct.PhyState.RUNNING, "phy_check_link_status");
            phyLinkUp(phydev);
        } else if (!link && st != PhyDeviceStruct.PhyState.NOLINK) {
            phydev.state.set(PhyDeviceStruct.PhyState.NOLINK, "phy_check_link_status");
            phyLinkDown(phydev);
        }
    }

    /**
     * Kernel: drivers/net/phy/phy.c phy_link_up() (v5.14)
     * <p>Context: phydev->lock held
     */
    static void phyLinkUp(PhyDeviceStruct phydev) {
        PhyDeviceStruct.LinkChange cb = phydev.phy_link_change.get("phy_link_up");
        if (cb != null) {
            cb.call(phydev, true);
        }
    }

    /**
     * Kernel: drivers/net/phy/phy.c phy_link_down() (v5.14)
     * <p>Context: phydev->lock held
     */
    static void phyLinkDown(PhyDeviceStruct phydev) {
        PhyDeviceStruct.LinkChange cb = phydev.phy_link_change.get("phy_link_down");
        if (cb != null) {
            cb.call(phydev, false);
        }
    }

    /**
     * Reads the PHY's statistics.
     *
     * <p>Kernel: drivers/net/phy/phy.c phy_ethtool_get_stats() (v5.14)
     * <p>Context: takes phydev->lock (caller holds rtnl)
     */
    public static int phyEthtoolGetStats(PhyDeviceStruct phydev) {
        Env.current().deref(phydev, "dev->phydev");
        phydev.lock.lock("phy_ethtool_get_stats");
        phydev.link.get("phy_ethtool_get_stats");
        phydev.lock.unlock("phy_ethtool_get_stats");
        return 0;
    }

    /**
     * Reads the PHY's link settings.
     *
     * <p>Kernel: drivers/net/phy/phy.c phy_ethtool_ksettings_get() (v5.14)
     * <p>Context: takes phydev->lock (caller holds rtnl)
     */
    public static void phyEthtoolKsettingsGet(PhyDeviceStruct phydev) {
        Env.current().deref(phydev, "pl->phydev");
        phydev.lock.lock("phy_ethtool_ksettings_get");
        phydev.link.get("phy_ethtool_ksettings_get");
        phydev.lock.unlock("phy_ethtool_ksettings_get");
    }
}
