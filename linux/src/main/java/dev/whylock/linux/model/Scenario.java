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
 */
public record Scenario(String model, String name, List<OpCall> setup, Map<String, List<OpCall>> threads,
        List<String> background, List<String> check, String source) {

    public Scenario {
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
        return new Scenario(otherModel, name, setup, threads, background, check, source);
    }
}
