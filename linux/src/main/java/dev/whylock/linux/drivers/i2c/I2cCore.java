package dev.whylock.linux.drivers.i2c;

import dev.whylock.engine.Env;

/** drivers/i2c/i2c-core-base.c: transfers that sleep on the adapter's bus lock. */
public final class I2cCore {
    private I2cCore() {}

    /**
     * Performs {@code msgs} messages on {@code adap}: the caller sleeps with the bus lock held while
     * the controller works, so other tasks may run between taking and releasing it.
     *
     * <p>Kernel: drivers/i2c/i2c-core-base.c i2c_transfer() (v5.14)
     * <p>Context: takes i2c_adapter_lock; may sleep
     */
    public static int i2cTransfer(I2cAdapter adap, int msgs) {
        Env.current().deref(adap, "adap");
        adap.busLock.lock("i2c_transfer");
        adap.busLock.unlock("i2c_transfer");
        return msgs;
    }
}
