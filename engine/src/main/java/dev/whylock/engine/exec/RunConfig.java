package dev.whylock.engine.exec;

import dev.whylock.engine.LockExperiment;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * How to run each execution: backend, timing mode, lock experiments, the step bound, and a check
 * polled every few hundred steps that stops an execution in the middle (time limit, Ctrl-C).
 */
public record RunConfig(Backend backend, Timing timing, List<LockExperiment> experiments, int maxSteps, BooleanSupplier interrupt) {

    /** When timers may fire. */
    public enum Timing {
        /** An armed timer or queued work may start at any later step. */
        UNTIMED,
        /** Timers start in deadline order. */
        ORDERED
    }

    private static final BooleanSupplier NEVER = () -> false;

    public RunConfig {
        experiments = List.copyOf(experiments);
        if (maxSteps <= 0) {
            throw new IllegalArgumentException("maxSteps must be positive");
        }
    }

    public RunConfig(Backend backend, Timing timing, List<LockExperiment> experiments, int maxSteps) {
        this(backend, timing, experiments, maxSteps, NEVER);
    }

    public static RunConfig defaults() {
        return new RunConfig(Backend.best(), Timing.UNTIMED, List.of(), 100_000, NEVER);
    }

    public RunConfig withExperiments(List<LockExperiment> ex) {
        return new RunConfig(backend, timing, ex, maxSteps, interrupt);
    }

    public RunConfig withTiming(Timing t) {
        return new RunConfig(backend, t, experiments, maxSteps, interrupt);
    }

    public RunConfig withBackend(Backend b) {
        return new RunConfig(b, timing, experiments, maxSteps, interrupt);
    }

    public RunConfig withMaxSteps(int n) {
        return new RunConfig(backend, timing, experiments, n, interrupt);
    }

    public RunConfig withInterrupt(BooleanSupplier i) {
        return new RunConfig(backend, timing, experiments, maxSteps, i);
    }
}
