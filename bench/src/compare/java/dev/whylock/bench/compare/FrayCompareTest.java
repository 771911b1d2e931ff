package dev.whylock.bench.compare;

import kotlin.Unit;
import org.junit.jupiter.api.Test;
import org.pastalab.fray.core.command.Configuration;
import org.pastalab.fray.core.observers.TimelineCoverageType;
import org.pastalab.fray.core.randomness.ControlledRandomProvider;
import org.pastalab.fray.core.scheduler.POSScheduler;
import org.pastalab.fray.junit.plain.FrayInTestLauncher;

/**
 * Fray 0.9.2 on the comparison programs, through fray-junit's in-test launcher (the same code path
 * as {@code @ConcurrencyTest}: POS scheduler, memory interleaving off, a fresh class loader per
 * iteration). Runs on Fray's instrumented JDK (prepare-fray).
 */
class FrayCompareTest {

    static final int BUG_BUDGET = 10_000;
    static final int FIXED_ITERATIONS = 1_000;

    @Test
    void allPrograms() {
        for (String name : Programs.NAMES) {
            measure(name, true, BUG_BUDGET, false);
            measure(name, false, FIXED_ITERATIONS, false);
        }
    }

    /**
     * The same with memory-access interleaving switched on. fray-junit 0.9.2 hard-codes it off and
     * offers no option, so the launcher's configuration hook sets the final field by reflection.
     */
    @Test
    void allProgramsWithMemoryInterleaving() {
        for (String name : Programs.NAMES) {
            measure(name, true, BUG_BUDGET, true);
            measure(name, false, FIXED_ITERATIONS, true);
        }
    }

    static void interleaveMemory(Configuration c) {
        try {
            java.lang.reflect.Field f = c.getExecutionInfo().getClass().getDeclaredField("interleaveMemoryOps");
            f.setAccessible(true);
            f.setBoolean(c.getExecutionInfo(), true);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot switch on Fray's memory interleaving", e);
        }
    }

    private static void measure(String name, boolean buggy, int iterations, boolean memory) {
        Configuration[] cfg = new Configuration[1];
        long t0 = System.nanoTime();
        Throwable bug = null;
        try {
            FrayInTestLauncher.INSTANCE.launchFray(() -> Programs.run(name, buggy), new POSScheduler(), new ControlledRandomProvider(),
                    iterations, 60, false, TimelineCoverageType.NONE, c -> {
                        cfg[0] = c;
                        if (memory) {
                            interleaveMemory(c);
                        }
                        return Unit.INSTANCE;
                    });
        } catch (Throwable t) {
            bug = t;
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long done = cfg[0] == null ? -1 : cfg[0].getCurrentIteration() + (bug == null ? 0 : 1);
        String found = bug == null ? "none" : bug.getClass().getSimpleName() + ": " + bug.getMessage();
        Results.record(memory ? "fray-memory" : "fray", name, buggy ? "buggy" : "fixed", found, done, ms,
                bug == null ? "no bug in " + done + " random (POS) iterations; no claim of absence"
                        + (memory && cfg[0] != null && !cfg[0].getExecutionInfo().getInterleaveMemoryOps() ? " (memory flag did not stick)" : "")
                        : "bug found");
    }
}
