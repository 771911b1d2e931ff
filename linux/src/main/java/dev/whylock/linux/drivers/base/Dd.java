package dev.whylock.linux.drivers.base;

import dev.whylock.engine.Env;
import dev.whylock.engine.Field;
import dev.whylock.linux.kernel.Bug;
import dev.whylock.linux.kernel.Errno;
import dev.whylock.linux.kernel.Kernel;
import dev.whylock.linux.kernel.KernelMutex;
import dev.whylock.linux.kernel.Slab;
import dev.whylock.linux.kernel.WorkStruct;
import dev.whylock.linux.kernel.Workqueue;
import java.util.ArrayList;
import java.util.List;

/**
 * drivers/base/dd.c: binding drivers to devices, and deferred probing under
 * {@code deferred_probe_mutex}.
 */
public final class Dd {
    private Dd() {}

    /** The driver core's globals of one execution. */
    private static final class State {
        final KernelMutex deferredProbeMutex = new KernelMutex("deferred_probe_mutex");
        /** deferred_probe_pending_list (copy-on-write lists so each update is one visible write). */
        final Field<List<Device>> pending = Env.current().field("deferred_probe_pending_list", List.of());
        final Field<List<Device>> active = Env.current().field("deferred_probe_active_list", List.of());
        final WorkStruct deferredProbeWork = new WorkStruct("deferred_probe_work_func", "deferred_probe",
                Dd::deferredProbeWorkFunc);
    }

    private static State state() {
        return Kernel.get().global("drivers/base/dd.c", State::new);
    }

    /**
     * Binds {@code drv} to {@code dev} the way sysfs {@code bind} or driver registration does.
     *
     * <p>Kernel: drivers/base/dd.c device_driver_attach() (v5.14)
     * <p>Context: takes device_lock
     */
    public static int deviceDriverAttach(DeviceDriver drv, Device dev) {
        dev.mutex.lock("device_driver_attach");
        int ret = driverProbeDevice(drv, dev);
        dev.mutex.unlock("device_driver_attach");
        return ret;
    }

    /**
     * Probes {@code dev} with the driver its bus matches, if it has none yet (device_add path).
     *
     * <p>Kernel: drivers/base/dd.c __device_attach() (v5.14)
     * <p>Context: takes device_lock
     */
    public static int deviceAttach(Device dev) {
        dev.mutex.lock("__device_attach");
        int ret = 0;
        DeviceDriver drv = dev.matchingDriver();
        if (dev.dead.get("__device_attach")) {
            dev.mutex.unlock("__device_attach");
            return 0;
        }
        if (dev.driver.get("__device_attach") == null && drv != null) {
            ret = driverProbeDevice(drv, dev);
        }
        dev.mutex.unlock("__device_attach");
        return ret;
    }

    /**
     * Runs the probe and records the outcome: bound, deferred, or failed.
     *
     * <p>Kernel: drivers/base/dd.c driver_probe_device() / really_probe() (v5.14)
     * <p>Context: device_lock held by the caller
     */
    static int driverProbeDevice(DeviceDriver drv, Device dev) {
        dev.mutex.lockdepAssertHeld("really_probe");
        dev.driver.set(drv, "really_probe");
        int ret = drv.probe(dev);
        if (ret != 0) {
            dev.devresReleaseAll();
            dev.driver.set(null, "really_probe");
            if (ret == -Errno.EPROBE_DEFER) {
                driverDeferredProbeAdd(dev);
            }
            return ret;
        }
        driverBound(dev);
        return 0;
    }

    /**
     * Unbinds the driver: remove, devres release, {@code dev->driver = NULL}.
     *
     * <p>Kernel: drivers/base/dd.c device_release_driver_internal() (v5.14)
     * <p>Context: takes device_lock
     */
    public static void deviceReleaseDriver(Device dev) {
        dev.mutex.lock("device_release_driver_internal");
        DeviceDriver drv = dev.driver.get("device_release_driver_internal");
        if (drv != null) {
            drv.remove(dev);
            dev.devresReleaseAll();
            dev.driver.set(null, "device_release_driver_internal");
            dev.bound.set(Boolean.FALSE, "device_release_driver_internal");
        }
        dev.mutex.unlock("device_release_driver_internal");
    }

    /**
     * Unbinds a driver that the caller bound by hand (genphy in phy_detach).
     *
     * <p>Kernel: drivers/base/dd.c device_release_driver() (v5.14)
     * <p>Context: device_lock in device_release_driver_internal
     */
    public static void deviceReleaseDriverUnlocked(Device dev) {
        deviceReleaseDriver(dev);
    }

    /**
     * Marks a device bound to the driver its caller set in {@code dev->driver}. The kerneldoc says
     * "must be called with the device lock held"; the genphy fallback calls it without.
     *
     * <p>Kernel: drivers/base/dd.c device_bind_driver() (v5.14)
     * <p>Context: device_lock expected but not asserted (as in the kernel)
     */
    public static int deviceBindDriver(Device dev) {
        driverBound(dev);
        return 0;
    }

    /**
     * Kernel: drivers/base/dd.c driver_bound() (v5.14): warns "already bound", removes the device
     * from the deferred list and triggers deferred probing.
     * <p>Context: deferred_probe_mutex in driver_deferred_probe_del and driver_deferred_probe_trigger
     */
    static void driverBound(Device dev) {
        if (dev.bound.get("driver_bound")) {
            Bug.warnOn(true, "driver_bound: device " + dev.devName() + " already bound");
            return;
        }
        dev.bound.set(Boolean.TRUE, "driver_bound");
        driverDeferredProbeDel(dev);
        driverDeferredProbeTrigger();
    }

