package dev.whylock.linux.drivers.base;

import dev.whylock.engine.Field;
import dev.whylock.engine.Obj;
import dev.whylock.linux.kernel.KernelMutex;
import dev.whylock.linux.kernel.Kref;
import java.util.ArrayList;
import java.util.List;

/** {@code struct device}: the driver-core view of a device, with {@code device_lock}. */
public class Device extends Obj {
    private final String name;
    private final Fwnode fwnode;
    /** device_lock(dev): one lockdep class for every device, as in the kernel (novalidate). */
    public final KernelMutex mutex;
    /** {@code dev->driver}: written by the driver core under device_lock (and by the genphy fallback without it). */
    public final Field<DeviceDriver> driver;
    /** {@code dev->p->knode_driver} attached: the device is bound (driver_bound). */
    public final Field<Boolean> bound;
    /** {@code dev->p->dead}: set by device_del under device_lock; probing a dead device is skipped. */
    public final Field<Boolean> dead;
    /** {@code dev->kobj.kref}: get_device/put_device; the last put frees the containing struct. */
    public final Kref kref;
    /** The driver the bus would match this device with (fixed by the hardware description). */
    private DeviceDriver matchingDriver;
    /** devres actions, run in reverse order after remove or a failed probe (devm_add_action). */
    private final List<Runnable> devres = new ArrayList<>();

    /** device_initialize(): {@code type} is the containing struct, {@code name} dev_name(). */
    public Device(String type, String name, Fwnode fwnode) {
        super(type);
        this.name = name;
        this.fwnode = fwnode;
        this.mutex = new KernelMutex("device_lock");
        this.driver = field(name + "->driver", null);
        this.bound = field(name + "->p->knode_driver", Boolean.FALSE);
        this.dead = field(name + "->p->dead", Boolean.FALSE);
        this.kref = new Kref(this, name + "->kobj.kref");
    }

    /** dev_name(). */
    public String devName() {
        return name;
    }

    /** dev_fwnode(). */
    public Fwnode fwnode() {
        return fwnode;
    }

    /** The driver that matches this device on its bus, or null. */
    public DeviceDriver matchingDriver() {
        return matchingDriver;
    }

    public void setMatchingDriver(DeviceDriver drv) {
        this.matchingDriver = drv;
    }

    /** devm_add_action(): runs {@code action} when the driver unbinds (or its probe fails). */
    public void devmAddAction(Runnable action) {
        devres.add(action);
    }

    /** devres_release_all(): runs and forgets the devres actions, newest first. */
    void devresReleaseAll() {
        while (!devres.isEmpty()) {
            devres.remove(devres.size() - 1).run();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
