package dev.whylock.cli;

import dev.whylock.engine.Program;
import dev.whylock.linux.model.Model;
import dev.whylock.linux.model.Scenario;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * A scenario ready to run: the model it runs on, the scenario, and where it came from.
 *
 * @param yaml the file's text for scenario files (a replay file embeds it), null for built-in ones
 */
record LoadedScenario(Model model, Scenario scenario, String yaml) implements Subject {

    boolean builtin() {
        return yaml == null;
    }

    @Override
    public String modelName() {
        return model.name();
    }

    @Override
    public String scenarioName() {
        return scenario.name();
    }

    @Override
    public Program program() {
        return model.program(scenario);
    }

    @Override
    public Set<String> unvalidatedLockClasses() {
        return Set.copyOf(model.unvalidatedLockClasses());
    }

    @Override
    public boolean isNewLock(String lock) {
        return LockNames.isNew(model, lock);
    }

    @Override
    public void describe(Map<String, String> h) {
        h.put("scenario-source", builtin() ? "builtin" : scenario.source());
        if (!builtin()) {
            h.put("scenario-yaml", Base64.getEncoder().encodeToString(yaml.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
