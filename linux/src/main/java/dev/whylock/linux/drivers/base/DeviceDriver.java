package dev.whylock.linux.drivers.base;

/** {@code struct device_driver}: a driver's probe and remove callbacks. */
public interface DeviceDriver {

    /** The driver's name, e.g. {@code sfp} or {@code Generic PHY}. */
    String name();

    /** .probe(): 0, a negative errno, or -EPROBE_DEFER to be retried later. */
    int probe(Device dev);

    /** .remove(). */
    void remove(Device dev);
}
