package dev.whylock.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.search.StrategySpec;
import jvmtest.InterruptedWaits;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Thread.interrupt ends the JDK's interruptible waits in compiled Java as it does in the engine's
 * own primitives (join, a latch's await, a future's get): in every interleaving the waiter leaves
 * with InterruptedException, so the exploration is exhaustive and finds nothing. DPOR counts pinned.
 */
class JavaInterruptTest {

    @ParameterizedTest
    @CsvSource({"joinInterrupted, 1", "latchInterrupted, 1", "futureGetInterrupted, 1"})
    void interruptibleWait_isEndedByTheInterruptInEveryInterleaving(String method, long executions) {
        JavaResult r = Explore.run(InterruptedWaits.class, method, StrategySpec.dpor(), RunConfig.defaults(), false);
        // The program's threads are the engine's tasks (classes under dev.whylock.jvm are shared and
        // never rewritten, so the program lives in package jvmtest; there it once ran uncontrolled).
        assertTrue(r.result().steps() > 0, method + ": nothing ran under control");
        assertTrue(r.result().violations().isEmpty(), method + ": " + r.result().violations());
        assertTrue(r.result().exhaustive(), method + " not exhaustive: " + r.notControlled());
        // One: a wait that blocks is not an executed step, so interrupting before or during it is one trace.
        assertEquals(executions, r.result().executions(), method);
    }
}
