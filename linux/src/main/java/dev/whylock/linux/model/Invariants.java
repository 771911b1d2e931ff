package dev.whylock.linux.model;

import dev.whylock.engine.Env;
import dev.whylock.engine.Obj;
import dev.whylock.linux.drivers.net.phy.Phylink;
import dev.whylock.linux.drivers.net.phy.PhyDeviceStruct;
import dev.whylock.linux.drivers.net.phy.PhylinkStruct;
import dev.whylock.linux.drivers.net.phy.SfpBus;
import dev.whylock.linux.drivers.net.phy.Sfp;
import dev.whylock.linux.drivers.net.phy.SfpBusStruct;
import dev.whylock.linux.drivers.net.phy.SfpStruct;
import dev.whylock.linux.net.core.NetDevice;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The named checks of the SFP models (KERNEL-NOTES §8). Quiescent-state checks read with
 * {@code peek()} and run whenever no work is pending and at the end; in-flight checks (marked) are
 * made by the model code itself at the moment they could break.
 */
final class Invariants {
    private Invariants() {}

    static final List<InvariantInfo> ALL = List.of(
            new InvariantInfo("bus-refcount",
                    "every live sfp_bus has kref == (upstream present) + (socket present), and an unreferenced bus is freed"),
            new InvariantInfo("bus-registered-complete",
                    "bus->registered implies both bus->sfp/socket_ops and bus->upstream_ops/upstream are set"),
            new InvariantInfo("netdev-sfp-bus",
                    "netdev->sfp_bus is set exactly while its phylink's bus is registered, and never points at freed memory"),
            new InvariantInfo("netdev-phydev",
                    "netdev->phydev is NULL or a live PHY attached to this netdev and equal to pl->phydev"),
            new InvariantInfo("no-freed-upstream",
                    "bus->upstream never points at a freed phylink (KERNEL-NOTES §8 (3))"),
            new InvariantInfo("no-freed-socket",
                    "bus->sfp and bus->phydev never point at freed memory (KERNEL-NOTES §8 (4))"),
            new InvariantInfo("bus-started-matches-netdev",
                    "bus->started equals whether the upstream phylink is started (phylink_start from ndo_open, phylink_stop from ndo_stop)"),
            new InvariantInfo("sfp-dev-state-matches-bus",
                    "the cage's sm_dev_state is DETACHED, DOWN or UP exactly as the bus is unregistered, registered, or registered and started"),
            new InvariantInfo("link-config-matches-module",
                    "with a PHY-less module present, pl->link_config's interface is the one sfp_select_interface picks for the module"),
            new InvariantInfo("sfp-tx-disable-line",
                    "while a module is present, the TX_DISABLE line disables the laser exactly when sfp->state says TX_DISABLE"),
            new InvariantInfo("sfp-state-inputs",
                    "when quiescent, the input bits of sfp->state (PRESENT, LOS, TX_FAULT) equal the wired lines of an IRQ-driven cage"),
            new InvariantInfo("phydev-link-state",
                    "what phydev->lock protects: a PHY's phydev->link is up exactly when phydev->state is RUNNING"),
            new InvariantInfo("phylink-phy-state",
                    "what pl->state_mutex protects: pl->phy_state.link equals the link of pl->phydev when phylink has a PHY"),
            new InvariantInfo(Phylink.CHECK_RESOLVE_VS_SFP_CONFIG,
                    "in flight: phylink_resolve never reads the config with the disable bits clear while phylink_sfp_config writes it (§8 (5))"));

    /** The checks selected by a scenario. */
    static Set<String> selected(Scenario s) {
        if (s.checksAll()) {
            return null;
        }
        return Set.copyOf(s.check());
    }

    /** Registers the quiescent-state checks selected by {@code names} (null: all). */
    static void register(Env env, Set<String> names) {
        add(env, names, "bus-refcount", Invariants::busRefcount);
        add(env, names, "bus-registered-complete", Invariants::busRegisteredComplete);
        add(env, names, "netdev-sfp-bus", Invariants::netdevSfpBus);
        add(env, names, "netdev-phydev", Invariants::netdevPhydev);
        add(env, names, "no-freed-upstream", Invariants::noFreedUpstream);
        add(env, names, "no-freed-socket", Invariants::noFreedSocket);
        add(env, names, "bus-started-matches-netdev", Invariants::busStarted);
        add(env, names, "sfp-dev-state-matches-bus", Invariants::sfpDevState);
        add(env, names, "link-config-matches-module", Invariants::linkConfigMatchesModule);
        add(env, names, "sfp-tx-disable-line", () -> Sfp.txDisableMismatch(Sfp.drvdataPeek(World.get().cage)));
        add(env, names, "sfp-state-inputs", () -> Sfp.inputStateMismatch(Sfp.drvdataPeek(World.get().cage)));
        add(env, names, "phydev-link-state", Invariants::phydevLinkState);
        add(env, names, "phylink-phy-state", Invariants::phylinkPhyState);
    }

