package dev.whylock.linux.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario: setup ops run in order on {@code main}, then threads that run concurrently, the
 * background contexts that may run, and the checks to apply.
 *
 * @param model the model name, e.g. {@code sfp-v5.14}
 * @param name the scenario name
 * @param setup ops run single-threaded before the race
 * @param threads thread name → ops, in file order
 * @param background kernel contexts that may run during the race when pending; work of any other
 *        context queued during the race is held back (it does not run, and a flush of it returns at
 *        once), as if that kernel thread was not scheduled before the race window closed. Every
 *        context runs during setup (periodic polls excepted) when main waits, e.g. in {@code settle}
 * @param check invariant names to check; {@code ["all"]} for every one
 * @param source where the scenario came from (file path or {@code builtin:NAME})
 * @param workRuns how many more times each work item of a listed background context may start
 *        during the race ({@code bounds: {work_runs: N}}); it bounds work that re-arms itself, and an
 *        exploration that this bound cuts is reported as bounded, not exhaustive
 * @param timing the timing mode the scenario was written for ({@code timing:}: one of
 *        {@link #TIMINGS}), or null when it does not say (it then runs in whatever mode is asked for,
 *        untimed by default)
 */
public record Scenario(String model, String name, List<OpCall> setup, Map<String, List<OpCall>> threads,
        List<String> background, List<String> check, String source, int workRuns, String timing) {

    /** The work-run bound when a scenario sets none. */
    public static final int DEFAULT_WORK_RUNS = 4;

    /**
     * The timing modes a scenario may ask for: untimed (a pending timer may fire at any later point),
     * ordered (timers fire in deadline order), timed (virtual time advances only by declared durations).
     */
    public static final List<String> TIMINGS = List.of("untimed", "ordered", "timed");

    /** A scenario with the default work-run bound and no timing of its own. */
    public Scenario(String model, String name, List<OpCall> setup, Map<String, List<OpCall>> threads,
            List<String> background, List<String> check, String source) {
        this(model, name, setup, threads, background, check, source, DEFAULT_WORK_RUNS, null);
    }

    public Scenario {
        if (workRuns < 1) {
            throw new IllegalArgumentException("work_runs must be at least 1, got " + workRuns);
        }
        if (timing != null && !TIMINGS.contains(timing)) {
            throw new IllegalArgumentException("timing must be one of " + TIMINGS + ", got " + timing);
        }
        setup = List.copyOf(setup);
        Map<String, List<OpCall>> t = new LinkedHashMap<>();
        threads.forEach((k, v) -> t.put(k, List.copyOf(v)));
        threads = java.util.Collections.unmodifiableMap(t);
        background = List.copyOf(background);
        check = List.copyOf(check);
    }

    /** Whether every invariant is checked. */
    public boolean checksAll() {
        return check.isEmpty() || check.contains("all");
    }

    /** The same scenario for another model (the CLI's {@code --model} override). */
    public Scenario withModel(String otherModel) {
        return new Scenario(otherModel, name, setup, threads, background, check, source, workRuns, timing);
    }

    /** The same scenario with another work-run bound (the CLI's {@code --work-runs}). */
    public Scenario withWorkRuns(int runs) {
        return new Scenario(model, name, setup, threads, background, check, source, runs, timing);
    }

    /** The same scenario written for another timing mode (one of {@link #TIMINGS}, or null for none). */
    public Scenario withTiming(String mode) {
        return new Scenario(model, name, setup, threads, background, check, source, workRuns, mode);
    }

    /** Whether the scenario runs in timing mode {@code mode}: it names that mode, or none. */
    public boolean runsIn(String mode) {
        return timing == null || timing.equals(mode);
    }

    /**
     * The same scenario with model option {@code option} turned on first in setup, named
     * {@code NAME+OPTION}: how a design (see {@link Design}) is explored on an existing scenario.
     */
    public Scenario withOption(String option) {
        List<OpCall> s = new java.util.ArrayList<>();
        s.add(OpCall.of("model_option", Map.of("name", option)));
        s.addAll(setup);
        return new Scenario(model, name + "+" + option, s, threads, background, check, source, workRuns, timing);
    }

    /** The model options this scenario turns on in setup, in order. */
    public List<String> options() {
        return setup.stream().filter(o -> o.op().equals("model_option")).map(o -> o.args().get("name")).toList();
    }
}
