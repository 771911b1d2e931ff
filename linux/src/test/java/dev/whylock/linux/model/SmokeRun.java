package dev.whylock.linux.model;

import dev.whylock.engine.LockExperiment;
import org.junit.jupiter.api.Test;

/** Prints the exploration of every built-in scenario (development aid; asserts nothing). */
class SmokeRun {
    @Test
    void run() {
        String only = System.getProperty("scn");
        String remove = System.getProperty("remove");
        for (String name : ScenarioLoader.builtinNames()) {
            if (only != null && !only.equals(name)) {
                continue;
            }
            Scenario s = ScenarioLoader.builtin(name);
            String model = System.getProperty("model");
            if (model != null) {
                s = s.withModel(model);
            }
            LockExperiment[] ex = remove == null ? new LockExperiment[0]
                    : new LockExperiment[] {LockExperiment.parse(LockExperiment.Kind.REMOVE, remove)};
            System.out.println(Explore.summary(Explore.dpor(s, Long.getLong("max", 3000), ex)));
        }
    }
}
