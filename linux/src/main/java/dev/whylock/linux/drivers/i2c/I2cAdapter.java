package dev.whylock.linux.drivers.i2c;

import dev.whylock.engine.Obj;
import dev.whylock.linux.kernel.KernelMutex;

/** {@code struct i2c_adapter}: an I2C bus with its bus lock ({@code i2c_adapter_lock}). */
public final class I2cAdapter extends Obj {
    private final String name;
    final KernelMutex busLock = new KernelMutex("i2c_adapter_lock");

    public I2cAdapter(String name) {
        super("struct i2c_adapter");
        this.name = name;
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
