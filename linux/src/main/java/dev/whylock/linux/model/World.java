package dev.whylock.linux.model;

import dev.whylock.linux.drivers.base.Fwnode;
import dev.whylock.linux.drivers.net.ethernet.MacDriver;
import dev.whylock.linux.drivers.net.ethernet.MacPort;
import dev.whylock.linux.hw.SfpCage;
import dev.whylock.linux.kernel.Kernel;

/**
 * The machine of one execution: an SFP cage and a MAC whose firmware node points at it
 * ({@code sfp = <&sfp0>}), as on a Marvell Armada board.
 */
final class World {
    /** The interface name userspace uses. */
    static final String IFNAME = "eth0";

    final SfpCage cage;
    final MacDriver.MacDevice mac;

    private World() {
        this.cage = new SfpCage("sfp0");
        this.mac = new MacDriver.MacDevice("mac0", new Fwnode("mac0", cage.fwnode(), true));
    }

    /** The world of the running execution, created on first use. */
    static World get() {
        return Kernel.get().global("model:world", World::new);
    }

    /** The MAC's private data without a visible operation (invariants), or null. */
    MacPort portPeek() {
        return mac.driverData.peek();
    }
}
