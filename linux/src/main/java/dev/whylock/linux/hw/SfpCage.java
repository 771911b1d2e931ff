package dev.whylock.linux.hw;

import dev.whylock.engine.Env;
import dev.whylock.engine.Field;
import dev.whylock.linux.drivers.base.Device;
import dev.whylock.linux.drivers.base.Fwnode;
import dev.whylock.linux.drivers.i2c.I2cAdapter;
import dev.whylock.linux.kernel.Irq;
import java.util.EnumMap;
import java.util.Map;

/**
 * The hardware of one SFP cage: its GPIO lines, the I2C bus to the module, the module plugged in
 * (if any), and the platform device that firmware describes for it. Scenarios change the world
 * through {@link #modulePlug}, {@link #moduleUnplug}, {@link #losSet} and friends; a change of an
 * input line raises that line's interrupt when a driver has requested it.
 */
/*
 * What differs from real hardware, on purpose:
 * - An empty cage reads LOS and TX_FAULT low (real boards pull them high); the driver ignores those
 *   lines without a module anyway, and this keeps unplug from generating LOS/TX_FAULT events.
 * - A freshly plugged module has light (LOS low) and no fault, so a link can come up without a
 *   separate los_clear; scenarios assert LOS with los_set.
 * - Levels are logical (gpiod_get_value, after active-low inversion): mod-def0 is 1 when present.
 */
public final class SfpCage {

    /** The GPIO lines of enum { GPIO_MODDEF0, GPIO_LOS, ... } in sfp.c, with their DT names. */
    public enum Gpio {
        MODDEF0("mod-def0", true),
        LOS("los", true),
        TX_FAULT("tx-fault", true),
        TX_DISABLE("tx-disable", false),
        RATE_SELECT("rate-select0", false);

        private final String ofName;
        private final boolean input;

        Gpio(String ofName, boolean input) {
            this.ofName = ofName;
            this.input = input;
        }

        /** gpio_of_names[]: the firmware name of the line. */
        public String ofName() {
            return ofName;
        }

        /** gpio_flags[] == GPIOD_IN. */
        public boolean input() {
            return input;
        }
    }

    /** Output level of a line the host does not drive (gpiod_direction_input: the pull-up wins). */
    public static final int FLOATING = -1;

    /**
     * How the board is wired. {@code maxPowerMw} is the firmware's
     * {@code maximum-power-milliwatt} (0: absent, the driver assumes 1 W).
     */
    public record Config(int maxPowerMw, boolean losWired, boolean txFaultWired, boolean txDisableWired,
            boolean irqs) {

        /** A fully wired cage with interrupts on every input line and a 2 W power budget. */
        public static Config defaults() {
            return new Config(2000, true, true, true, true);
        }

        public Config withMaxPowerMw(int mw) {
            return new Config(mw, losWired, txFaultWired, txDisableWired, irqs);
        }

        public Config withIrqs(boolean on) {
            return new Config(maxPowerMw, losWired, txFaultWired, txDisableWired, on);
        }

        public Config withSignals(boolean los, boolean txFault, boolean txDisable) {
            return new Config(maxPowerMw, los, txFault, txDisable, irqs);
        }
    }

    /** The cage's platform device: what sfp_probe() and sfp_remove() are called with. */
    public static final class PlatformDevice extends Device {
        private final SfpCage cage;
        /** {@code pdev->dev.driver_data}: set in probe, read in remove and shutdown. */
        public final Field<Object> driverData;

        PlatformDevice(SfpCage cage, String name, Fwnode fwnode) {
            super("struct platform_device", name, fwnode);
            this.cage = cage;
            this.driverData = field(name + "->dev.driver_data", null);
        }

        /** The hardware behind the device (its firmware node's GPIOs, I2C bus and properties). */
        public SfpCage cage() {
            return cage;
        }
    }

    private final String name;
    private final Config config;
    private final Fwnode fwnode;
    private final PlatformDevice pdev;
    private final I2cAdapter i2c;
    private final Field<SfpModule> module;
    private final Map<Gpio, Field<Integer>> levels = new EnumMap<>(Gpio.class);
    private final Map<Gpio, Irq> irqs = new EnumMap<>(Gpio.class);
    /** Whether the current TX_FAULT clears when the host pulses TX_DISABLE (SFF-8431 fault reset). */
    private boolean faultResettable;

    /** A cage named {@code name} (also its firmware node and device name), with nothing plugged in. */
    public SfpCage(String name, Config config) {
        Env env = Env.current();
        this.name = name;
        this.config = config;
        this.fwnode = new Fwnode(name);
        this.i2c = new I2cAdapter(name + "-i2c");
        this.pdev = new PlatformDevice(this, name, fwnode);
        // The slot and the GPIO lines are hardware, not memory: no lock could protect them.
        this.module = env.<SfpModule>field(name + ":module", null).hardware();
        for (Gpio g : Gpio.values()) {
            if (wired(g)) {
                levels.put(g, env.field(name + ":" + g.ofName(), g.input() ? 0 : FLOATING).hardware());
            }
        }
    }

    public SfpCage(String name) {
        this(name, Config.defaults());
    }

    public String name() {
        return name;
    }

    public Config config() {
        return config;
    }

    /** The cage's firmware node: a MAC or PHY node's {@code sfp} property refers to it. */
    public Fwnode fwnode() {
        return fwnode;
    }

    public PlatformDevice pdev() {
        return pdev;
    }

