package dev.whylock.engine.search;

import dev.whylock.engine.Program;
import dev.whylock.engine.exec.Execution;
import dev.whylock.engine.exec.ExecutionOutcome;
import dev.whylock.engine.exec.RawViolation;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.ReplayFile;
import dev.whylock.engine.result.Trace;
import java.util.List;

/** Re-runs a saved counterexample and checks, step by step, that it does what was recorded. */
public final class Replayer {

    /**
     * The replayed execution: its trace, the violations it hit, and the first step that differs
     * from the file ({@code -1} when every recorded step was reproduced). {@code error} is set when
     * the schedule itself could not be followed.
     */
    public record Outcome(Trace trace, List<RawViolation> violations, int divergence, String error) {

        public boolean reproduced() {
            return error == null && divergence < 0;
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
        int steps = Math.min(o.log().size(), Math.max(file.steps().size(), 0));
        Trace trace = TraceBuilder.build(o, o.log().size());
        Trace prefix = TraceBuilder.build(o, steps);
        return new Outcome(trace, o.violations(), file.firstDivergence(prefix), null);
    }
}
