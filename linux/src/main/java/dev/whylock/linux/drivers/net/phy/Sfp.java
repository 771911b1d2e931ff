package dev.whylock.linux.drivers.net.phy;

import dev.whylock.engine.Env;
import dev.whylock.engine.Obj;
import dev.whylock.linux.drivers.base.Device;
import dev.whylock.linux.drivers.base.DeviceDriver;
import dev.whylock.linux.drivers.i2c.I2cAdapter;
import dev.whylock.linux.drivers.i2c.I2cCore;
import dev.whylock.linux.hw.SfpCage;
import dev.whylock.linux.hw.SfpCage.Gpio;
import dev.whylock.linux.hw.SfpModule;
import dev.whylock.linux.kernel.Errno;
import dev.whylock.linux.kernel.Irq;
import dev.whylock.linux.kernel.Kernel;
import dev.whylock.linux.kernel.KernelMutex;
import dev.whylock.linux.kernel.Slab;
import dev.whylock.linux.kernel.Workqueue;
import dev.whylock.linux.net.core.Rtnetlink;
import dev.whylock.linux.net.ethtool.EthtoolModinfo;
import dev.whylock.linux.net.ethtool.EthtoolModuleEeprom;

/**
 * drivers/net/phy/sfp.c: the SFP cage driver. It watches the cage's signals (MOD_DEF0, LOS,
 * TX_FAULT) from threaded IRQs or a poll, runs three state machines (device, module, main) under
 * {@code sfp->sm_mutex}, reads the module EEPROM over I2C, and tells the upstream (phylink) about
 * the module through sfp-bus. Every function is a static method named after the kernel function,
 * in kernel file order; {@code struct sfp} is {@link SfpStruct}.
 */
/*
 * Two models, chosen by Kernel.version() when sfp_alloc runs:
 *   sfp-v5.14  sfp_check_state takes st_mutex -> rtnl -> sm (sm re-taken per event through
 *              sfp_sm_event); sfp_module_tx_enable/disable and sfp_module_tx_fault_reset do their
 *              read-modify-write of sfp->state without st_mutex.
 *   sfp-v6.5   sfp_check_state takes rtnl -> st (released after the state update), then sm once for
 *              all events (__sfp_sm_event); every sfp->state read-modify-write goes through
 *              sfp_mod_state() under st_mutex; soft-poll start/stop take st_mutex; the socket op
 *              set_signal_rate exists and takes st_mutex; module_eeprom checks SFP_F_PRESENT.
 * The state machines themselves are the v5.14 ones in both models (KERNEL-NOTES 3), with these
 * v6.5 differences that touch locking: the mdio-i2c bus is created at init_done and destroyed by
 * the main machine's reset (rtnl + sm, since v6.1), sfp_sm_mod_probe sets state_hw_mask under
 * st_mutex and sfp_get_state masks with it, and REMOVE always runs sfp_sm_mod_remove. Quirks,
 * rollball, rate select parsing and the per-module T_WAIT are not modelled.
 */
public final class Sfp {
    private Sfp() {}

    // ------------------------------------------------------------------ enum { ... } at the top of sfp.c

    public static final int SFP_F_PRESENT = 1 << 0;
    public static final int SFP_F_LOS = 1 << 1;
    public static final int SFP_F_TX_FAULT = 1 << 2;
    public static final int SFP_F_TX_DISABLE = 1 << 3;
    public static final int SFP_F_RATE_SELECT = 1 << 4;

    public static final int SFP_E_INSERT = 0;
    public static final int SFP_E_REMOVE = 1;
    public static final int SFP_E_DEV_ATTACH = 2;
    public static final int SFP_E_DEV_DETACH = 3;
    public static final int SFP_E_DEV_DOWN = 4;
    public static final int SFP_E_DEV_UP = 5;
    public static final int SFP_E_TX_FAULT = 6;
    public static final int SFP_E_TX_CLEAR = 7;
    public static final int SFP_E_LOS_HIGH = 8;
    public static final int SFP_E_LOS_LOW = 9;
    public static final int SFP_E_TIMEOUT = 10;

    public static final int SFP_MOD_EMPTY = 0;
    public static final int SFP_MOD_ERROR = 1;
    public static final int SFP_MOD_PROBE = 2;
    public static final int SFP_MOD_WAITDEV = 3;
    public static final int SFP_MOD_HPOWER = 4;
    public static final int SFP_MOD_WAITPWR = 5;
    public static final int SFP_MOD_PRESENT = 6;

    public static final int SFP_DEV_DETACHED = 0;
    public static final int SFP_DEV_DOWN = 1;
    public static final int SFP_DEV_UP = 2;

    public static final int SFP_S_DOWN = 0;
    public static final int SFP_S_FAIL = 1;
    public static final int SFP_S_WAIT = 2;
    public static final int SFP_S_INIT = 3;
    public static final int SFP_S_INIT_PHY = 4;
    public static final int SFP_S_INIT_TX_FAULT = 5;
    public static final int SFP_S_WAIT_LOS = 6;
    public static final int SFP_S_LINK_UP = 7;
    public static final int SFP_S_TX_FAULT = 8;
    public static final int SFP_S_REINIT = 9;
    public static final int SFP_S_TX_DISABLE = 10;

    private static final String[] MOD_STATE_STRINGS = {
        "empty", "error", "probe", "waitdev", "hpower", "waitpwr", "present"};
    private static final String[] DEV_STATE_STRINGS = {"detached", "down", "up"};
    private static final String[] EVENT_STRINGS = {
        "insert", "remove", "dev_attach", "dev_detach", "dev_down", "dev_up",
        "tx_fault", "tx_clear", "los_high", "los_low", "timeout"};
    private static final String[] SM_STATE_STRINGS = {
        "down", "fail", "wait", "init", "init_phy", "init_tx_fault", "wait_los", "link_up",
        "tx_fault", "reinit", "tx_disable"};

    /*
     * Timers and retry counts. The kernel defines each time as msecs_to_jiffies(N) near the top of
     * drivers/net/phy/sfp.c; the model keeps N in milliseconds, which is what the timed mode
     * (--timing timed) waits in virtual time. The values are v5.14's, as the model was written; for
     * issue 13 each was compared with two newer sfp.c trees available here (torvalds/linux 02eaf5a7
     * and f4bf4678, the newest, a v6.7-era tree): all are unchanged. Where each
     * one is armed is said per constant; docs/timed.md lists them with the kernel functions.
     */
    /** T_WAIT, msecs_to_jiffies(50): sfp_sm_main DOWN -> WAIT, before TX_FAULT is looked at (module_t_wait). */
    public static final int T_WAIT = 50;
    /** T_START_UP, msecs_to_jiffies(300): t_start_up of SFF-8431 (module_t_start_up), the WAIT -> INIT and fault-reset waits. */
    public static final int T_START_UP = 300;
    /** T_START_UP_BAD_GPON, msecs_to_jiffies(60000): sfp_fixup_long_startup's start-up time for slow GPON modules. */
    public static final int T_START_UP_BAD_GPON = 60_000;
    /** T_RESET_US, 10 (microseconds, a udelay in sfp_module_tx_fault_reset): far below a virtual millisecond, so it takes no time. */
    public static final int T_RESET_US = 10;
    /** T_FAULT_RECOVER, msecs_to_jiffies(1000): sfp_sm_fault waits this long before a TX_FAULT recovery attempt. */
    public static final int T_FAULT_RECOVER = 1000;
    /** N_FAULT_INIT, 5: TX_FAULT recovery attempts at initialisation. */
    public static final int N_FAULT_INIT = 5;
    /** N_FAULT, 5: TX_FAULT recovery attempts once the module has initialised. */
    public static final int N_FAULT = 5;
    /** T_PHY_RETRY, msecs_to_jiffies(50): the interval between module PHY probes (SFP_S_INIT_PHY). */
    public static final int T_PHY_RETRY = 50;
    /** R_PHY_RETRY, 12: module PHY probe attempts. */
    public static final int R_PHY_RETRY = 12;
    /** T_SERIAL, msecs_to_jiffies(300): SFF-8472 t_serial; sfp_sm_module arms it on INSERT (EMPTY -> PROBE) before reading the EEPROM. */
    public static final int T_SERIAL = 300;
    /** T_HPOWER_LEVEL, msecs_to_jiffies(300): after selecting high power, sfp_sm_module waits this long (WAITPWR). */
    public static final int T_HPOWER_LEVEL = 300;
    /** T_PROBE_RETRY_INIT, msecs_to_jiffies(100): EEPROM probe retry while the module is new (and a high-power retry). */
    public static final int T_PROBE_RETRY_INIT = 100;
    /** R_PROBE_RETRY_INIT, 10: fast EEPROM probe attempts. */
    public static final int R_PROBE_RETRY_INIT = 10;
    /** T_PROBE_RETRY_SLOW, msecs_to_jiffies(5000): slow EEPROM probe retry, and sfp_hwmon_probe's retry of the A2h read. */
    public static final int T_PROBE_RETRY_SLOW = 5000;
    /** R_PROBE_RETRY_SLOW, 12: slow EEPROM probe attempts, and hwmon probe attempts (hwmon_tries). */
    public static final int R_PROBE_RETRY_SLOW = 12;
    /** poll_jiffies = msecs_to_jiffies(100), set in sfp_init: the GPIO/soft-state poll interval (sfp_poll). */
    public static final int POLL_INTERVAL = 100;
    /** SFP_PHY_ADDR: the module PHY's MDIO address (I2C 0x56 on mdio-i2c). */
    public static final int SFP_PHY_ADDR = 22;

    /** ETH_MODULE_SFF_8079 / _8472 and their lengths (include/uapi/linux/ethtool.h). */
    public static final int ETH_MODULE_SFF_8079 = 0x1;
    public static final int ETH_MODULE_SFF_8079_LEN = 256;
    public static final int ETH_MODULE_SFF_8472 = 0x2;
    public static final int ETH_MODULE_SFF_8472_LEN = 512;

    /** Size of {@code struct sfp_diag} (A2h bytes 0..91: thresholds and calibration). */
    static final int SFP_DIAG_LEN = 92;

    /**
     * Kernel: drivers/net/phy/sfp.c mod_state_to_str() (v5.14)
     * <p>Context: any; pure
     */
    public static String modStateToStr(int s) {
        return s >= 0 && s < MOD_STATE_STRINGS.length ? MOD_STATE_STRINGS[s] : "Unknown module state";
    }

    /**
     * Kernel: drivers/net/phy/sfp.c dev_state_to_str() (v5.14)
     * <p>Context: any; pure
     */
    public static String devStateToStr(int s) {
        return s >= 0 && s < DEV_STATE_STRINGS.length ? DEV_STATE_STRINGS[s] : "Unknown device state";
    }

