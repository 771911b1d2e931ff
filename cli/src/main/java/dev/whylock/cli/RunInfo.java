package dev.whylock.cli;

import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.exec.RunConfig;
import java.util.List;

/**
 * What was run, as reports and replay files name it.
 *
 * @param scenario the loaded scenario and its model
 * @param experiments the lock experiments
 * @param timing the timing mode
 * @param strategy the strategy as given on the command line
 */
record RunInfo(LoadedScenario scenario, List<LockExperiment> experiments, RunConfig.Timing timing, String strategy) {

    RunInfo {
        experiments = List.copyOf(experiments);
    }

    String modelName() {
        return scenario.model().name();
    }

    String scenarioName() {
        return scenario.scenario().name();
    }

    /** The run configuration every execution of this run uses. */
    RunConfig runConfig() {
        return RunConfig.defaults().withTiming(timing).withExperiments(experiments);
    }

    /** For file names: the scenario and the experiments, in characters every file system accepts. */
    String slug() {
        StringBuilder b = new StringBuilder(scenarioName());
        for (LockExperiment e : experiments) {
            b.append('.').append(e.kind() == LockExperiment.Kind.REMOVE ? "remove-" : "replace-").append(e.spec());
        }
        String s = b.toString().replace("->", "_").replaceAll("[^A-Za-z0-9._-]+", "_");
        return s.length() > 120 ? s.substring(0, 120) : s;
    }
}
