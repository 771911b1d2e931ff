package dev.whylock.linux.drivers.i2c;

import dev.whylock.engine.Env;

/** drivers/i2c/i2c-core-base.c: transfers that sleep on the adapter's bus lock. */
/*
 * Transfer time. An SFP cage's two-wire interface runs in I2C standard mode, 100 kHz (the SFP
 * specifications make 100 kHz what every module must accept and 400 kHz an option; it is SMBus's
 * limit too), so a clock is 10 us. On the wire a message is a START (or repeated START), the address
 * byte and its data bytes, each byte 9 clocks (8 bits and the ACK), and the transfer ends with a
 * STOP; the model counts one clock for each START and STOP. Virtual time is in whole milliseconds,
 * so a transfer takes its wire time rounded up: a 16-byte EEPROM chunk (write the offset, read 16)
 * is 174 clocks, 1.74 ms -> 2 ms; a one-byte status read 39 clocks, 0.39 ms -> 1 ms. Rounding up makes
 * short transfers up to 0.6 ms longer than the wire time; controller and interrupt latency, which
 * the wire time leaves out, usually add about as much.
 */
public final class I2cCore {
    private I2cCore() {}

    /** The bus clock in kHz: I2C standard mode, which every SFP module accepts. */
    public static final int BUS_KHZ = 100;

    /**
     * Virtual milliseconds that a transfer of {@code msgs} messages carrying {@code dataBytes} bytes
     * in total (register offsets included, address bytes not) keeps the bus: its wire time at
     * {@link #BUS_KHZ}, rounded up to a whole millisecond.
     */
    public static long transferMillis(int msgs, int dataBytes) {
        long clocks = 9L * (msgs + dataBytes) + msgs + 1; // 9 per byte; a START per message and one STOP
        long micros = clocks * 1000 / BUS_KHZ;
        return Math.max(1, (micros + 999) / 1000);
    }

    /**
     * Performs {@code msgs} messages carrying {@code dataBytes} bytes on {@code adap}: the caller
     * sleeps with the bus lock held while the controller works ({@link #transferMillis} of virtual
     * time in the timed mode), so other tasks may run between taking and releasing it.
     *
     * <p>Kernel: drivers/i2c/i2c-core-base.c i2c_transfer() (v5.14)
     * <p>Context: takes i2c_adapter_lock; may sleep
     * <p>Model: the controller's work is one sleep of the transfer's wire time; no retries, no timeout.
     */
    public static int i2cTransfer(I2cAdapter adap, int msgs, int dataBytes) {
        Env env = Env.current();
        env.deref(adap, "adap");
        adap.busLock.lock("i2c_transfer");
        env.sleep(transferMillis(msgs, dataBytes), "i2c_transfer");
        adap.busLock.unlock("i2c_transfer");
        return msgs;
    }
}