    /**
     * Kernel: drivers/net/phy/sfp.c event_to_str() (v5.14)
     * <p>Context: any; pure
     */
    public static String eventToStr(int e) {
        return e >= 0 && e < EVENT_STRINGS.length ? EVENT_STRINGS[e] : "Unknown event";
    }

    /**
     * Kernel: drivers/net/phy/sfp.c sm_state_to_str() (v5.14)
     * <p>Context: any; pure
     */
    public static String smStateToStr(int s) {
        return s >= 0 && s < SM_STATE_STRINGS.length ? SM_STATE_STRINGS[s] : "Unknown state";
    }

    // ------------------------------------------------------------------ GPIO and I2C access

    /**
     * Reads the input lines firmware describes into SFP_F_* bits.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_gpio_get_state() (v5.14)
     * <p>Context: v5.14 st_mutex held by sfp_check_state (or probe); v6.5 the same
     * <p>Model: a GPIO read is a visible read of the cage's line level.
     */
    static int sfpGpioGetState(SfpStruct sfp) {
        int state = 0;
        for (Gpio g : Gpio.values()) {
            if (!g.input() || !sfp.hasGpio(g)) {
                continue;
            }
            if (sfp.cage.gpiodGetValueCansleep(g, "sfp_gpio_get_state")) {
                state |= 1 << g.ordinal();
            }
        }
        return state;
    }

    /**
     * A soldered-down SFF module is always present.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sff_gpio_get_state() (v5.14)
     * <p>Context: as sfp_gpio_get_state()
     */
    static int sffGpioGetState(SfpStruct sfp) {
        return sfpGpioGetState(sfp) | SFP_F_PRESENT;
    }

    /**
     * Drives TX_DISABLE while a module is present; lets it float to the pull-up otherwise.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_gpio_set_state() (v5.14)
     * <p>Context: v5.14 no lock of its own (callers: sm + rtnl, or probe); v6.5 st_mutex held
     * <p>Model: RATE_SELECT is not wired in the model's cages.
     */
    static void sfpGpioSetState(SfpStruct sfp, int state) {
        if (!sfp.hasGpio(Gpio.TX_DISABLE)) {
            return;
        }
        if ((state & SFP_F_PRESENT) != 0) {
            sfp.cage.gpiodDirectionOutput(Gpio.TX_DISABLE, (state & SFP_F_TX_DISABLE) != 0, "sfp_gpio_set_state");
        } else {
            sfp.cage.gpiodDirectionInput(Gpio.TX_DISABLE, "sfp_gpio_set_state");
        }
    }

    /** One i2c_transfer() of {@code msgs} messages to {@code busAddr}; returns msgs or a negative errno. */
    private static int i2cTransfer(SfpStruct sfp, int busAddr, boolean write, int devAddr, byte[] buf, int off,
            int len, int msgs) {
        I2cCore.i2cTransfer(sfp.i2c, msgs, 1 + len); // the register offset, then the data
        // The model's I2C core has no client devices: the bytes move right after the bus-locked
        // transfer, at the visible read that finds which module (if any) answers on the bus now.
        SfpModule m = sfp.cage.i2cDevice("i2c_transfer");
        if (m == null || !m.ack(busAddr)) {
            return -Errno.EIO; // no ACK: -ENXIO/-EREMOTEIO from the adapter
        }
        boolean a2 = busAddr == 0x51;
        int n = write ? m.write(a2, devAddr, buf, off, len) : m.read(a2, devAddr, buf, off, len);
        return n < 0 ? -Errno.EIO : msgs;
    }

    /**
     * Reads {@code len} bytes at {@code devAddr} of A0h (0x50) or A2h (0x51), in chunks of
     * {@code sfp->i2c_block_size}; returns the bytes read or a negative errno.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_i2c_read() (v5.14)
     * <p>Context: takes i2c_adapter_lock per chunk (i2c_transfer); may sleep; no sfp lock of its own
     * <p>Model: v5.14 leaves i2c_block_size 0 until the first module probe, which would make this
     * loop forever; the model reads in one chunk then, as later kernels (which initialise it) do.
     */
    static int sfpI2cRead(SfpStruct sfp, boolean a2, int devAddr, byte[] buf, int off, int len) {
        int busAddr = a2 ? 0x51 : 0x50;
        int blockSize = sfp.i2c_block_size.get("sfp_i2c_read");
        if (blockSize <= 0) {
            blockSize = len;
        }
        int done = 0;
        while (len > 0) {
            int thisLen = Math.min(len, blockSize);
            int ret = i2cTransfer(sfp, busAddr, false, devAddr, buf, off + done, thisLen, 2);
            if (ret < 0) {
                return ret;
            }
            if (ret != 2) {
                break;
            }
            done += thisLen;
            devAddr += thisLen;
            len -= thisLen;
        }
        return done;
    }

    /**
     * Writes {@code len} bytes at {@code devAddr} in one transfer; returns len, 0 or a negative errno.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_i2c_write() (v5.14)
     * <p>Context: takes i2c_adapter_lock (i2c_transfer); may sleep
     */
    static int sfpI2cWrite(SfpStruct sfp, boolean a2, int devAddr, byte[] buf, int off, int len) {
        int ret = i2cTransfer(sfp, a2 ? 0x51 : 0x50, true, devAddr, buf, off, len, 1);
        if (ret < 0) {
            return ret;
        }
        return ret == 1 ? len : 0;
    }

    /**
     * Binds the driver to its I2C adapter; v5.14 also allocates and registers the mdio-i2c bus here.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_i2c_configure() (v5.14)
     * <p>Context: sfp_probe (device_lock)
     */
    static int sfpI2cConfigure(SfpStruct sfp, I2cAdapter i2c) {
        sfp.i2c = i2c;
        if (!sfp.v65) {
            // mdio_i2c_alloc() + mdiobus_register(): the bus is created at probe in v5.14 (v6.1+: at init_done).
            sfp.i2c_mii = new MiiBus(sfp.dev.devName() + "-mii", i2c);
        }
        return 0;
    }

    /**
     * Creates and registers the module's mdio-i2c bus.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_i2c_mdiobus_create() (v6.5)
     * <p>Context: state machine (rtnl + sm), from sfp_sm_add_mdio_bus at init_done
     * <p>Model: mdiobus_register's device_register of the bus's class device takes driver-core and
     * sysfs locks the model does not track; the bus only gets its mdio_lock here.
     */
    static int sfpI2cMdiobusCreate(SfpStruct sfp) {
        sfp.i2c_mii = new MiiBus(sfp.dev.devName() + "-mii", sfp.i2c);
        return 0;
    }

    /**
     * Unregisters and frees the module's mdio-i2c bus.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_i2c_mdiobus_destroy() (v6.5)
     * <p>Context: state machine (rtnl + sm), from the main machine's reset after the PHY is gone
     */
    static void sfpI2cMdiobusDestroy(SfpStruct sfp) {
        MiiBus mii = sfp.i2c_mii;
        sfp.i2c_mii = null;
        Slab.kfree(mii, "sfp_i2c_mdiobus_destroy"); // mdiobus_unregister + mdiobus_free
    }

    /**
     * Creates the mdio-i2c bus when the module may carry a PHY (sfp->mdio_protocol != MDIO_I2C_NONE).
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_sm_add_mdio_bus() (v6.5)
     * <p>Context: state machine (rtnl + sm)
     */
    static int sfpSmAddMdioBus(SfpStruct sfp) {
        SfpEepromId id = sfp.id.get("sfp_sm_add_mdio_bus");
        if (id.e1000BaseT() || sfpProtocolIsC45(id)) {
            return sfpI2cMdiobusCreate(sfp);
        }
        return 0;
    }

    /** The 10G/5G/2.5GBASE-T extended compliance codes, which make sfp->mdio_protocol MDIO_I2C_C45. */
    private static boolean sfpProtocolIsC45(SfpEepromId id) {
        return switch (id.extendedCc()) {
            case SfpEepromId.SFF8024_ECC_10GBASE_T_SFI, SfpEepromId.SFF8024_ECC_10GBASE_T_SR,
                    SfpEepromId.SFF8024_ECC_5GBASE_T, SfpEepromId.SFF8024_ECC_2_5GBASE_T -> true;
            default -> false;
        };
    }

    /**
     * Kernel: drivers/net/phy/sfp.c sfp_read() (v5.14)
     * <p>Context: as sfp_i2c_read()
     */
    static int sfpRead(SfpStruct sfp, boolean a2, int addr, byte[] buf, int off, int len) {
        return sfpI2cRead(sfp, a2, addr, buf, off, len);
    }

    /**
     * Kernel: drivers/net/phy/sfp.c sfp_write() (v5.14)
     * <p>Context: as sfp_i2c_write()
     */
    static int sfpWrite(SfpStruct sfp, boolean a2, int addr, byte[] buf, int off, int len) {
        return sfpI2cWrite(sfp, a2, addr, buf, off, len);
    }

    // ------------------------------------------------------------------ soft state (A2h status byte)

    /**
     * Reads LOS and TX_FAULT from the A2h status byte for the signals without a GPIO.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_soft_get_state() (v5.14)
     * <p>Context: st_mutex held (sfp_get_state from sfp_check_state); takes i2c_adapter_lock
     */
    static int sfpSoftGetState(SfpStruct sfp) {
        int state = 0;
        byte[] status = new byte[1];
        int ret = sfpRead(sfp, true, SfpEepromId.SFP_STATUS, status, 0, 1);
        if (ret == 1) {
            if ((status[0] & SfpEepromId.SFP_STATUS_RX_LOS) != 0) {
                state |= SFP_F_LOS;
            }
            if ((status[0] & SfpEepromId.SFP_STATUS_TX_FAULT) != 0) {
                state |= SFP_F_TX_FAULT;
            }
        } else {
            // "failed to read SFP soft status": preserve the current state.
            state = sfp.state.get("sfp_soft_get_state");
        }
        return state & sfp.state_soft_mask.get("sfp_soft_get_state");
    }

    /**
     * Drives TX_DISABLE through the A2h soft control bit (read-modify-write over I2C).
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_soft_set_state() (v5.14)
     * <p>Context: as sfp_set_state(); takes i2c_adapter_lock twice
     */
    static void sfpSoftSetState(SfpStruct sfp, int state) {
        byte[] status = new byte[1];
        if (sfpRead(sfp, true, SfpEepromId.SFP_STATUS, status, 0, 1) == 1) {
            if ((state & SFP_F_TX_DISABLE) != 0) {
                status[0] |= (byte) SfpEepromId.SFP_STATUS_TX_DISABLE_FORCE;
            } else {
                status[0] &= (byte) ~SfpEepromId.SFP_STATUS_TX_DISABLE_FORCE;
            }
            sfpWrite(sfp, true, SfpEepromId.SFP_STATUS, status, 0, 1);
        }
    }

