package dev.whylock.linux.drivers.net.ethernet;

import dev.whylock.engine.Field;
import dev.whylock.engine.Obj;
import dev.whylock.linux.drivers.net.phy.PhylinkStruct;
import dev.whylock.linux.net.core.NetDevice;

/** The MAC driver's private data (as {@code struct mvneta_port}): its netdev and phylink. */
public final class MacPort extends Obj {
    /** {@code pp->dev}. */
    public final NetDevice dev;
    /** {@code pp->phylink}. */
    public final Field<PhylinkStruct> phylink;

    MacPort(NetDevice dev) {
        super("struct mac_port");
        this.dev = dev;
        this.phylink = field("pp->phylink", null);
    }
}
