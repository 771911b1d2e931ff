package dev.whylock.engine.exec;

import dev.whylock.engine.LockExperiment;
import java.util.List;

/**
 * How to run each execution: backend, timing mode, lock experiments, the step bound, and a
 * heartbeat called every {@link Heartbeat#EVERY} steps that can stop an execution in the middle
 * (time limit, Ctrl-C) and report progress inside long executions.
 */
public record RunConfig(Backend backend, Timing timing, List<LockExperiment> experiments, int maxSteps, Heartbeat heartbeat) {

    /** Called from inside an execution every {@link #EVERY} steps. */
    @FunctionalInterface
    public interface Heartbeat {
        int EVERY = 1024;

        /** Told how many steps the current execution has run; returns true to stop it (status INTERRUPTED). */
        boolean beat(long steps);

        Heartbeat NONE = steps -> false;
    }

    /** When timers may fire. */
    public enum Timing {
        /** An armed timer or queued work may start at any later step. */
        UNTIMED,
        /** Timers start in deadline order. */
        ORDERED,
        /**
         * Virtual time advances only through declared durations (timer delays, sleeps) when nothing
         * can run at the current time; a timer starts once time has reached its deadline.
         */
        TIMED
    }

    public RunConfig {
        experiments = List.copyOf(experiments);
        if (maxSteps <= 0) {
            throw new IllegalArgumentException("maxSteps must be positive");
        }
    }

    public RunConfig(Backend backend, Timing timing, List<LockExperiment> experiments, int maxSteps) {
        this(backend, timing, experiments, maxSteps, Heartbeat.NONE);
    }

    public static RunConfig defaults() {
        return new RunConfig(Backend.best(), Timing.UNTIMED, List.of(), 100_000, Heartbeat.NONE);
    }

    public RunConfig withExperiments(List<LockExperiment> ex) {
        return new RunConfig(backend, timing, ex, maxSteps, heartbeat);
    }

    public RunConfig withTiming(Timing t) {
        return new RunConfig(backend, t, experiments, maxSteps, heartbeat);
    }

    public RunConfig withBackend(Backend b) {
        return new RunConfig(b, timing, experiments, maxSteps, heartbeat);
    }

    public RunConfig withMaxSteps(int n) {
        return new RunConfig(backend, timing, experiments, n, heartbeat);
    }

    public RunConfig withHeartbeat(Heartbeat h) {
        return new RunConfig(backend, timing, experiments, maxSteps, h);
    }
}