    /**
     * Starts polling the soft signals the module offers and the cage does not wire.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_soft_start_poll() (v5.14)
     * <p>Context: v5.14 sm + rtnl held (sfp_sm_main), st_mutex not held; v6.5 takes sfp->st_mutex
     */
    static void sfpSoftStartPoll(SfpStruct sfp) {
        SfpEepromId id = sfp.id.get("sfp_soft_start_poll");
        int mask = 0;
        if ((id.enhopts() & SfpEepromId.SFP_ENHOPTS_SOFT_TX_DISABLE) != 0 && !sfp.hasGpio(Gpio.TX_DISABLE)) {
            mask |= SFP_F_TX_DISABLE;
        }
        if ((id.enhopts() & SfpEepromId.SFP_ENHOPTS_SOFT_TX_FAULT) != 0 && !sfp.hasGpio(Gpio.TX_FAULT)) {
            mask |= SFP_F_TX_FAULT;
        }
        if ((id.enhopts() & SfpEepromId.SFP_ENHOPTS_SOFT_RX_LOS) != 0 && !sfp.hasGpio(Gpio.LOS)) {
            mask |= SFP_F_LOS;
        }
        if (sfp.v65) {
            sfp.st_mutex.lock("sfp_soft_start_poll");
        } else {
            sfp.state_soft_mask.set(0, "sfp_soft_start_poll"); // v5.14 clears, then ORs bit by bit
        }
        sfp.state_soft_mask.set(mask, "sfp_soft_start_poll");
        if ((mask & (SFP_F_LOS | SFP_F_TX_FAULT)) != 0 && !sfp.need_poll) {
            Workqueue.modDelayedWork(sfp.poll, POLL_INTERVAL, "sfp_soft_start_poll");
        }
        if (sfp.v65) {
            sfp.st_mutex.unlock("sfp_soft_start_poll");
        }
    }

    /**
     * Kernel: drivers/net/phy/sfp.c sfp_soft_stop_poll() (v5.14)
     * <p>Context: v5.14 sm + rtnl held, no st_mutex; v6.5 takes sfp->st_mutex
     */
    static void sfpSoftStopPoll(SfpStruct sfp) {
        if (sfp.v65) {
            sfp.st_mutex.lock("sfp_soft_stop_poll");
        }
        sfp.state_soft_mask.set(0, "sfp_soft_stop_poll");
        if (sfp.v65) {
            sfp.st_mutex.unlock("sfp_soft_stop_poll");
        }
    }

    /**
     * The current input signals: GPIOs, plus the soft ones while a module is present.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_get_state() (v5.14)
     * <p>Context: st_mutex held (sfp_check_state) or probe
     */
    static int sfpGetState(SfpStruct sfp) {
        int state = sfp.always_present ? sffGpioGetState(sfp) : sfpGpioGetState(sfp);
        if (sfp.v65) {
            state &= sfp.state_hw_mask.get("sfp_get_state");
        }
        if ((state & SFP_F_PRESENT) != 0
                && (sfp.state_soft_mask.get("sfp_get_state") & (SFP_F_LOS | SFP_F_TX_FAULT)) != 0) {
            state |= sfpSoftGetState(sfp);
        }
        return state;
    }

    /**
     * Drives the output signals (GPIO, and the soft TX_DISABLE bit when the cage lacks the line).
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_set_state() (v5.14)
     * <p>Context: v5.14 the caller's (sm + rtnl, or probe), st_mutex not required; v6.5 st_mutex held
     */
    static void sfpSetState(SfpStruct sfp, int state) {
        sfpGpioSetState(sfp, state);
        if ((state & SFP_F_PRESENT) != 0
                && (sfp.state_soft_mask.get("sfp_set_state") & SFP_F_TX_DISABLE) != 0) {
            sfpSoftSetState(sfp, state);
        }
    }

    /**
     * Read-modify-write of {@code sfp->state} output bits under st_mutex, then drive them.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_mod_state() (v6.5)
     * <p>Context: takes sfp->st_mutex (innermost: rtnl, sm and phylink's state_mutex may be held)
     */
    static void sfpModState(SfpStruct sfp, int mask, int set) {
        sfp.st_mutex.lock("sfp_mod_state");
        int state = (sfp.state.get("sfp_mod_state") & ~mask) | set;
        sfp.state.set(state, "sfp_mod_state");
        sfpSetState(sfp, state);
        sfp.st_mutex.unlock("sfp_mod_state");
    }

    // ------------------------------------------------------------------ hwmon

    /**
     * A sysfs read of the module temperature ({@code temp1_input}): reads A2h over I2C with no sfp
     * lock and calibrates with {@code sfp->id}. Returns the value or a negative errno.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_hwmon_read() (v5.14), via sfp_hwmon_temp() and
     * sfp_hwmon_read_sensor()
     * <p>Context: hwmon sysfs read: no sfp lock; holds the attribute's kernfs active reference
     * (lock class {@code kn->active}, drained by hwmon_device_unregister); takes i2c_adapter_lock
     * <p>Model: only the temperature input is modelled; the reader checks the device still exists;
     * two readers exclude each other (the kernel's active reference is shared).
     */
    public static long sfpHwmonRead(SfpStruct sfp) {
        KernelMutex active = kernfsActive(sfp);
        active.lock("kernfs_fop_read_iter");
        try {
            if (sfp.hwmon_dev.get("sfp_hwmon_read") == null) {
                return -Errno.ENODEV; // the attribute is gone
            }
            byte[] val = new byte[2];
            int err = sfpRead(sfp, true, SfpEepromId.SFP_TEMP, val, 0, 2);
            if (err < 0) {
                return err;
            }
            long value = ((val[0] & 0xff) << 8) | (val[1] & 0xff);
            // sfp_hwmon_calibrate_temp(): externally calibrated modules scale by sfp->diag's T_Slope
            // (A2h 84) and T_Offset (A2h 86); whether to is read from sfp->id without a lock.
            if ((sfp.id.get("sfp_hwmon_read").diagmon() & SfpEepromId.SFP_DIAGMON_EXT_CAL) != 0) {
                byte[] d = sfp.diag.get("sfp_hwmon_read");
                if (d.length >= 88) {
                    int slope = ((d[84] & 0xff) << 8) | (d[85] & 0xff);
                    int offset = (short) (((d[86] & 0xff) << 8) | (d[87] & 0xff));
                    value = Math.round(value * slope / 256.0) + offset;
                }
            }
            if (value >= 0x8000) {
                value -= 0x10000;
            }
            return Math.round(value * 1000.0 / 256);
        } finally {
            active.unlock("kernfs_fop_read_iter");
        }
    }

    /** The hwmon attribute's kernfs active reference, as lockdep models it. */
    private static KernelMutex kernfsActive(SfpStruct sfp) {
        return Kernel.get().global("kn->active:" + sfp.objId(), () -> new KernelMutex("kn->active"));
    }

    /**
     * Reads the A2h diagnostics block and registers the hwmon device; retries every 5 s on error.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_hwmon_probe() (v5.14)
     * <p>Context: delayed work on system_wq (background context sfp_hwmon); no sfp lock; takes
     * i2c_adapter_lock
     */
    static void sfpHwmonProbe(SfpStruct sfp) {
        if (sfp.i2c_block_size.get("sfp_hwmon_probe") < 2) {
            return; // "skipping hwmon device registration due to broken EEPROM"
        }
        byte[] diag = new byte[SFP_DIAG_LEN];
        int err = sfpRead(sfp, true, 0, diag, 0, SFP_DIAG_LEN);
        if (err < 0) {
            int tries = sfp.hwmon_tries.get("sfp_hwmon_probe");
            sfp.hwmon_tries.set(tries - 1, "sfp_hwmon_probe");
            if (tries != 0) {
                Workqueue.modDelayedWork(sfp.hwmon_probe, T_PROBE_RETRY_SLOW, "sfp_hwmon_probe");
            }
            return;
        }
        sfp.diag.set(diag, "sfp_hwmon_probe");
        // hwmon_device_register_with_info(): the sysfs attributes appear.
        sfp.hwmon_dev.set("hwmon(" + sfp.dev.devName() + ")", "sfp_hwmon_probe");
    }

    /**
     * Schedules the hwmon probe for a module with digital diagnostics.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_hwmon_insert() (v5.14)
     * <p>Context: state machine (rtnl + sm)
     */
    static int sfpHwmonInsert(SfpStruct sfp) {
        SfpEepromId id = sfp.id.get("sfp_hwmon_insert");
        if (id.sff8472Compliance() == SfpEepromId.SFP_SFF8472_COMPLIANCE_NONE) {
            return 0;
        }
        if ((id.diagmon() & SfpEepromId.SFP_DIAGMON_DDM) == 0) {
            return 0;
        }
        if ((id.diagmon() & SfpEepromId.SFP_DIAGMON_ADDRMODE) != 0) {
            return 0;
        }
        // The kernel queues the work before setting hwmon_tries; the model keeps that order.
        Workqueue.modDelayedWork(sfp.hwmon_probe, 1, "sfp_hwmon_insert");
        sfp.hwmon_tries.set(R_PROBE_RETRY_SLOW, "sfp_hwmon_insert");
        return 0;
    }

    /**
     * Cancels the hwmon probe (waiting for it) and unregisters the hwmon device.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_hwmon_remove() (v5.14)
     * <p>Context: state machine (rtnl + sm); waits for sfp_hwmon_probe and for hwmon readers
     */
    static void sfpHwmonRemove(SfpStruct sfp) {
        Workqueue.cancelDelayedWorkSync(sfp.hwmon_probe, "sfp_hwmon_remove");
        if (sfp.hwmon_dev.get("sfp_hwmon_remove") != null) {
            // hwmon_device_unregister(): removing the attributes drains active readers.
            KernelMutex active = kernfsActive(sfp);
            active.lock("hwmon_device_unregister");
            active.unlock("hwmon_device_unregister");
            sfp.hwmon_dev.set(null, "sfp_hwmon_remove");
        }
    }

    /**
     * Kernel: drivers/net/phy/sfp.c sfp_hwmon_init() (v5.14): INIT_DELAYED_WORK(hwmon_probe).
     * <p>Context: sfp_alloc
     * <p>Model: the work item is created with {@link SfpStruct}.
     */
    static int sfpHwmonInit(SfpStruct sfp) {
        return 0;
    }

