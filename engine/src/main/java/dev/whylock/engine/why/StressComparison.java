package dev.whylock.engine.why;

import dev.whylock.engine.LockExperiment;

/**
 * "Run it and see" next to systematic exploration, for one necessary verdict: stress runs and
 * failures versus the DPOR executions needed to reach the first counterexample.
 *
 * @param scenario                      the scenario that broke
 * @param experiment                    the removal experiment
 * @param stress                        the stress runner's counts
 * @param dporExecutionsToCounterexample the (1-based) DPOR execution that first hit the damage
 */
public record StressComparison(String scenario, LockExperiment experiment, StressCounts stress, long dporExecutionsToCounterexample) {}
