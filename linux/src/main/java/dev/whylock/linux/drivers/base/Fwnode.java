package dev.whylock.linux.drivers.base;

/**
 * {@code struct fwnode_handle}: a firmware node. Immutable in the model (firmware description is
 * fixed before anything runs), so it is plain Java rather than tracked state.
 */
public final class Fwnode {
    private final String name;
    private final Fwnode sfp;
    private final boolean available;

    /** A node with an optional {@code sfp} reference property (the cage a MAC or PHY connects to). */
    public Fwnode(String name, Fwnode sfp, boolean available) {
        this.name = name;
        this.sfp = sfp;
        this.available = available;
    }

    public Fwnode(String name) {
        this(name, null, true);
    }

    public String name() {
        return name;
    }

    /** fwnode_property_get_reference_args(fwnode, "sfp", ...): the referenced cage node or null. */
    public Fwnode sfpReference() {
        return sfp;
    }

    /** fwnode_device_is_available(). */
    public boolean available() {
        return available;
    }

    @Override
    public String toString() {
        return name;
    }
}
