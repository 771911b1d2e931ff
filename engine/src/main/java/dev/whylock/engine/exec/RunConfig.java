package dev.whylock.engine.exec;

import dev.whylock.engine.LockExperiment;
import java.util.List;

/** How to run each execution: backend, timing mode, lock experiments and the step bound. */
public record RunConfig(Backend backend, Timing timing, List<LockExperiment> experiments, int maxSteps) {

    /** When timers may fire. */
    public enum Timing {
        /** An armed timer or queued work may start at any later step. */
        UNTIMED,
        /** Timers start in deadline order. */
        ORDERED
    }

    public RunConfig {
        experiments = List.copyOf(experiments);
        if (maxSteps <= 0) {
            throw new IllegalArgumentException("maxSteps must be positive");
        }
    }

    public static RunConfig defaults() {
        return new RunConfig(Backend.best(), Timing.UNTIMED, List.of(), 100_000);
    }

    public RunConfig withExperiments(List<LockExperiment> ex) {
        return new RunConfig(backend, timing, ex, maxSteps);
    }

    public RunConfig withTiming(Timing t) {
        return new RunConfig(backend, t, experiments, maxSteps);
    }

    public RunConfig withBackend(Backend b) {
        return new RunConfig(b, timing, experiments, maxSteps);
    }

    public RunConfig withMaxSteps(int n) {
        return new RunConfig(backend, timing, experiments, n);
    }
}