    /**
     * Kernel: drivers/base/dd.c driver_deferred_probe_add() (v5.14)
     * <p>Context: takes deferred_probe_mutex
     */
    static void driverDeferredProbeAdd(Device dev) {
        State s = state();
        s.deferredProbeMutex.lock("driver_deferred_probe_add");
        List<Device> l = s.pending.get("driver_deferred_probe_add");
        if (!l.contains(dev)) {
            List<Device> n = new ArrayList<>(l);
            n.add(dev);
            s.pending.set(List.copyOf(n), "driver_deferred_probe_add");
        }
        s.deferredProbeMutex.unlock("driver_deferred_probe_add");
    }

    /**
     * Kernel: drivers/base/dd.c driver_deferred_probe_del() (v5.14)
     * <p>Context: takes deferred_probe_mutex
     */
    static void driverDeferredProbeDel(Device dev) {
        State s = state();
        s.deferredProbeMutex.lock("driver_deferred_probe_del");
        // One list_head (dev->p->deferred_probe) links the device into either list.
        for (Field<List<Device>> list : List.of(s.pending, s.active)) {
            List<Device> l = list.get("driver_deferred_probe_del");
            if (l.contains(dev)) {
                List<Device> n = new ArrayList<>(l);
                n.remove(dev);
                list.set(List.copyOf(n), "driver_deferred_probe_del");
            }
        }
        s.deferredProbeMutex.unlock("driver_deferred_probe_del");
    }

    /**
     * Kernel: drivers/base/core.c get_device() (v5.14)
     * <p>Context: any
     */
    public static void getDevice(Device dev, String site) {
        dev.kref.get(site);
    }

    /**
     * Drops a reference; the last one frees the containing struct (device_release).
     *
     * <p>Kernel: drivers/base/core.c put_device() (v5.14)
     * <p>Context: any
     */
    public static void putDevice(Device dev, String site) {
        dev.kref.put(() -> Slab.kfree(dev, "device_release"), site);
    }

    /**
     * Removes a device: marks it dead under device_lock, unbinds its driver and takes it off the
     * deferred-probe list.
     *
     * <p>Kernel: drivers/base/core.c device_del() (v5.14)
     * <p>Context: takes device_lock, then device_lock again (device_release_driver_internal),
     * then deferred_probe_mutex
     */
    public static void deviceDel(Device dev) {
        dev.mutex.lock("device_del");
        dev.dead.set(Boolean.TRUE, "kill_device");
        dev.mutex.unlock("device_del");
        deviceReleaseDriver(dev);
        driverDeferredProbeDel(dev);
    }

    /**
     * Moves the pending list to the active list and queues the deferred-probe work.
     *
     * <p>Kernel: drivers/base/dd.c driver_deferred_probe_trigger() (v5.14)
     * <p>Context: takes deferred_probe_mutex
     */
    public static void driverDeferredProbeTrigger() {
        State s = state();
        s.deferredProbeMutex.lock("driver_deferred_probe_trigger");
        List<Device> p = s.pending.get("driver_deferred_probe_trigger");
        boolean any = !p.isEmpty();
        if (any) {
            List<Device> a = new ArrayList<>(s.active.get("driver_deferred_probe_trigger"));
            a.addAll(p);
            s.active.set(List.copyOf(a), "driver_deferred_probe_trigger");
            s.pending.set(List.of(), "driver_deferred_probe_trigger");
        }
        s.deferredProbeMutex.unlock("driver_deferred_probe_trigger");
        if (any) {
            Workqueue.queueWork(s.deferredProbeWork, "driver_deferred_probe_trigger");
        }
    }

    /**
     * Whether {@code dev} waits on the deferred-probe list (the 2021 RFC helper, never merged).
     *
     * <p>Kernel: drivers/base/dd.c device_pending_probe() (RFC 20210901225053.1205571-2)
     * <p>Context: takes deferred_probe_mutex
     */
    public static boolean devicePendingProbe(Device dev) {
        State s = state();
        s.deferredProbeMutex.lock("device_pending_probe");
        boolean pending = s.pending.get("device_pending_probe").contains(dev)
                || s.active.get("device_pending_probe").contains(dev);
        s.deferredProbeMutex.unlock("device_pending_probe");
        return pending;
    }

    /**
     * Retries every device on the active list.
     *
     * <p>Kernel: drivers/base/dd.c deferred_probe_work_func() (v5.14)
     * <p>Context: deferred_probe work; takes deferred_probe_mutex, then device_lock (not nested)
     */
    static void deferredProbeWorkFunc() {
        State s = state();
        s.deferredProbeMutex.lock("deferred_probe_work_func");
        List<Device> a = s.active.get("deferred_probe_work_func");
        while (!a.isEmpty()) {
            Device dev = a.get(0);
            s.active.set(List.copyOf(a.subList(1, a.size())), "deferred_probe_work_func");
            getDevice(dev, "deferred_probe_work_func");
            s.deferredProbeMutex.unlock("deferred_probe_work_func");
            deviceAttach(dev); // bus_probe_device()
            putDevice(dev, "deferred_probe_work_func");
            s.deferredProbeMutex.lock("deferred_probe_work_func");
            a = s.active.get("deferred_probe_work_func");
        }
        s.deferredProbeMutex.unlock("deferred_probe_work_func");
    }
}
