package dev.whylock.linux.kernel;

import dev.whylock.engine.Env;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The kernel's global state for one execution: global locks (rtnl, sfp_mutex, ...), the model
 * configuration (kernel version, options) and which background contexts may run.
 *
 * <p>Every execution re-runs the program from scratch, so the globals are created lazily on first
 * use in each execution and keyed on the running {@link Env}; nothing survives across executions.
 */
/*
 * Background contexts. A work item, timer or threaded IRQ belongs to a context (sfp_irq, sfp_poll,
 * sfp_timeout, sfp_hwmon, phylink_resolve, phy_state_machine, deferred_probe). During setup every
 * context runs (only when main waits, in deadline order), but a periodic item (sfp_poll,
 * phy_state_machine) that re-arms itself from its own run is paused, or settle would never finish;
 * it resumes when the race starts if its context is listed. Each listed item may start at most
 * raceRunBudget more times during the race (Work.maxRuns), and an item created during the race
 * (a PHY's state machine, a new phylink's resolve) at most raceRunBudget times, which bounds every
 * self-re-arming context; the engine reports the exploration as bounded when the bound cuts a
 * schedule. The budget is the scenario's bounds: {work_runs: N}. During the explored race only the contexts a scenario lists
 * under background: run; a queue request for any other context is held back (recorded, not run),
 * as if that kernel thread was not scheduled before the race window closed. A flush or cancel of a
 * held-back item returns at once.
 */
public final class Kernel {

    /** Which part of the program is running. */
    public enum Phase { SETUP, RACE }

    /** Kernel versions the model can mirror. */
    public enum Version { V5_14, V6_5 }

    /** Contexts whose work re-arms itself periodically (paused during setup). */
    static final Set<String> PERIODIC = Set.of("sfp_poll", "phy_state_machine");

    // One kernel per execution, found from the running Env. The stress strategy runs model code on
    // real threads, so the globals map is concurrent; under the controlled scheduler only one task
    // runs at a time. Several explorations may run at once (an inquiry's workers), each on its own
    // thread with the continuation backend (all of an execution's tasks on that one thread): a
    // thread remembers its kernel (threads it creates inherit it, as task threads of the thread
    // backend and of stress do); a thread that meets an execution first finds its kernel among the
    // most recent ones (only a few, since a kernel holds on to its whole execution; a map keyed
    // weakly by execution would never forget one: a kernel's objects refer to their execution).
    private static final InheritableThreadLocal<Kernel> CURRENT = new InheritableThreadLocal<>();
    private static final Kernel[] RECENT = new Kernel[16];
    private static int nextRecent;

    private final Env env;
    private final Map<String, Object> globals = new ConcurrentHashMap<>();
    private final List<WorkStruct> works = new CopyOnWriteArrayList<>();
    private volatile Set<String> background = Set.of();
    private final Map<String, Boolean> options = new ConcurrentHashMap<>();
    private volatile Set<String> checks;
    private volatile Phase phase = Phase.SETUP;
    private volatile Version version = Version.V5_14;
    private volatile int raceRunBudget = DEFAULT_RACE_RUN_BUDGET;

    /** How often each background work item may start during the race unless a scenario says otherwise. */
    public static final int DEFAULT_RACE_RUN_BUDGET = 4;

    private Kernel(Env env) {
        this.env = env;
    }

    /** The kernel of the running execution. */
    public static Kernel get() {
        Env env = Env.current();
        Kernel k = CURRENT.get();
        if (k == null || k.env != env) {
            k = recent(env);
            CURRENT.set(k);
        }
        return k;
    }

    private static Kernel recent(Env env) {
        synchronized (RECENT) {
            for (Kernel k : RECENT) {
                if (k != null && k.env == env) {
                    return k;
                }
            }
            Kernel k = new Kernel(env);
            RECENT[nextRecent] = k;
            nextRecent = (nextRecent + 1) % RECENT.length;
            return k;
        }
    }

    /** A global of this execution, created by {@code make} on first use (e.g. {@code rtnl_mutex}). */
    @SuppressWarnings("unchecked")
    public <T> T global(String key, Supplier<T> make) {
        Object v = globals.get(key);
        if (v == null) {
            // Not computeIfAbsent: make() may itself create globals (a recursive update).
            Object made = make.get();
            Object raced = globals.putIfAbsent(key, made);
            v = raced == null ? made : raced;
        }
        return (T) v;
    }

    public Version version() {
        return version;
    }

    public void setVersion(Version v) {
        this.version = v;
    }

    /** Whether the v6.5 (May 2023) locking is modelled. */
    public boolean v65() {
        return version == Version.V6_5;
    }

    /** A boolean model option such as {@code rfc-phy-defer}. */
    public boolean option(String name) {
        return options.getOrDefault(name, Boolean.FALSE);
    }

    public void setOption(String name, boolean value) {
        options.put(name, value);
    }

    /** Restricts in-flight model checks to {@code names}; null enables all. */
    public void setChecks(Set<String> names) {
        this.checks = names == null ? null : Set.copyOf(names);
    }

    /** Whether the named model check is enabled in this execution. */
    public boolean checkEnabled(String name) {
        return checks == null || checks.contains(name);
    }

    public Phase phase() {
        return phase;
    }

    /** How many times each background context may start during the race (bounds self-re-arming work). */
    public void setRaceRunBudget(int runs) {
        this.raceRunBudget = runs;
    }

    /**
     * Ends setup: from now on only the listed contexts run. Pending items of other contexts are
     * cancelled (held back), which is a deterministic step of setup.
     */
    public void startRace(Set<String> contexts) {
        background = Set.copyOf(contexts);
        phase = Phase.RACE;
        for (WorkStruct w : works) {
            if (!background.contains(w.context())) {
                w.holdBack();
            } else {
                // Bounds self-re-arming work; the engine reports the exploration as bounded when it bites.
                w.work().maxRuns(w.runs() + raceRunBudget);
                w.resumeHeldBack();
            }
        }
    }

    /** Whether a work item of {@code context} may be queued now. */
    boolean admit(String context) {
        if (phase == Phase.SETUP) {
            return true;
        }
        return background.contains(context);
    }

    void register(WorkStruct w) {
        works.add(w);
        if (phase == Phase.RACE) {
            w.work().maxRuns(raceRunBudget);
        }
    }
}
