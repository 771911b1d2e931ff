package dev.whylock.engine.why;

import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.Program;
import java.util.List;

/** Runs a program many times on real threads without control, as a stress test would. */
@FunctionalInterface
public interface StressRunner {

    /** Runs {@code program} {@code runs} times under {@code experiments} and counts the failing runs. */
    StressCounts run(Program program, List<LockExperiment> experiments, long runs);
}
