package dev.whylock.linux.model;

import dev.whylock.engine.Program;
import dev.whylock.linux.hw.SfpModuleType;
import dev.whylock.linux.kernel.Kernel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The SFP-bus / phylink / phylib model at one kernel version. */
final class SfpModel implements Model {

    /** The background contexts (PRODUCT.md), with what re-arms itself (read from the model code). */
    static final List<ContextInfo> CONTEXT_INFO = List.of(
            new ContextInfo("sfp_irq", "sfp.c sfp_irq: the threaded IRQ of a cage signal (MOD_DEF0, LOS, TX_FAULT); "
                    + "raised by the hardware, runs sfp_check_state", false),
            new ContextInfo("sfp_poll", "sfp.c sfp_poll: delayed work every 100 ms when the cage has no IRQs or soft "
                    + "signals are used; runs sfp_check_state", true),
            new ContextInfo("sfp_timeout", "sfp.c sfp_timeout: the state machines' timer (T_SERIAL, T_WAIT, retries); "
                    + "the event it sends may arm it again", true),
            new ContextInfo("sfp_hwmon", "sfp.c sfp_hwmon_probe: registers the module's hwmon device; retries every "
                    + "5 s while the diagnostics do not answer", true),
            new ContextInfo("phylink_resolve", "phylink.c phylink_resolve: resolves the link and configures the MAC; "
                    + "queues itself again after a MAC link drop", true),
            new ContextInfo("phy_state_machine", "phy.c phy_state_machine: the PHY's state machine, every second "
                    + "while the PHY is started", true),
            new ContextInfo("phy_irq", "phy.c phy_interrupt: a PHY's threaded IRQ; module PHYs behind mdio-i2c are "
                    + "polled (PHY_POLL), so no modelled PHY requests one", false),
            new ContextInfo("deferred_probe", "dd.c deferred_probe_work_func: retries deferred probes; a successful "
                    + "probe triggers another pass", true));

    /** The background context names, in order. */
    static final List<String> CONTEXTS = CONTEXT_INFO.stream().map(ContextInfo::name).toList();

    private final String name;
    private final Kernel.Version version;
    private final String description;

    SfpModel(String name, Kernel.Version version, String description) {
        this.name = name;
        this.version = version;
        this.description = description;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<OpInfo> ops() {
        return Ops.catalogue();
    }

    @Override
    public List<String> lockClasses() {
        return Sites.LOCK_CLASSES;
    }

    @Override
    public List<String> unvalidatedLockClasses() {
        return List.of("device_lock");
    }

    /**
     * For rtnl_mutex, the 2021 thread's proposal (Vladimir Oltean, 5 Sep 2021; KERNEL-NOTES §5.2):
     * a private sfp-bus lock instead of rtnl where sfp-bus.c takes it, and the same lock also where
     * the cage driver (sfp.c) takes rtnl, since its state machine calls through the bus.
     */
    @Override
    public List<String> suggestedReplacements(String lockClass) {
        if (!lockClass.equals("rtnl_mutex")) {
            return List.of();
        }
        return List.of(replacement(lockClass, List.of("drivers/net/phy/sfp-bus.c")),
                replacement(lockClass, List.of("drivers/net/phy/sfp-bus.c", "drivers/net/phy/sfp.c")));
    }

    /**
     * The 2021 netdev question: why do phylink_create() and phylink_destroy() need rtnl? They take
     * it in sfp_bus_add_upstream() and sfp_bus_del_upstream() (see their Context: lines).
     */
    @Override
    public Map<String, List<String>> entryPoints(String lockClass) {
        if (!lockClass.equals("rtnl_mutex")) {
            return Map.of();
        }
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("phylink_create", List.of("sfp_bus_add_upstream"));
        m.put("phylink_destroy", List.of("sfp_bus_del_upstream"));
        return m;
    }

    private static String replacement(String lockClass, List<String> files) {
        List<String> functions = Sites.TABLE.stream()
                .filter(site -> site.lockClass().equals(lockClass) && files.contains(site.file()))
                .map(Sites.Site::function).toList();
        return lockClass + "@" + String.join(",", functions) + "=sfp_bus->lock";
    }

    @Override
    public List<String> sites() {
        return Sites.specs();
    }

    @Override
    public List<InvariantInfo> invariants() {
        return Invariants.ALL;
    }

    @Override
    public List<String> backgroundContexts() {
        return CONTEXTS;
    }

    @Override
    public List<ContextInfo> contexts() {
        return CONTEXT_INFO;
    }

    @Override
    public List<Design> designs(String lockClass) {
        return Design.forLock(lockClass);
    }

    @Override
    public List<String> options() {
        return Ops.OPTIONS;
    }

    @Override
    public List<String> moduleTypes() {
        return SfpModuleType.keys();
    }

    @Override
    public List<String> builtinScenarios() {
        return ScenarioLoader.builtinNames();
    }

    @Override
    public List<String> inquiryScenarios(String timing) {
        return ScenarioLoader.builtinNames().stream()
                .filter(n -> Design.ALL.stream().noneMatch(d -> ScenarioLoader.builtin(n).options().contains(d.option())))
                .filter(n -> ScenarioLoader.builtin(n).runsIn(timing))
                .toList();
    }

    @Override
    public Program program(Scenario s) {
        return new ScenarioProgram(s, version);
    }

    @Override
    public String toString() {
        return name;
    }
}
