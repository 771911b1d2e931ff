package dev.whylock.engine.search;

import dev.whylock.engine.Program;
import dev.whylock.engine.analysis.RaceDetector;
import dev.whylock.engine.exec.Execution;
import dev.whylock.engine.exec.ExecutionOutcome;
import dev.whylock.engine.exec.RawViolation;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.ReplayFile;
import dev.whylock.engine.result.Trace;
import dev.whylock.engine.result.Violation;
import java.util.ArrayList;
import java.util.List;

/** Re-runs a saved counterexample and checks, step by step, that it does what was recorded: the one replay verifier. */
public final class Replayer {

    /**
     * The replayed execution: its whole trace, the violations it hit (data races included), and the
     * first step that differs from the file ({@code -1} when every recorded step was reproduced).
     * {@code error} is set when the schedule itself could not be followed.
     */
    public record Outcome(Trace trace, List<Violation> violations, int divergence, String error) {

        public Outcome {
            violations = List.copyOf(violations);
        }

        /** Whether the schedule was followed and every recorded step was reproduced. */
        public boolean followed() {
            return error == null && divergence < 0;
        }

        /** Whether the steps were reproduced and the violation with key {@code key} ({@link Violation#key()}) happened. */
        public boolean reproduced(String key) {
            return followed() && violations.stream().anyMatch(v -> v.key().equals(key));
        }
    }

    private Replayer() {}

    public static Outcome replay(Program program, RunConfig run, ReplayFile file) {
        Replay strategy = new Replay(file.decisions());
        strategy.beginExecution();
        ExecutionOutcome o;
        try {
            o = new Execution(program, run, strategy).run();
        } catch (Replay.DivergenceException e) {
            return new Outcome(new Trace(List.of(), 0, List.of()), List.of(), -2, e.getMessage());
        }
        Trace trace = TraceBuilder.build(o, o.log().size());
        Trace prefix = TraceBuilder.build(o, Math.min(o.log().size(), file.steps().size()));
        List<Violation> violations = new ArrayList<>();
        for (RawViolation rv : o.violations()) {
            violations.add(new Violation(rv.kind(), rv.message(), rv.task() >= 0 ? o.taskNames().get(rv.task()) : null,
                    TraceBuilder.build(o, rv.steps()), o.decisions(), 1, rv.waits(), rv.afterFailure()));
        }
        RaceDetector races = new RaceDetector();
        races.onExecution(o);
        violations.addAll(races.result().violations());
        return new Outcome(trace, violations, file.firstDivergence(prefix), null);
    }
}