    /**
     * Kernel: drivers/net/phy/sfp.c sfp_hwmon_exit() (v5.14)
     * <p>Context: sfp_cleanup; waits for sfp_hwmon_probe
     */
    static void sfpHwmonExit(SfpStruct sfp) {
        Workqueue.cancelDelayedWorkSync(sfp.hwmon_probe, "sfp_hwmon_exit");
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Asserts TX_DISABLE.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_module_tx_disable() (v5.14)
     * <p>Context: v5.14 sm + rtnl (or probe); read-modify-write of sfp->state WITHOUT st_mutex;
     * v6.5 through sfp_mod_state() (takes sfp->st_mutex)
     */
    static void sfpModuleTxDisable(SfpStruct sfp) {
        if (sfp.v65) {
            sfpModState(sfp, SFP_F_TX_DISABLE, SFP_F_TX_DISABLE);
            return;
        }
        int state = sfp.state.get("sfp_module_tx_disable");
        sfp.state.set(state | SFP_F_TX_DISABLE, "sfp_module_tx_disable");
        sfpSetState(sfp, sfp.state.get("sfp_module_tx_disable"));
    }

    /**
     * Deasserts TX_DISABLE.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_module_tx_enable() (v5.14)
     * <p>Context: v5.14 sm + rtnl; read-modify-write of sfp->state WITHOUT st_mutex; v6.5 through
     * sfp_mod_state() (takes sfp->st_mutex)
     */
    static void sfpModuleTxEnable(SfpStruct sfp) {
        if (sfp.v65) {
            sfpModState(sfp, SFP_F_TX_DISABLE, 0);
            return;
        }
        int state = sfp.state.get("sfp_module_tx_enable");
        sfp.state.set(state & ~SFP_F_TX_DISABLE, "sfp_module_tx_enable");
        sfpSetState(sfp, sfp.state.get("sfp_module_tx_enable"));
    }

    /**
     * Pulses TX_DISABLE for T_RESET_US to clear a transmit fault.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_module_tx_fault_reset() (v5.14)
     * <p>Context: v5.14 sm + rtnl, reads sfp->state without st_mutex; v6.5 takes sfp->st_mutex
     * <p>Model: udelay(T_RESET_US) is a busy wait: no scheduling point.
     */
    static void sfpModuleTxFaultReset(SfpStruct sfp) {
        if (sfp.v65) {
            sfp.st_mutex.lock("sfp_module_tx_fault_reset");
        }
        int state = sfp.state.get("sfp_module_tx_fault_reset");
        if ((state & SFP_F_TX_DISABLE) == 0) {
            sfpSetState(sfp, state | SFP_F_TX_DISABLE);
            sfpSetState(sfp, state);
        }
        if (sfp.v65) {
            sfp.st_mutex.unlock("sfp_module_tx_fault_reset");
        }
    }

    // ------------------------------------------------------------------ state machine helpers

    /**
     * Arms the shared state-machine timer, or cancels it for a timeout of 0.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_sm_set_timer() (v5.14)
     * <p>Context: sm held
     */
    static void sfpSmSetTimer(SfpStruct sfp, int timeout) {
        if (timeout != 0) {
            Workqueue.modDelayedWork(sfp.timeout, timeout, "sfp_sm_set_timer");
        } else {
            Workqueue.cancelDelayedWork(sfp.timeout, "sfp_sm_set_timer");
        }
    }

    /**
     * Kernel: drivers/net/phy/sfp.c sfp_sm_next() (v5.14)
     * <p>Context: sm held
     */
    static void sfpSmNext(SfpStruct sfp, int state, int timeout) {
        sfp.sm_state.set(state, "sfp_sm_next");
        sfpSmSetTimer(sfp, timeout);
    }

    /**
     * Kernel: drivers/net/phy/sfp.c sfp_sm_mod_next() (v5.14)
     * <p>Context: sm held
     */
    static void sfpSmModNext(SfpStruct sfp, int state, int timeout) {
        sfp.sm_mod_state.set(state, "sfp_sm_mod_next");
        sfpSmSetTimer(sfp, timeout);
    }

    /**
     * Reads {@code sfp->sfp_bus} for a call into sfp-bus.c that dereferences it at once
     * (sfp_get_upstream_ops() reads {@code bus->registered}): NULL is a NULL-pointer dereference and
     * a freed bus a use-after-free, reported at the call.
     *
     * <p>Kernel: the {@code sfp->sfp_bus} argument of sfp_link_up() and friends in drivers/net/phy/sfp.c (v5.14)
     * <p>Context: state machine (rtnl + sm); {@code sfp->sfp_bus} itself is written without a lock in sfp_probe
     */
    private static SfpBusStruct sfpBusOf(SfpStruct sfp, String site) {
        return Env.current().deref(sfp.sfp_bus.get(site), "sfp->sfp_bus");
    }

    /**
     * Disconnects the module PHY from the upstream and destroys it.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_sm_phy_detach() (v5.14)
     * <p>Context: state machine (rtnl + sm); sfp_remove_phy -> phylink_disconnect_phy (ASSERT_RTNL,
     * phydev->lock -> pl->state_mutex, flush_work); phy_device_remove takes device_lock
     */
    static void sfpSmPhyDetach(SfpStruct sfp) {
        SfpBus.sfpRemovePhy(sfpBusOf(sfp, "sfp_sm_phy_detach"));
        PhyDeviceStruct phy = sfp.mod_phy.get("sfp_sm_phy_detach");
        PhyDevice.phyDeviceRemove(phy);
        PhyDevice.phyDeviceFree(phy);
        sfp.mod_phy.set(null, "sfp_sm_phy_detach");
    }

    /**
     * Looks for a PHY at SFP_PHY_ADDR over mdio-i2c, registers it and hands it to the upstream.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_sm_probe_phy() (v5.14)
     * <p>Context: state machine (rtnl + sm); MDIO reads over I2C take i2c_adapter_lock;
     * phy_device_register takes device_lock (PHY driver probe); sfp_add_phy -> connect_phy
     * (phydev->lock -> pl->state_mutex)
     * <p>Model: get_phy_device()'s ID register reads are one I2C transfer to the PHY's address.
     */
    static int sfpSmProbePhy(SfpStruct sfp, boolean isC45) {
        SfpBusStruct bus = sfp.sfp_bus.get("sfp_sm_probe_phy");
        if (!SfpBus.sfpMayHavePhy(bus, sfp.id.get("sfp_sm_probe_phy"))) {
            return 0;
        }
        MiiBus mii = sfp.i2c_mii;
        // get_phy_device() reads MII_PHYSID1/2 over mdio-i2c: one mdiobus_read, one I2C transfer.
        MdioBus.mdiobusRead(mii, SFP_PHY_ADDR, MdioBus.MII_PHYSID1);
        SfpModule m = sfp.cage.i2cDevice("i2c_transfer");
        mii.setPhyType(m != null && m.ack(SfpModule.PHY_I2C_ADDR) ? m.type() : null);
        PhyDeviceStruct phy = PhyDevice.getPhyDevice(mii, SFP_PHY_ADDR, isC45);
        if (phy == null) {
            return -Errno.ENODEV; // ERR_PTR(-ENODEV): no PHY answered
        }
        int err = PhyDevice.phyDeviceRegister(phy);
        if (err != 0) {
            PhyDevice.phyDeviceFree(phy);
            return err;
        }
        err = SfpBus.sfpAddPhy(Env.current().deref(bus, "sfp->sfp_bus"), phy);
        if (err != 0) {
            PhyDevice.phyDeviceRemove(phy);
            PhyDevice.phyDeviceFree(phy);
            return err;
        }
        sfp.mod_phy.set(phy, "sfp_sm_probe_phy");
        return 0;
    }

    /**
     * Kernel: drivers/net/phy/sfp.c sfp_sm_link_up() (v5.14)
     * <p>Context: state machine (rtnl + sm); upstream link_up (phylink: ASSERT_RTNL)
     */
    static void sfpSmLinkUp(SfpStruct sfp) {
        SfpBus.sfpLinkUp(sfpBusOf(sfp, "sfp_sm_link_up"));
        sfpSmNext(sfp, SFP_S_LINK_UP, 0);
    }

    /**
     * Kernel: drivers/net/phy/sfp.c sfp_sm_link_down() (v5.14)
     * <p>Context: state machine (rtnl + sm); upstream link_down (phylink: ASSERT_RTNL, may flush_work)
     */
    static void sfpSmLinkDown(SfpStruct sfp) {
        SfpBus.sfpLinkDown(sfpBusOf(sfp, "sfp_sm_link_down"));
    }

    /** The LOS polarity from id.ext.options: +1 normal, -1 inverted, 0 none (or both). */
    private static int losOptions(SfpEepromId id) {
        int o = id.options() & (SfpEepromId.SFP_OPTIONS_LOS_INVERTED | SfpEepromId.SFP_OPTIONS_LOS_NORMAL);
        return o == SfpEepromId.SFP_OPTIONS_LOS_NORMAL ? 1 : o == SfpEepromId.SFP_OPTIONS_LOS_INVERTED ? -1 : 0;
    }

    /**
     * Goes to WAIT_LOS if the module reports loss of signal, else brings the link up.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_sm_link_check_los() (v5.14)
     * <p>Context: state machine (rtnl + sm); reads sfp->state without st_mutex (input bits)
     */
    static void sfpSmLinkCheckLos(SfpStruct sfp) {
        int los = losOptions(sfp.id.get("sfp_sm_link_check_los"));
        boolean active = false;
        if (los != 0) {
            boolean high = (sfp.state.get("sfp_sm_link_check_los") & SFP_F_LOS) != 0;
            active = los > 0 ? high : !high;
        }
        if (active) {
            sfpSmNext(sfp, SFP_S_WAIT_LOS, 0);
        } else {
            sfpSmLinkUp(sfp);
        }
    }

    /**
     * Kernel: drivers/net/phy/sfp.c sfp_los_event_active() (v5.14)
     * <p>Context: sm held
     */
    static boolean sfpLosEventActive(SfpStruct sfp, int event) {
        int los = losOptions(sfp.id.get("sfp_los_event_active"));
        return (los < 0 && event == SFP_E_LOS_LOW) || (los > 0 && event == SFP_E_LOS_HIGH);
    }

    /**
     * Kernel: drivers/net/phy/sfp.c sfp_los_event_inactive() (v5.14)
     * <p>Context: sm held
     */
    static boolean sfpLosEventInactive(SfpStruct sfp, int event) {
        int los = losOptions(sfp.id.get("sfp_los_event_inactive"));
        return (los < 0 && event == SFP_E_LOS_HIGH) || (los > 0 && event == SFP_E_LOS_LOW);
    }

    /**
     * Counts a fault: after the retries run out the module is disabled, otherwise retry in 1 s.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_sm_fault() (v5.14)
     * <p>Context: sm held
     */
    static void sfpSmFault(SfpStruct sfp, int nextState, boolean warn) {
        int retries = sfp.sm_fault_retries.get("sfp_sm_fault");
        boolean exhausted = false;
        if (retries != 0) {
            sfp.sm_fault_retries.set(retries - 1, "sfp_sm_fault");
            exhausted = retries - 1 == 0;
        }
        if (exhausted) {
            // "module persistently indicates fault, disabling"
            sfpSmNext(sfp, SFP_S_TX_DISABLE, 0);
        } else {
            sfpSmNext(sfp, nextState, T_FAULT_RECOVER);
        }
    }

    /**
     * Probes for a PHY when the module is copper (1000BASE-T: clause 22; multigig BASE-T: clause 45).
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_sm_probe_for_phy() (v5.14)
     * <p>Context: state machine (rtnl + sm)
     */
    static int sfpSmProbeForPhy(SfpStruct sfp) {
        SfpEepromId id = sfp.id.get("sfp_sm_probe_for_phy");
        switch (id.extendedCc()) {
            case SfpEepromId.SFF8024_ECC_10GBASE_T_SFI, SfpEepromId.SFF8024_ECC_10GBASE_T_SR,
                    SfpEepromId.SFF8024_ECC_5GBASE_T, SfpEepromId.SFF8024_ECC_2_5GBASE_T -> {
                return sfpSmProbePhy(sfp, true);
            }
            default -> {
                return id.e1000BaseT() ? sfpSmProbePhy(sfp, false) : 0;
            }
        }
    }

    /**
     * Works out the module's power level and whether the host allows it.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_module_parse_power() (v5.14)
     * <p>Context: state machine (rtnl + sm), from sfp_sm_mod_probe
     */
    static int sfpModuleParsePower(SfpStruct sfp, SfpEepromId id) {
        int powerMw = 1000;
        if ((id.options() & SfpEepromId.SFP_OPTIONS_POWER_DECL) != 0) {
            powerMw = 1500;
        }
        if ((id.options() & SfpEepromId.SFP_OPTIONS_HIGH_POWER_LEVEL) != 0) {
            powerMw = 2000;
        }
        if (powerMw > sfp.max_power_mW) {
            if (id.sff8472Compliance() == SfpEepromId.SFP_SFF8472_COMPLIANCE_NONE
                    && (id.diagmon() & SfpEepromId.SFP_DIAGMON_DDM) == 0) {
                return -Errno.EINVAL; // "Host does not support %u.%uW modules"
            }
            return 0; // "module left in power mode 1"
        }
        if ((id.diagmon() & SfpEepromId.SFP_DIAGMON_ADDRMODE) != 0 && powerMw > 1000) {
            return 0; // "Address Change Sequence not supported ..."
        }
        sfp.module_power_mW.set(powerMw, "sfp_module_parse_power");
        return 0;
    }

    /**
     * Switches the module's power level over A2h EXT_STATUS (read-modify-write over I2C).
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_sm_mod_hpower() (v5.14)
     * <p>Context: state machine (rtnl + sm); takes i2c_adapter_lock twice
     */
    static int sfpSmModHpower(SfpStruct sfp, boolean enable) {
        byte[] val = new byte[1];
        int err = sfpRead(sfp, true, SfpEepromId.SFP_EXT_STATUS, val, 0, 1);
        if (err != 1) {
            return -Errno.EAGAIN; // "Failed to read EEPROM"
        }
        if (((val[0] & 1) != 0) == enable) {
            return 0;
        }
        val[0] = (byte) (enable ? val[0] | 1 : val[0] & ~1);
        err = sfpWrite(sfp, true, SfpEepromId.SFP_EXT_STATUS, val, 0, 1);
        if (err != 1) {
            return -Errno.EAGAIN; // "Failed to write EEPROM"
        }
        return 0;
    }

    /**
     * Reads and checks the module's EEPROM ID, then parses its power and start-up time.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_sm_mod_probe() (v5.14; v6.5 state_hw_mask)
     * <p>Context: state machine (rtnl + sm); EEPROM reads sleep under i2c_adapter_lock; v6.5 takes
     * sfp->st_mutex to set state_hw_mask
     * <p>Model: the RTL8672 byte-I/O fallback and the Cotsworks fixup are left out (no model
     * module needs them).
     */
    static int sfpSmModProbe(SfpStruct sfp, boolean report) {
        sfp.i2c_block_size.set(16, "sfp_sm_mod_probe");
        byte[] base = new byte[SfpEepromId.BASE_LEN];
        int ret = sfpRead(sfp, false, 0, base, 0, base.length);
        if (ret < 0 || ret != base.length) {
            return -Errno.EAGAIN; // "failed to read EEPROM" / "EEPROM short read"
        }
        if (SfpEepromId.sfpCheck(base, 0, base.length - 1) != (base[SfpEepromId.SFP_CC_BASE] & 0xff)) {
            return -Errno.EINVAL; // "EEPROM base structure checksum failure"
        }
        byte[] ext = new byte[SfpEepromId.EXT_LEN];
        ret = sfpRead(sfp, false, SfpEepromId.SFP_CC_BASE + 1, ext, 0, ext.length);
        if (ret < 0 || ret != ext.length) {
            return -Errno.EAGAIN;
        }
        SfpEepromId id = SfpEepromId.of(base, ext);
        if (SfpEepromId.sfpCheck(ext, 0, ext.length - 1) != id.ccExt()) {
            id = id.withExtCleared(); // "EEPROM extended structure checksum failure"
        }
        sfp.id.set(id, "sfp_sm_mod_probe");
        // sfp_module_supported(): an SFP in an SFP cage.
        if (id.physId() != SfpEepromId.SFF8024_ID_SFP || id.physExtId() != SfpEepromId.SFP_PHYS_EXT_ID_SFP) {
            return -Errno.EINVAL; // "module is not supported"
        }
        ret = sfpModuleParsePower(sfp, id);
        if (ret < 0) {
            return ret;
        }
        boolean badGpon = id.vendorName().equals("ALCATELLUCENT") && id.vendorPn().equals("3FE46541AA");
        sfp.module_t_start_up.set(badGpon ? T_START_UP_BAD_GPON : T_START_UP, "sfp_sm_mod_probe");
        if (sfp.v65) {
            int mask = SFP_F_PRESENT;
            mask |= sfp.hasGpio(Gpio.TX_DISABLE) ? SFP_F_TX_DISABLE : 0;
            mask |= sfp.hasGpio(Gpio.TX_FAULT) ? SFP_F_TX_FAULT : 0;
            mask |= sfp.hasGpio(Gpio.LOS) ? SFP_F_LOS : 0;
            // v6.5: the state bits to use from hardware (and the quirk fixups, not modelled) under st_mutex.
            sfp.st_mutex.lock("sfp_sm_mod_probe");
            sfp.state_hw_mask.set(mask, "sfp_sm_mod_probe");
            sfp.st_mutex.unlock("sfp_sm_mod_probe");
        }
        return 0;
    }

    /**
     * Tells the upstream the module is gone, removes hwmon and forgets the ID.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_sm_mod_remove() (v5.14)
     * <p>Context: state machine (rtnl + sm); hwmon remove waits for the hwmon work and readers
     */
    static void sfpSmModRemove(SfpStruct sfp) {
        if (sfp.sm_mod_state.get("sfp_sm_mod_remove") > SFP_MOD_WAITDEV) {
            SfpBus.sfpModuleRemove(sfpBusOf(sfp, "sfp_sm_mod_remove"));
        }
        sfpHwmonRemove(sfp);
        sfp.id.set(SfpEepromId.ZERO, "sfp_sm_mod_remove");
        sfp.module_power_mW.set(0, "sfp_sm_mod_remove");
    }

    // ------------------------------------------------------------------ the three state machines

    /**
     * The device state machine: tracks the upstream (attached, down, up).
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_sm_device() (v5.14)
     * <p>Context: sm held (and rtnl)
     */
    static void sfpSmDevice(SfpStruct sfp, int event) {
        int dev = sfp.sm_dev_state.get("sfp_sm_device");
        switch (dev) {
            case SFP_DEV_DOWN -> {
                if (event == SFP_E_DEV_DETACH) {
                    sfp.sm_dev_state.set(SFP_DEV_DETACHED, "sfp_sm_device");
                } else if (event == SFP_E_DEV_UP) {
                    sfp.sm_dev_state.set(SFP_DEV_UP, "sfp_sm_device");
                }
            }
            case SFP_DEV_UP -> {
                if (event == SFP_E_DEV_DETACH) {
                    sfp.sm_dev_state.set(SFP_DEV_DETACHED, "sfp_sm_device");
                } else if (event == SFP_E_DEV_DOWN) {
                    sfp.sm_dev_state.set(SFP_DEV_DOWN, "sfp_sm_device");
                }
            }
            default -> {
                if (event == SFP_E_DEV_ATTACH) {
                    sfp.sm_dev_state.set(SFP_DEV_DOWN, "sfp_sm_device");
                }
            }
        }
    }

    /**
     * The module state machine: insert and remove, EEPROM probe with retries, waiting for the
     * upstream, and the high-power sequence.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_sm_module() (v5.14)
     * <p>Context: sm held (and rtnl); may sleep in I2C; upstream module_insert (phylink: ASSERT_RTNL)
     */
    @SuppressWarnings("fallthrough") // the kernel's fallthrough; from PROBE to WAITDEV to HPOWER
    static void sfpSmModule(SfpStruct sfp, int event) {
        final String f = "sfp_sm_module";
        int mod = sfp.sm_mod_state.get(f);
        // Handle remove event globally, it resets this state machine.
        if (event == SFP_E_REMOVE) {
            // v6.5 (as the 6.6 tree) calls sfp_sm_mod_remove unconditionally; v5.14 only past PROBE.
            if (sfp.v65 || mod > SFP_MOD_PROBE) {
                sfpSmModRemove(sfp);
            }
            sfpSmModNext(sfp, SFP_MOD_EMPTY, 0);
            return;
        }
        // Handle device detach globally.
        if (sfp.sm_dev_state.get(f) < SFP_DEV_DOWN && mod > SFP_MOD_WAITDEV) {
            if (sfp.module_power_mW.get(f) > 1000 && mod > SFP_MOD_HPOWER) {
                sfpSmModHpower(sfp, false);
            }
            sfpSmModNext(sfp, SFP_MOD_WAITDEV, 0);
            return;
        }
        int err;
        switch (mod) {
            case SFP_MOD_PROBE:
                // Wait for T_PROBE_INIT to time out.
                if (event != SFP_E_TIMEOUT) {
                    break;
                }
                err = sfpSmModProbe(sfp, sfp.sm_mod_tries.get(f) == 1);
                if (err == -Errno.EAGAIN) {
                    int triesInit = sfp.sm_mod_tries_init.get(f);
                    if (triesInit != 0) {
                        sfp.sm_mod_tries_init.set(triesInit - 1, f);
                        if (triesInit - 1 != 0) {
                            sfpSmSetTimer(sfp, T_PROBE_RETRY_INIT);
                            break;
                        }
                    }
                    int tries = sfp.sm_mod_tries.get(f);
                    if (tries != 0) {
                        sfp.sm_mod_tries.set(tries - 1, f);
                        if (tries - 1 != 0) {
                            // tries - 1 == R_PROBE_RETRY_SLOW - 1: "please wait, module slow to respond"
                            sfpSmSetTimer(sfp, T_PROBE_RETRY_SLOW);
                            break;
                        }
                    }
                }
                if (err < 0) {
                    sfpSmModNext(sfp, SFP_MOD_ERROR, 0);
                    break;
                }
                if (sfp.v65) {
                    // 04361b8bb818 (v6.3): re-read the signals now that the module is known.
                    Workqueue.modDelayedWork(sfp.poll, 1, f);
                }
                sfpHwmonInsert(sfp);
                sfpSmModNext(sfp, SFP_MOD_WAITDEV, 0);
                // fallthrough
            case SFP_MOD_WAITDEV:
                // Ensure that the device is attached before proceeding.
                if (sfp.sm_dev_state.get(f) < SFP_DEV_DOWN) {
                    break;
                }
                // Report the module insertion to the upstream device.
                err = SfpBus.sfpModuleInsert(sfpBusOf(sfp, f), sfp.id.get(f));
                if (err < 0) {
                    sfpSmModNext(sfp, SFP_MOD_ERROR, 0);
                    break;
                }
                // If this is a power level 1 module, we are done.
                if (sfp.module_power_mW.get(f) <= 1000) {
                    sfpSmModNext(sfp, SFP_MOD_PRESENT, 0); // goto insert
                    break;
                }
                sfpSmModNext(sfp, SFP_MOD_HPOWER, 0);
                // fallthrough
            case SFP_MOD_HPOWER:
                // Enable high power mode.
                err = sfpSmModHpower(sfp, true);
                if (err < 0) {
                    if (err != -Errno.EAGAIN) {
                        SfpBus.sfpModuleRemove(sfpBusOf(sfp, f));
                        sfpSmModNext(sfp, SFP_MOD_ERROR, 0);
                    } else {
                        sfpSmSetTimer(sfp, T_PROBE_RETRY_INIT); // no retry limit
                    }
                    break;
                }
                sfpSmModNext(sfp, SFP_MOD_WAITPWR, T_HPOWER_LEVEL);
                break;
            case SFP_MOD_WAITPWR:
                // Wait for T_HPOWER_LEVEL to time out.
                if (event != SFP_E_TIMEOUT) {
                    break;
                }
                sfpSmModNext(sfp, SFP_MOD_PRESENT, 0); // insert:
                break;
            case SFP_MOD_PRESENT:
            case SFP_MOD_ERROR:
                break;
            default: // SFP_MOD_EMPTY
                if (event == SFP_E_INSERT) {
                    sfpSmModNext(sfp, SFP_MOD_PROBE, T_SERIAL);
                    sfp.sm_mod_tries_init.set(R_PROBE_RETRY_INIT, f);
                    sfp.sm_mod_tries.set(R_PROBE_RETRY_SLOW, f);
                }
                break;
        }
    }

    /**
     * The main state machine: TX enable, waiting for TX_FAULT to clear, PHY probe, LOS and link,
     * and fault recovery with retry limits.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_sm_main() (v5.14)
     * <p>Context: sm held (and rtnl); upstream link_up/down, module_start/stop, connect/disconnect_phy
     */
    static void sfpSmMain(SfpStruct sfp, int event) {
        final String f = "sfp_sm_main";
        int sm = sfp.sm_state.get(f);
        int mod = sfp.sm_mod_state.get(f);
        int dev = sfp.sm_dev_state.get(f);
        // Some events are global.
        if (sm != SFP_S_DOWN && (mod != SFP_MOD_PRESENT || dev != SFP_DEV_UP)) {
            if (sm == SFP_S_LINK_UP && dev == SFP_DEV_UP) {
                sfpSmLinkDown(sfp);
            }
            if (sm > SFP_S_INIT) {
                SfpBus.sfpModuleStop(sfpBusOf(sfp, f));
            }
            if (sfp.mod_phy.get(f) != null) {
                sfpSmPhyDetach(sfp);
            }
            if (sfp.v65 && sfp.i2c_mii != null) {
                sfpI2cMdiobusDestroy(sfp);
            }
            sfpModuleTxDisable(sfp);
            sfpSoftStopPoll(sfp);
            sfpSmNext(sfp, SFP_S_DOWN, 0);
            return;
        }
        // The main state machine.
        switch (sm) {
            case SFP_S_DOWN -> {
                if (mod != SFP_MOD_PRESENT || dev != SFP_DEV_UP) {
                    return;
                }
                if ((sfp.id.get(f).diagmon() & SfpEepromId.SFP_DIAGMON_ADDRMODE) == 0) {
                    sfpSoftStartPoll(sfp);
                }
                sfpModuleTxEnable(sfp);
                // Initialise the fault clearance retries.
                sfp.sm_fault_retries.set(N_FAULT_INIT, f);
                // TX_FAULT is not defined while TX_DISABLE is asserted: wait at least 50 ms.
                sfpSmNext(sfp, SFP_S_WAIT, T_WAIT);
            }
            case SFP_S_WAIT -> {
                if (event != SFP_E_TIMEOUT) {
                    return;
                }
                if ((sfp.state.get(f) & SFP_F_TX_FAULT) != 0) {
                    // Wait up to t_init / t_start_up from TX_DISABLE deassertion.
                    int timeout = sfp.module_t_start_up.get(f);
                    timeout = timeout > T_WAIT ? timeout - T_WAIT : 1;
                    sfpSmNext(sfp, SFP_S_INIT, timeout);
                } else {
                    sfpSmMainInitDone(sfp); // goto init_done
                }
            }
            case SFP_S_INIT -> {
                if (event == SFP_E_TIMEOUT && (sfp.state.get(f) & SFP_F_TX_FAULT) != 0) {
                    // TX_FAULT still asserted after t_init or t_start_up: assume a fault.
                    sfpSmFault(sfp, SFP_S_INIT_TX_FAULT, sfp.sm_fault_retries.get(f) == N_FAULT_INIT);
                } else if (event == SFP_E_TIMEOUT || event == SFP_E_TX_CLEAR) {
                    sfpSmMainInitDone(sfp);
                }
            }
            case SFP_S_INIT_PHY -> {
                if (event != SFP_E_TIMEOUT) {
                    return;
                }
                sfpSmMainPhyProbe(sfp); // phy_probe:
            }
            case SFP_S_INIT_TX_FAULT -> {
                if (event == SFP_E_TIMEOUT) {
                    sfpModuleTxFaultReset(sfp);
                    sfpSmNext(sfp, SFP_S_INIT, sfp.module_t_start_up.get(f));
                }
            }
            case SFP_S_WAIT_LOS -> {
                if (event == SFP_E_TX_FAULT) {
                    sfpSmFault(sfp, SFP_S_TX_FAULT, true);
                } else if (sfpLosEventInactive(sfp, event)) {
                    sfpSmLinkUp(sfp);
                }
            }
            case SFP_S_LINK_UP -> {
                if (event == SFP_E_TX_FAULT) {
                    sfpSmLinkDown(sfp);
                    sfpSmFault(sfp, SFP_S_TX_FAULT, true);
                } else if (sfpLosEventActive(sfp, event)) {
                    sfpSmLinkDown(sfp);
                    sfpSmNext(sfp, SFP_S_WAIT_LOS, 0);
                }
            }
            case SFP_S_TX_FAULT -> {
                if (event == SFP_E_TIMEOUT) {
                    sfpModuleTxFaultReset(sfp);
                    sfpSmNext(sfp, SFP_S_REINIT, sfp.module_t_start_up.get(f));
                }
            }
            case SFP_S_REINIT -> {
                if (event == SFP_E_TIMEOUT && (sfp.state.get(f) & SFP_F_TX_FAULT) != 0) {
                    sfpSmFault(sfp, SFP_S_TX_FAULT, false);
                } else if (event == SFP_E_TIMEOUT || event == SFP_E_TX_CLEAR) {
                    // "module transmit fault recovered"
                    sfpSmLinkCheckLos(sfp);
                }
            }
            default -> {
                // SFP_S_FAIL, SFP_S_TX_DISABLE: leave only through the global reset.
            }
        }
    }

    /**
     * sfp_sm_main()'s {@code init_done:} label: start the PHY probe retries.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_sm_main(), label init_done (v5.14)
     * <p>Context: sm held (and rtnl)
     */
    private static void sfpSmMainInitDone(SfpStruct sfp) {
        if (sfp.v65 && sfpSmAddMdioBus(sfp) < 0) {
            sfpSmNext(sfp, SFP_S_FAIL, 0);
            return;
        }
        sfp.sm_phy_retries.set(R_PHY_RETRY, "sfp_sm_main");
        sfpSmMainPhyProbe(sfp);
    }

    /**
     * sfp_sm_main()'s {@code phy_probe:} label: probe the PHY, start the module, check LOS.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_sm_main(), label phy_probe (v5.14)
     * <p>Context: sm held (and rtnl); upstream connect_phy and module_start
     */
    private static void sfpSmMainPhyProbe(SfpStruct sfp) {
        final String f = "sfp_sm_main";
        int ret = sfpSmProbeForPhy(sfp);
        if (ret == -Errno.ENODEV) {
            int retries = sfp.sm_phy_retries.get(f) - 1;
            sfp.sm_phy_retries.set(retries, f);
            if (retries != 0) {
                sfpSmNext(sfp, SFP_S_INIT_PHY, T_PHY_RETRY);
                return;
            }
            // "no PHY detected"
        } else if (ret != 0) {
            sfpSmNext(sfp, SFP_S_FAIL, 0);
            return;
        }
        if (SfpBus.sfpModuleStart(sfpBusOf(sfp, f)) != 0) {
            sfpSmNext(sfp, SFP_S_FAIL, 0);
            return;
        }
        sfpSmLinkCheckLos(sfp);
        // Reset the fault retry count.
        sfp.sm_fault_retries.set(N_FAULT, f);
    }

    /**
     * Runs the device, module and main machines on one event.
     *
     * <p>Kernel: drivers/net/phy/sfp.c __sfp_sm_event() (v6.5)
     * <p>Context: sm held by the caller (and rtnl)
     */
    static void __sfpSmEvent(SfpStruct sfp, int event) {
        sfpSmDevice(sfp, event);
        sfpSmModule(sfp, event);
        sfpSmMain(sfp, event);
    }

    /**
     * Feeds one event to the state machines.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_sm_event() (v5.14)
     * <p>Context: takes sfp->sm_mutex; caller holds rtnl_mutex (not asserted, as in the kernel)
     */
    public static void sfpSmEvent(SfpStruct sfp, int event) {
        sfp.sm_mutex.lock("sfp_sm_event");
        __sfpSmEvent(sfp, event);
        sfp.sm_mutex.unlock("sfp_sm_event");
    }

    // ------------------------------------------------------------------ socket ops

    /**
     * Kernel: drivers/net/phy/sfp.c sfp_attach() (v5.14): SFP_E_DEV_ATTACH.
     * <p>Context: takes sfp->sm_mutex; caller holds rtnl_mutex (sfp_register_bus)
     */
    static void sfpAttach(SfpStruct sfp) {
        sfpSmEvent(sfp, SFP_E_DEV_ATTACH);
    }

    /**
     * Kernel: drivers/net/phy/sfp.c sfp_detach() (v5.14): SFP_E_DEV_DETACH.
     * <p>Context: takes sfp->sm_mutex; caller holds rtnl_mutex (sfp_unregister_bus)
     */
    static void sfpDetach(SfpStruct sfp) {
        sfpSmEvent(sfp, SFP_E_DEV_DETACH);
    }

    /**
     * Kernel: drivers/net/phy/sfp.c sfp_start() (v5.14): SFP_E_DEV_UP.
     * <p>Context: takes sfp->sm_mutex; caller holds rtnl_mutex (sfp_upstream_start, sfp_register_bus)
     */
    static void sfpStart(SfpStruct sfp) {
        sfpSmEvent(sfp, SFP_E_DEV_UP);
    }

    /**
     * Kernel: drivers/net/phy/sfp.c sfp_stop() (v5.14): SFP_E_DEV_DOWN.
     * <p>Context: takes sfp->sm_mutex; caller holds rtnl_mutex (sfp_upstream_stop, sfp_unregister_bus)
     */
    static void sfpStop(SfpStruct sfp) {
        sfpSmEvent(sfp, SFP_E_DEV_DOWN);
    }

    /**
     * Records the signalling rate and drives the rate-select outputs.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_set_signal_rate() (v6.5)
     * <p>Context: takes sfp->st_mutex (via sfp_mod_state); callers may hold pl->state_mutex,
     * rtnl_mutex and sfp->sm_mutex
     * <p>Model: no model module supports rate select, so the rate-select mask is always 0.
     */
    static void sfpSetSignalRate(SfpStruct sfp, int rateKbd) {
        sfp.rate_kbd.set(rateKbd, "sfp_set_signal_rate");
        sfpModState(sfp, SFP_F_RATE_SELECT, 0);
    }

    /**
     * Tells ethtool which EEPROM layout the module has.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_module_info() (v5.14)
     * <p>Context: no sfp lock ("locking... and check module is present"); rtnl held by ethtool
     */
    static int sfpModuleInfo(SfpStruct sfp, EthtoolModinfo modinfo) {
        SfpEepromId id = sfp.id.get("sfp_module_info");
        if (id.sff8472Compliance() != 0 && (id.diagmon() & SfpEepromId.SFP_DIAGMON_ADDRMODE) == 0) {
            modinfo.type = ETH_MODULE_SFF_8472;
            modinfo.eepromLen = ETH_MODULE_SFF_8472_LEN;
        } else {
            modinfo.type = ETH_MODULE_SFF_8079;
            modinfo.eepromLen = ETH_MODULE_SFF_8079_LEN;
        }
        return 0;
    }

    /**
     * Reads the EEPROM for {@code ethtool -m}: A0h for offsets below 256, A2h above.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_module_eeprom() (v5.14)
     * <p>Context: no sfp lock; rtnl held by ethtool; sleeps in I2C (i2c_adapter_lock); v6.5 first
     * reads SFP_F_PRESENT from sfp->state without a lock
     */
    static int sfpModuleEeprom(SfpStruct sfp, EthtoolModuleEeprom ee) {
        if (sfp.v65 && (sfp.state.get("sfp_module_eeprom") & SFP_F_PRESENT) == 0) {
            return -Errno.ENODEV;
        }
        if (ee.length == 0) {
            return -Errno.EINVAL;
        }
        int first = ee.offset;
        int last = ee.offset + ee.length;
        int dataOff = 0;
        if (first < ETH_MODULE_SFF_8079_LEN) {
            int len = Math.min(last, ETH_MODULE_SFF_8079_LEN) - first;
            int ret = sfpRead(sfp, false, first, ee.data, dataOff, len);
            if (ret < 0) {
                return ret;
            }
            first += len;
            dataOff += len;
        }
        if (first < ETH_MODULE_SFF_8472_LEN && last > ETH_MODULE_SFF_8079_LEN) {
            int len = Math.min(last, ETH_MODULE_SFF_8472_LEN) - first;
            first -= ETH_MODULE_SFF_8079_LEN;
            int ret = sfpRead(sfp, true, first, ee.data, dataOff, len);
            if (ret < 0) {
                return ret;
            }
        }
        return 0;
    }

    /**
     * Reads one page of the EEPROM for the netlink module-EEPROM request (page 0, bank 0 only).
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_module_eeprom_by_page() (v5.14)
     * <p>Context: no sfp lock; rtnl held by ethtool netlink; sleeps in I2C; v6.5 first reads
     * SFP_F_PRESENT without a lock
     */
    static int sfpModuleEepromByPage(SfpStruct sfp, EthtoolModuleEeprom page) {
        if (sfp.v65 && (sfp.state.get("sfp_module_eeprom_by_page") & SFP_F_PRESENT) == 0) {
            return -Errno.ENODEV;
        }
        if (page.bank != 0 || page.page != 0) {
            return -Errno.EOPNOTSUPP; // "Banks not supported" / "Only page 0 supported"
        }
        if (page.i2cAddress != 0x50 && page.i2cAddress != 0x51) {
            return -Errno.EOPNOTSUPP;
        }
        return sfpRead(sfp, page.i2cAddress == 0x51, page.offset, page.data, 0, page.length);
    }

    /** {@code static const struct sfp_socket_ops sfp_module_ops}. */
    public static final SfpSocketOps SFP_MODULE_OPS = new SfpSocketOps() {
        @Override
        public void attach(Obj sfp) {
            sfpAttach((SfpStruct) sfp);
        }

        @Override
        public void detach(Obj sfp) {
            sfpDetach((SfpStruct) sfp);
        }

        @Override
        public void start(Obj sfp) {
            sfpStart((SfpStruct) sfp);
        }

        @Override
        public void stop(Obj sfp) {
            sfpStop((SfpStruct) sfp);
        }

        @Override
        public void setSignalRate(Obj sfp, int rateKbd) {
            SfpStruct s = (SfpStruct) sfp;
            if (s.v65) { // v5.14 has no .set_signal_rate
                sfpSetSignalRate(s, rateKbd);
            }
        }

        @Override
        public int moduleInfo(Obj sfp, EthtoolModinfo modinfo) {
            return sfpModuleInfo((SfpStruct) sfp, modinfo);
        }

        @Override
        public int moduleEeprom(Obj sfp, EthtoolModuleEeprom ee) {
            return sfpModuleEeprom((SfpStruct) sfp, ee);
        }

        @Override
        public int moduleEepromByPage(Obj sfp, EthtoolModuleEeprom page) {
            return sfpModuleEepromByPage((SfpStruct) sfp, page);
        }
    };

    // ------------------------------------------------------------------ work, IRQ and poll

    /**
     * The state-machine timer fired: SFP_E_TIMEOUT under rtnl.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_timeout() (v5.14)
     * <p>Context: delayed work on system_power_efficient_wq (background context sfp_timeout);
     * takes rtnl_mutex, then sfp->sm_mutex (sfp_sm_event)
     * <p>Model: with option sfp-bus-private-lock no rtnl (the 2021 proposal: rtnl was for the bus).
     */
    static void sfpTimeout(SfpStruct sfp) {
        boolean rtnl = !SfpBus.privateLock();
        if (rtnl) {
            Rtnetlink.rtnlLock("sfp_timeout");
        }
        sfpSmEvent(sfp, SFP_E_TIMEOUT);
        if (rtnl) {
            Rtnetlink.rtnlUnlock("sfp_timeout");
        }
    }

    /**
     * Samples the signals, merges them into {@code sfp->state} and raises PRESENT, TX_FAULT and LOS
     * events, in that order.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_check_state() (v5.14; v6.5 lock order)
     * <p>Context: v5.14 takes sfp->st_mutex, then rtnl_mutex, then sfp->sm_mutex per event (in
     * sfp_sm_event), all nested; v6.5 takes rtnl_mutex, then sfp->st_mutex (released after the
     * state update), then sfp->sm_mutex once for all events (__sfp_sm_event)
     * <p>Model: with option sfp-bus-private-lock no rtnl (the 2021 proposal: rtnl was for the bus).
     */
    static void sfpCheckState(SfpStruct sfp) {
        final String f = "sfp_check_state";
        boolean rtnl = !SfpBus.privateLock();
        if (sfp.v65 && rtnl) {
            Rtnetlink.rtnlLock(f);
        }
        sfp.st_mutex.lock(f);
        int state = sfpGetState(sfp);
        // Two reads of sfp->state, as in the kernel: in v5.14 a writer without st can slip between them.
        int changed = (state ^ sfp.state.get(f)) & (SFP_F_PRESENT | SFP_F_LOS | SFP_F_TX_FAULT);
        state |= sfp.state.get(f) & (SFP_F_TX_DISABLE | SFP_F_RATE_SELECT);
        sfp.state.set(state, f);
        if (sfp.v65) {
            sfp.st_mutex.unlock(f);
            sfp.sm_mutex.lock(f);
            sfpCheckStateEvents(sfp, state, changed);
            sfp.sm_mutex.unlock(f);
            if (rtnl) {
                Rtnetlink.rtnlUnlock(f);
            }
        } else {
            if (rtnl) {
                Rtnetlink.rtnlLock(f);
            }
            sfpCheckStateEvents(sfp, state, changed);
            if (rtnl) {
                Rtnetlink.rtnlUnlock(f);
            }
            sfp.st_mutex.unlock(f);
        }
    }

    /** The event part of sfp_check_state(): sfp_sm_event (v5.14) or __sfp_sm_event (v6.5). */
    private static void sfpCheckStateEvents(SfpStruct sfp, int state, int changed) {
        if ((changed & SFP_F_PRESENT) != 0) {
            sfpCheckStateEvent(sfp, (state & SFP_F_PRESENT) != 0 ? SFP_E_INSERT : SFP_E_REMOVE);
        }
        if ((changed & SFP_F_TX_FAULT) != 0) {
            sfpCheckStateEvent(sfp, (state & SFP_F_TX_FAULT) != 0 ? SFP_E_TX_FAULT : SFP_E_TX_CLEAR);
        }
        if ((changed & SFP_F_LOS) != 0) {
            sfpCheckStateEvent(sfp, (state & SFP_F_LOS) != 0 ? SFP_E_LOS_HIGH : SFP_E_LOS_LOW);
        }
    }

    private static void sfpCheckStateEvent(SfpStruct sfp, int event) {
        if (sfp.v65) {
            __sfpSmEvent(sfp, event);
        } else {
            sfpSmEvent(sfp, event);
        }
    }

    /**
     * The threaded handler of a signal's interrupt.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_irq() (v5.14)
     * <p>Context: threaded IRQ (IRQF_ONESHOT, may sleep; background context sfp_irq); one thread
     * per wired input line, so two lines' handlers can run sfp_check_state() concurrently
     */
    static void sfpIrq(SfpStruct sfp) {
        sfpCheckState(sfp);
    }

    /**
     * Polls the signals when the cage has no interrupts or soft signals are in use; re-arms itself.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_poll() (v5.14)
     * <p>Context: delayed work on system_wq (background context sfp_poll); reads
     * sfp->state_soft_mask without a lock
     * <p>Model: it re-arms itself forever in the kernel; the race bounds its runs (the scenario's
     * {@code bounds: {work_runs: N}}, see {@link Kernel}), and setup pauses it.
     */
    static void sfpPoll(SfpStruct sfp) {
        sfpCheckState(sfp);
        if ((sfp.state_soft_mask.get("sfp_poll") & (SFP_F_LOS | SFP_F_TX_FAULT)) != 0 || sfp.need_poll) {
            Workqueue.modDelayedWork(sfp.poll, POLL_INTERVAL, "sfp_poll");
        }
    }

    // ------------------------------------------------------------------ probe and remove

    /**
     * Allocates {@code struct sfp}: mutexes, poll/timeout/hwmon work items.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_alloc() (v5.14)
     * <p>Context: sfp_probe (device_lock)
     * <p>Model: the model version (sfp-v5.14 or sfp-v6.5) is read from the kernel configuration here.
     */
    static SfpStruct sfpAlloc(SfpCage.PlatformDevice dev) {
        SfpStruct sfp = new SfpStruct(dev, Kernel.get().v65());
        sfpHwmonInit(sfp);
        return sfp;
    }

    /**
     * Releases what probe set up: cancels (and waits for) the hwmon, poll and timeout work, drops
     * the I2C adapter and mdio bus, and frees {@code struct sfp}.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_cleanup() (v5.14)
     * <p>Context: devres action after sfp_remove (device_lock held by the driver core)
     */
    static void sfpCleanup(SfpStruct sfp) {
        sfpHwmonExit(sfp);
        Workqueue.cancelDelayedWorkSync(sfp.poll, "sfp_cleanup");
        Workqueue.cancelDelayedWorkSync(sfp.timeout, "sfp_cleanup");
        if (sfp.i2c_mii != null) {
            Slab.kfree(sfp.i2c_mii, "sfp_cleanup"); // mdiobus_unregister + mdiobus_free
        }
        Slab.kfree(sfp, "sfp_cleanup");
    }

    /**
     * Binds the driver to a cage: reads the initial state, sends INSERT if a module is present,
     * requests the signal interrupts (or polls), and registers the socket with sfp-bus.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_probe() (v5.14)
     * <p>Context: device_lock held by the driver core; takes rtnl_mutex -> sfp->sm_mutex for the
     * initial INSERT; sfp_register_socket takes sfp_mutex, then rtnl_mutex
     * <p>Model: the initial state is read without st_mutex, as in the kernel (nothing else runs yet);
     * with option sfp-bus-private-lock the INSERT event is sent without rtnl.
     */
    public static int sfpProbe(Device pdevDev) {
        SfpCage.PlatformDevice pdev = (SfpCage.PlatformDevice) pdevDev;
        SfpCage cage = pdev.cage();
        SfpStruct sfp = sfpAlloc(pdev);
        pdev.driverData.set(sfp, "sfp_probe"); // platform_set_drvdata
        pdev.devmAddAction(() -> sfpCleanup(sfp));

        I2cAdapter i2c = cage.i2cAdapter(); // of_find_i2c_adapter_by_node(i2c-bus)
        if (i2c == null) {
            return -Errno.EPROBE_DEFER;
        }
        int err = sfpI2cConfigure(sfp, i2c);
        if (err < 0) {
            return err;
        }
        for (Gpio g : Gpio.values()) {
            sfp.gpio.put(g, cage.wired(g)); // devm_gpiod_get_optional
        }
        // Modules that have no detect signal are always present.
        sfp.always_present = !sfp.hasGpio(Gpio.MODDEF0);
        int maxPower = cage.config().maxPowerMw(); // maximum-power-milliwatt
        sfp.max_power_mW = maxPower == 0 ? 1000 : maxPower;

        // Get the initial state, and always signal TX disable, since the network interface will not be up.
        sfp.state.set(sfpGetState(sfp) | SFP_F_TX_DISABLE, "sfp_probe");
        sfpSetState(sfp, sfp.state.get("sfp_probe"));
        sfpModuleTxDisable(sfp);
        if ((sfp.state.get("sfp_probe") & SFP_F_PRESENT) != 0) {
            boolean rtnl = !SfpBus.privateLock();
            if (rtnl) {
                Rtnetlink.rtnlLock("sfp_probe");
            }
            sfpSmEvent(sfp, SFP_E_INSERT);
            if (rtnl) {
                Rtnetlink.rtnlUnlock("sfp_probe");
            }
        }

        for (Gpio g : Gpio.values()) {
            if (!g.input() || !sfp.hasGpio(g)) {
                continue;
            }
            if (!cage.irqCapable(g)) {
                sfp.need_poll = true; // gpiod_to_irq() failed
                continue;
            }
            Irq irq = Irq.requestThreadedIrq("sfp_irq:" + g.ofName(), "sfp_irq", () -> sfpIrq(sfp));
            sfp.gpio_irq.put(g, irq);
            cage.connectIrq(g, irq);
            pdev.devmAddAction(() -> {
                cage.disconnectIrq(g);
                irq.freeIrq("devm_irq_release");
            });
        }
        if (sfp.need_poll) {
            Workqueue.modDelayedWork(sfp.poll, POLL_INTERVAL, "sfp_probe");
        }

        SfpBusStruct bus = SfpBus.sfpRegisterSocket(pdev, sfp, SFP_MODULE_OPS);
        sfp.sfp_bus.set(bus, "sfp_probe");
        if (bus == null) {
            return -Errno.ENOMEM;
        }
        return 0;
    }

    /**
     * Unbinds the driver: unregisters the socket (DEV_DOWN/DEV_DETACH if registered), then
     * sends REMOVE. The driver core then releases the IRQs and runs sfp_cleanup().
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_remove() (v5.14)
     * <p>Context: device_lock held by the driver core; sfp_unregister_socket takes rtnl_mutex;
     * then takes rtnl_mutex -> sfp->sm_mutex for REMOVE
     * <p>Model: with option sfp-bus-private-lock REMOVE is sent without rtnl.
     */
    public static void sfpRemove(Device pdevDev) {
        SfpCage.PlatformDevice pdev = (SfpCage.PlatformDevice) pdevDev;
        SfpStruct sfp = (SfpStruct) pdev.driverData.get("sfp_remove");
        SfpBus.sfpUnregisterSocket(sfp.sfp_bus.get("sfp_remove"));
        boolean rtnl = !SfpBus.privateLock();
        if (rtnl) {
            Rtnetlink.rtnlLock("sfp_remove");
        }
        sfpSmEvent(sfp, SFP_E_REMOVE);
        if (rtnl) {
            Rtnetlink.rtnlUnlock("sfp_remove");
        }
    }

    /**
     * System shutdown: frees the IRQs and stops the poll and timeout work.
     *
     * <p>Kernel: drivers/net/phy/sfp.c sfp_shutdown() (v5.14)
     * <p>Context: driver core shutdown; waits for running IRQ handlers and work
     */
    public static void sfpShutdown(Device pdevDev) {
        SfpCage.PlatformDevice pdev = (SfpCage.PlatformDevice) pdevDev;
        SfpStruct sfp = (SfpStruct) pdev.driverData.get("sfp_shutdown");
        for (var e : sfp.gpio_irq.entrySet()) {
            pdev.cage().disconnectIrq(e.getKey());
            e.getValue().freeIrq("sfp_shutdown"); // devm_free_irq
        }
        Workqueue.cancelDelayedWorkSync(sfp.poll, "sfp_shutdown");
        Workqueue.cancelDelayedWorkSync(sfp.timeout, "sfp_shutdown");
    }

    /** {@code static struct platform_driver sfp_driver}: probe and remove for the driver core. */
    public static final DeviceDriver SFP_DRIVER = new DeviceDriver() {
        @Override
        public String name() {
            return "sfp";
        }

        @Override
        public int probe(Device dev) {
            return sfpProbe(dev);
        }

        @Override
        public void remove(Device dev) {
            sfpRemove(dev);
        }
    };

    /**
     * Invariant: while a module is present, the TX_DISABLE line disables the laser exactly when
     * {@code sfp->state} says TX_DISABLE (a floating line is pulled up: disabled). Returns null
     * when it holds, else what differs. Reads with peek only.
     */
    public static String txDisableMismatch(SfpStruct sfp) {
        if (sfp == null || sfp.isFreed() || !sfp.hasGpio(Gpio.TX_DISABLE)) {
            return null;
        }
        int state = sfp.state.peek();
        if ((state & SFP_F_PRESENT) == 0) {
            return null;
        }
        int line = sfp.cage.txDisableLevelPeek();
        boolean lineDisables = line != 0;
        boolean stateDisables = (state & SFP_F_TX_DISABLE) != 0;
        if (lineDisables == stateDisables) {
            return null;
        }
        return "sfp->state is 0x" + Integer.toHexString(state) + " (TX_DISABLE " + stateDisables
                + ") but the TX_DISABLE line is " + (line == SfpCage.FLOATING ? "floating" : Integer.toString(line));
    }

    /**
     * Invariant (checked when quiescent, so no signal interrupt is pending): the input bits of
     * {@code sfp->state} equal the levels of the wired lines. Returns null when it holds, else what
     * differs. Skipped for polled cages, whose state lags by design, and once the work-run bound has
     * stopped an IRQ thread. Reads with peek only.
     */
    public static String inputStateMismatch(SfpStruct sfp) {
        if (sfp == null || sfp.isFreed() || sfp.need_poll || sfp.gpio_irq.isEmpty()) {
            return null;
        }
        for (Irq irq : sfp.gpio_irq.values()) {
            if (irq.thread().runs() >= irq.thread().work().maxRuns()) {
                return null; // the work-run bound kept a raised IRQ from running: the state lags by construction
            }
        }
        int state = sfp.state.peek();
        int soft = sfp.state_soft_mask.peek();
        for (Gpio g : new Gpio[] {Gpio.MODDEF0, Gpio.LOS, Gpio.TX_FAULT}) {
            int bit = 1 << g.ordinal();
            if (!sfp.hasGpio(g) || (soft & bit) != 0) {
                continue;
            }
            boolean line = sfp.cage.levelPeek(g) == 1;
            if (line != ((state & bit) != 0)) {
                return "sfp->state 0x" + Integer.toHexString(state) + " has " + g.ofName() + " " + !line
                        + " but the line is " + (line ? 1 : 0);
            }
        }
        return null;
    }

    /** The {@code struct sfp} bound to a cage's platform device, without a visible operation (tests). */
    public static SfpStruct drvdataPeek(SfpCage cage) {
        return (SfpStruct) cage.pdev().driverData.peek();
    }
}