    /** The module PHYs that exist now: the one bus->phydev or pl->phydev names. */
    private static java.util.Set<PhyDeviceStruct> livePhys() {
        java.util.Set<PhyDeviceStruct> phys = new java.util.LinkedHashSet<>();
        for (SfpBusStruct b : SfpBus.busesPeek()) {
            if (b.phydev.peek() != null) {
                phys.add(b.phydev.peek());
            }
            if (b.upstream.peek() instanceof PhylinkStruct pl && !pl.isFreed() && pl.phydev.peek() != null) {
                phys.add(pl.phydev.peek());
            }
        }
        phys.removeIf(Obj::isFreed);
        return phys;
    }

    private static String phydevLinkState() {
        for (PhyDeviceStruct ph : livePhys()) {
            boolean running = ph.state.peek() == PhyDeviceStruct.PhyState.RUNNING;
            if (Boolean.TRUE.equals(ph.link.peek()) != running) {
                return ph + ": phydev->link is " + ph.link.peek() + " but phydev->state is " + ph.state.peek();
            }
        }
        return null;
    }

    private static String phylinkPhyState() {
        for (SfpBusStruct b : SfpBus.busesPeek()) {
            if (!(b.upstream.peek() instanceof PhylinkStruct pl) || pl.isFreed()) {
                continue;
            }
            PhyDeviceStruct ph = pl.phydev.peek();
            boolean plLink = pl.phy_state.peek().link();
            if (ph != null && !ph.isFreed() && plLink != Boolean.TRUE.equals(ph.link.peek())) {
                return "pl->phy_state.link is " + plLink + " but " + ph + "'s phydev->link is " + ph.link.peek();
            }
        }
        return null;
    }

    private static void add(Env env, Set<String> names, String name, Supplier<String> check) {
        if (names == null || names.contains(name)) {
            env.invariant(name, check);
        }
    }

    private static boolean freed(Obj o) {
        return o != null && o.isFreed();
    }

    private static String busRefcount() {
        for (SfpBusStruct b : SfpBus.busesPeek()) {
            if (b.isFreed()) {
                return "a freed sfp_bus is still on sfp_buses";
            }
            long expected = (b.upstream_ops.peek() != null ? 1 : 0) + (b.sfp.peek() != null ? 1 : 0);
            if (b.kref.peek() != expected) {
                return "bus->kref is " + b.kref.peek() + " but " + expected + " side(s) hold the bus";
            }
        }
        return null;
    }

    private static String busRegisteredComplete() {
        for (SfpBusStruct b : SfpBus.busesPeek()) {
            if (Boolean.TRUE.equals(b.registered.peek())
                    && (b.sfp.peek() == null || b.socket_ops.peek() == null || b.upstream_ops.peek() == null
                    || b.upstream.peek() == null)) {
                return "bus->registered is true but bus->sfp=" + b.sfp.peek() + " bus->upstream=" + b.upstream.peek();
            }
        }
        return null;
    }

    private static String netdevSfpBus() {
        World.Upstream up = World.get().upstreamPeek();
        if (up == null) {
            return null;
        }
        PhylinkStruct pl = up.pl();
        SfpBusStruct nb = up.dev().sfp_bus.peek();
        if (freed(nb)) {
            return "netdev->sfp_bus points at a freed sfp_bus";
        }
        for (SfpBusStruct b : SfpBus.busesPeek()) {
            boolean ours = pl != null && b.upstream.peek() == pl && Boolean.TRUE.equals(b.registered.peek());
            if (ours && nb != b) {
                return "the bus of this phylink is registered but netdev->sfp_bus is " + nb;
            }
            if (!ours && nb == b) {
                return "netdev->sfp_bus is set but its bus is not registered with this phylink";
            }
        }
        return null;
    }