    /** The adapter named by the cage's {@code i2c-bus} property. */
    public I2cAdapter i2cAdapter() {
        return i2c;
    }

    /** Whether a GPIO line is wired (devm_gpiod_get_optional() finds it). */
    public boolean wired(Gpio g) {
        return switch (g) {
            case MODDEF0 -> true;
            case LOS -> config.losWired();
            case TX_FAULT -> config.txFaultWired();
            case TX_DISABLE -> config.txDisableWired();
            case RATE_SELECT -> false;
        };
    }

    // ------------------------------------------------------------------ seen from the driver

    /** gpiod_get_value_cansleep(): the logical level of an input line (visible read). */
    public boolean gpiodGetValueCansleep(Gpio g, String site) {
        return levels.get(g).get(site) != 0;
    }

    /**
     * gpiod_direction_output(): the host drives an output line. Asserting TX_DISABLE resets a
     * resettable transmitter fault (the module drops TX_FAULT, which interrupts).
     */
    public void gpiodDirectionOutput(Gpio g, boolean value, String site) {
        levels.get(g).set(value ? 1 : 0, site);
        if (g == Gpio.TX_DISABLE && value && faultResettable) {
            faultResettable = false;
            setLevel(Gpio.TX_FAULT, false, site);
        }
    }

    /** gpiod_direction_input(): the host stops driving an output line; it floats to its pull-up. */
    public void gpiodDirectionInput(Gpio g, String site) {
        levels.get(g).set(FLOATING, site);
    }

    /** gpiod_to_irq() + request: a threaded IRQ for an input line, or null when the board has none. */
    public boolean irqCapable(Gpio g) {
        return config.irqs() && g.input() && wired(g);
    }

    /** Connects the driver's threaded handler to the line (devm_request_threaded_irq). */
    public void connectIrq(Gpio g, Irq irq) {
        irqs.put(g, irq);
    }

    /** Disconnects the line's handler (devm_free_irq, or devres release after remove). */
    public void disconnectIrq(Gpio g) {
        irqs.remove(g);
    }

    /**
     * The module answering on the cage's I2C bus right now, or null (visible read: a plug or unplug
     * can land between two transfers).
     */
    public SfpModule i2cDevice(String site) {
        return module.get(site);
    }

    // ------------------------------------------------------------------ seen from the world

    /** {@code module_plug}: inserts a module of {@code type}; MOD_DEF0 goes active and interrupts. */
    public void modulePlug(SfpModuleType type) {
        if (module.peek() != null) {
            throw new IllegalStateException("module_plug: cage " + name + " already holds a " + module.peek().type());
        }
        module.set(new SfpModule(type), "module_plug");
        setLevel(Gpio.LOS, false, "module_plug");
        setLevel(Gpio.TX_FAULT, false, "module_plug");
        setLevel(Gpio.MODDEF0, true, "module_plug");
    }

    /** {@code module_unplug}: pulls the module out; MOD_DEF0 goes inactive and interrupts. */
    public void moduleUnplug() {
        module.set(null, "module_unplug");
        setLevel(Gpio.LOS, false, "module_unplug");
        setLevel(Gpio.TX_FAULT, false, "module_unplug");
        setLevel(Gpio.MODDEF0, false, "module_unplug");
    }

    /** {@code los_set}: the module loses the received signal. */
    public void losSet() {
        setLevel(Gpio.LOS, true, "los_set");
    }

    /** {@code los_clear}: the received signal comes back. */
    public void losClear() {
        setLevel(Gpio.LOS, false, "los_clear");
    }

    /** {@code tx_fault_set}: the module signals a transmitter fault. */
    public void txFaultSet() {
        setLevel(Gpio.TX_FAULT, true, "tx_fault_set");
    }

    /**
     * A transient transmitter fault: TX_FAULT asserts and stays until the host pulses TX_DISABLE
     * (sfp_module_tx_fault_reset), as SFF-8431 describes the fault reset.
     */
    public void txFaultSetResettable() {
        faultResettable = true;
        setLevel(Gpio.TX_FAULT, true, "tx_fault_set");
    }

    /** {@code tx_fault_clear}: the module stops signalling a transmitter fault. */
    public void txFaultClear() {
        setLevel(Gpio.TX_FAULT, false, "tx_fault_clear");
    }

    private void setLevel(Gpio g, boolean value, String site) {
        Field<Integer> f = levels.get(g);
        SfpModule m = module.peek();
        if (m != null) {
            m.setSignal(g, value);
        }
        if (f == null) {
            return; // not wired: only the module's soft status (A2h byte 110) shows it
        }
        int v = value ? 1 : 0;
        if (f.peek() == v) {
            return; // no edge, no interrupt
        }
        f.set(v, site);
        Irq irq = irqs.get(g);
        if (irq != null) {
            irq.raise(site);
        }
    }

    // ------------------------------------------------------------------ for invariants and tests

    /** The TX_DISABLE line as last driven: 1, 0 or {@link #FLOATING} (no visible operation). */
    public int txDisableLevelPeek() {
        Field<Integer> f = levels.get(Gpio.TX_DISABLE);
        return f == null ? FLOATING : f.peek();
    }

    /** The level of a wired line (1, 0 or {@link #FLOATING}) without a visible operation. */
    public int levelPeek(Gpio g) {
        Field<Integer> f = levels.get(g);
        return f == null ? FLOATING : f.peek();
    }

    /** The plugged module, or null (no visible operation). */
    public SfpModule modulePeek() {
        return module.peek();
    }

    @Override
    public String toString() {
        return name;
    }
}
