package dev.whylock.cli;

import dev.whylock.linux.model.Model;
import dev.whylock.linux.model.Scenario;

/**
 * A scenario ready to run: the model it runs on, the scenario, and where it came from.
 *
 * @param yaml the file's text for scenario files (a replay file embeds it), null for built-in ones
 */
record LoadedScenario(Model model, Scenario scenario, String yaml) {

    boolean builtin() {
        return yaml == null;
    }
}
