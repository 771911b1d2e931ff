package dev.whylock.linux.drivers.net.phy;

import dev.whylock.engine.Field;
import dev.whylock.engine.Obj;
import dev.whylock.linux.drivers.i2c.I2cAdapter;
import dev.whylock.linux.hw.SfpCage;
import dev.whylock.linux.kernel.DelayedWork;
import dev.whylock.linux.kernel.Irq;
import dev.whylock.linux.kernel.KernelMutex;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code struct sfp} (drivers/net/phy/sfp.c): one SFP cage bound to the sfp driver, allocated by
 * {@link Sfp#sfpAlloc} and freed by {@link Sfp#sfpCleanup}.
 *
 * <p>Fields that more than one context touches are tracked {@link Field}s named in kernel spelling
 * ({@code sfp->sm_state}); what probe sets up before any concurrency and never changes (GPIO
 * descriptors, IRQs, {@code need_poll}, {@code max_power_mW}, the work items and the mutexes) is
 * plain Java.
 */
/*
 * Protection, as KERNEL-NOTES 1.2 states it (the model does not enforce it; the explorer checks it):
 *   sm_mutex + rtnl : sm_*_state, sm_mod_tries*, sm_*_retries, mod_phy, id, module_power_mW,
 *                     module_t_start_up, i2c_block_size (written in sfp_sm_mod_probe)
 *   st_mutex        : state (v5.14: only sfp_check_state; tx_enable/disable do RMW without it),
 *                     state_soft_mask (v6.5; v5.14 has no common lock)
 *   none            : sfp_bus (written in sfp_probe after sfp_register_socket), hwmon_* (hwmon work)
 */
public final class SfpStruct extends Obj {

    /** {@code sfp->dev}: the cage's platform device. */
    public final SfpCage.PlatformDevice dev;
    /** The cage hardware behind {@code dev} (what gpiod and I2C calls reach). */
    public final SfpCage cage;
    /** Whether the v6.5 locking is modelled (fixed at sfp_alloc from the model configuration). */
    public final boolean v65;

    /** {@code sfp->i2c}. */
    I2cAdapter i2c;
    /**
     * {@code sfp->i2c_mii}: the mdio-i2c bus. v5.14: created in sfp_i2c_configure at probe. v6.5:
     * created at init_done and destroyed by the main machine's reset, under rtnl + sm; only the state
     * machine (sm held) and sfp_cleanup touch the pointer, so it is plain Java.
     */
    MiiBus i2c_mii;
    /** {@code sfp->state_hw_mask} (v6.1+): the state bits read from hardware; v6.5: written under st_mutex. */
    public final Field<Integer> state_hw_mask;
    /** {@code sfp->gpio[]}: which lines firmware describes. */
    final Map<SfpCage.Gpio, Boolean> gpio = new EnumMap<>(SfpCage.Gpio.class);
    /** {@code sfp->gpio_irq[]}: the threaded IRQs requested for input lines. */
    final Map<SfpCage.Gpio, Irq> gpio_irq = new EnumMap<>(SfpCage.Gpio.class);
    /** {@code sfp->need_poll}. */
    boolean need_poll;
    /** {@code sfp->max_power_mW}. */
    int max_power_mW;
    /** {@code sfp->get_state == sff_gpio_get_state}: no MOD_DEF0 line, the module is always present. */
    boolean always_present;

    /** {@code sfp->st_mutex}: "Protects state". */
    public final KernelMutex st_mutex;
    /** {@code sfp->sm_mutex}: "Protects state machine". */
    public final KernelMutex sm_mutex;
    /** {@code sfp->poll}: sfp_poll on system_wq. */
    public final DelayedWork poll;
    /** {@code sfp->timeout}: sfp_timeout, shared by the module and main state machines. */
    public final DelayedWork timeout;
    /** {@code sfp->hwmon_probe}: sfp_hwmon_probe. */
    public final DelayedWork hwmon_probe;

    /** {@code sfp->sfp_bus}: set in sfp_probe after sfp_register_socket() returns, without a lock. */
    public final Field<SfpBusStruct> sfp_bus;
    /** {@code sfp->mod_phy}: the PHY found inside a copper module. */
    public final Field<PhyDeviceStruct> mod_phy;
    /** {@code sfp->state}: SFP_F_* input bits and output bits. */
    public final Field<Integer> state;
    /** {@code sfp->state_soft_mask}: signals read or driven over A2h instead of GPIOs. */
    public final Field<Integer> state_soft_mask;
    /** {@code sfp->sm_mod_state}. */
    public final Field<Integer> sm_mod_state;
    /** {@code sfp->sm_mod_tries_init}. */
    public final Field<Integer> sm_mod_tries_init;
    /** {@code sfp->sm_mod_tries}. */
    public final Field<Integer> sm_mod_tries;
    /** {@code sfp->sm_dev_state}. */
    public final Field<Integer> sm_dev_state;
    /** {@code sfp->sm_state}. */
    public final Field<Integer> sm_state;
    /** {@code sfp->sm_fault_retries}. */
    public final Field<Integer> sm_fault_retries;
    /** {@code sfp->sm_phy_retries}. */
    public final Field<Integer> sm_phy_retries;
    /** {@code sfp->id}: the module's EEPROM ID, zero when no module has been probed. */
    public final Field<SfpEepromId> id;
    /** {@code sfp->module_power_mW}. */
    public final Field<Integer> module_power_mW;
    /** {@code sfp->module_t_start_up} in ms. */
    public final Field<Integer> module_t_start_up;
    /** {@code sfp->i2c_block_size}: written in sfp_sm_mod_probe, read by every sfp_i2c_read. */
    public final Field<Integer> i2c_block_size;
    /** {@code sfp->rate_kbd} (v6.5: written by sfp_set_signal_rate from phylink, no sfp lock). */
    public final Field<Integer> rate_kbd;
    /** {@code sfp->hwmon_dev}: non-null while the hwmon device is registered. */
    public final Field<String> hwmon_dev;
    /** {@code sfp->hwmon_tries}. */
    public final Field<Integer> hwmon_tries;
    /** {@code sfp->diag}: the A2h threshold/calibration block read by the hwmon probe. */
    public final Field<byte[]> diag;

    SfpStruct(SfpCage.PlatformDevice dev, boolean v65) {
        super("struct sfp");
        this.dev = dev;
        this.cage = dev.cage();
        this.v65 = v65;
        String n = "sfp";
        this.st_mutex = new KernelMutex("sfp->st_mutex");
        this.sm_mutex = new KernelMutex("sfp->sm_mutex");
        this.poll = new DelayedWork("sfp_poll", "sfp_poll", () -> Sfp.sfpPoll(this));
        this.timeout = new DelayedWork("sfp_timeout", "sfp_timeout", () -> Sfp.sfpTimeout(this));
        this.hwmon_probe = new DelayedWork("sfp_hwmon_probe", "sfp_hwmon", () -> Sfp.sfpHwmonProbe(this));
        this.sfp_bus = field(n + "->sfp_bus", null);
        this.mod_phy = field(n + "->mod_phy", null);
        this.state = field(n + "->state", 0);
        this.state_soft_mask = field(n + "->state_soft_mask", 0);
        this.state_hw_mask = field(n + "->state_hw_mask", Sfp.SFP_F_PRESENT);
        this.sm_mod_state = field(n + "->sm_mod_state", Sfp.SFP_MOD_EMPTY);
        this.sm_mod_tries_init = field(n + "->sm_mod_tries_init", 0);
        this.sm_mod_tries = field(n + "->sm_mod_tries", 0);
        this.sm_dev_state = field(n + "->sm_dev_state", Sfp.SFP_DEV_DETACHED);
        this.sm_state = field(n + "->sm_state", Sfp.SFP_S_DOWN);
        this.sm_fault_retries = field(n + "->sm_fault_retries", 0);
        this.sm_phy_retries = field(n + "->sm_phy_retries", 0);
        this.id = field(n + "->id", SfpEepromId.ZERO);
        this.module_power_mW = field(n + "->module_power_mW", 0);
        this.module_t_start_up = field(n + "->module_t_start_up", 0);
        this.i2c_block_size = field(n + "->i2c_block_size", 0);
        this.rate_kbd = field(n + "->rate_kbd", 0);
        this.hwmon_dev = field(n + "->hwmon_dev", null);
        this.hwmon_tries = field(n + "->hwmon_tries", 0);
        this.diag = field(n + "->diag", new byte[0]);
    }

    /** Whether firmware describes GPIO line {@code g} ({@code sfp->gpio[g] != NULL}). */
    public boolean hasGpio(SfpCage.Gpio g) {
        return gpio.getOrDefault(g, Boolean.FALSE);
    }

    /** {@code sfp->need_poll}. */
    public boolean needPoll() {
        return need_poll;
    }

    @Override
    public String toString() {
        return "sfp(" + dev.devName() + ")";
    }
}