    private static String netdevPhydev() {
        World.Upstream up = World.get().upstreamPeek();
        if (up == null) {
            return null;
        }
        NetDevice nd = up.dev();
        PhyDeviceStruct ph = nd.phydev.peek();
        if (ph == null) {
            return null;
        }
        if (ph.isFreed()) {
            return "netdev->phydev points at a freed phy_device (freed in " + ph.freedAt() + ")";
        }
        if (ph.attached_dev.peek() != nd) {
            return "netdev->phydev is " + ph + " but its attached_dev is " + ph.attached_dev.peek();
        }
        PhylinkStruct pl = up.pl();
        if (pl != null && !pl.isFreed() && pl.phydev.peek() != ph) {
            return "netdev->phydev is " + ph + " but pl->phydev is " + pl.phydev.peek();
        }
        return null;
    }

    private static String noFreedUpstream() {
        for (SfpBusStruct b : SfpBus.busesPeek()) {
            if (freed(b.upstream.peek())) {
                return "bus->upstream points at a freed " + b.upstream.peek().type();
            }
        }
        return null;
    }

    private static String noFreedSocket() {
        for (SfpBusStruct b : SfpBus.busesPeek()) {
            if (freed(b.sfp.peek())) {
                return "bus->sfp points at a freed struct sfp";
            }
            if (freed(b.phydev.peek())) {
                return "bus->phydev points at a freed phy_device";
            }
        }
        return null;
    }

    private static String sfpDevState() {
        for (SfpBusStruct b : SfpBus.busesPeek()) {
            if (!(b.sfp.peek() instanceof SfpStruct sfp) || sfp.isFreed()) {
                continue;
            }
            boolean reg = Boolean.TRUE.equals(b.registered.peek());
            int expected = !reg ? Sfp.SFP_DEV_DETACHED : Boolean.TRUE.equals(b.started.peek()) ? Sfp.SFP_DEV_UP : Sfp.SFP_DEV_DOWN;
            Integer actual = sfp.sm_dev_state.peek();
            if (actual == null || actual != expected) {
                return "sfp->sm_dev_state is " + actual + " but the bus is " + (reg ? "registered" : "unregistered")
                        + (Boolean.TRUE.equals(b.started.peek()) ? " and started" : "") + " (expected " + expected + ")";
            }
        }
        return null;
    }

    private static String linkConfigMatchesModule() {
        for (SfpBusStruct b : SfpBus.busesPeek()) {
            if (!(b.upstream.peek() instanceof PhylinkStruct pl) || pl.isFreed()
                    || !(b.sfp.peek() instanceof SfpStruct sfp) || sfp.isFreed()
                    || !Boolean.TRUE.equals(b.registered.peek())) {
                continue;
            }
            Integer mod = sfp.sm_mod_state.peek();
            if (mod == null || mod != Sfp.SFP_MOD_PRESENT || Boolean.TRUE.equals(pl.sfp_may_have_phy.peek())) {
                continue;
            }
            SfpBus.PhyInterface expected = SfpBus.sfpSelectInterface(b, pl.sfp_support.peek());
            SfpBus.PhyInterface actual = pl.link_config.peek().iface();
            if (expected != SfpBus.PhyInterface.NA && actual != expected) {
                return "the module needs " + expected + " but pl->link_config.interface is " + actual;
            }
        }
        return null;
    }

    /*
     * phylink_start/phylink_stop run from ndo_open/ndo_stop for a MAC that has phylink when the
     * netdev opens; a DPAA2 DPMAC connected to an interface that is already up is never started (the
     * driver does not start it), so the check compares with phylink's own STOPPED bit there.
     */
    private static String busStarted() {
        World.Upstream up = World.get().upstreamPeek();
        if (up == null || up.pl() == null || up.pl().isFreed()) {
            return null;
        }
        PhylinkStruct pl = up.pl();
        boolean plStarted = (pl.phylink_disable_state.peek() & (1L << Phylink.PHYLINK_DISABLE_STOPPED)) == 0;
        for (SfpBusStruct b : SfpBus.busesPeek()) {
            if (b.upstream.peek() == pl && Boolean.TRUE.equals(b.started.peek()) != plStarted) {
                return "bus->started=" + b.started.peek() + " but the phylink is " + (plStarted ? "started" : "stopped")
                        + " (IFF_UP=" + up.dev().up.peek() + ")";
            }
        }
        return null;
    }
}
