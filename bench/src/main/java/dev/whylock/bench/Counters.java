package dev.whylock.bench;

import dev.whylock.engine.result.ExplorationResult;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH secondary results: executions and scheduled operations (one scheduling decision each) per
 * second, next to the invocations per second of the benchmark itself.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class Counters {

    /** Executions run to their end plus executions abandoned by sleep sets. */
    public long executions;

    /** Visible operations scheduled, summed over all executions: one scheduling decision each. */
    public long operations;

    @Setup(Level.Iteration)
    public void reset() {
        executions = 0;
        operations = 0;
    }

    void add(ExplorationResult r) {
        executions += r.executions() + r.blocked();
        operations += r.steps();
    }
}
