package dev.whylock.junitexamples;

import dev.whylock.junit.WhylockTest;

/** The test of {@link LostUpdateCase} again, replaying the counterexample its failure wrote (as a developer would, to debug it). */
public class ReplayCase extends LostUpdateCase {

    @Override
    @WhylockTest(replay = "target/whylock/dev.whylock.junitexamples.LostUpdateCase.twoThreadsIncrement.replay")
    protected void twoThreadsIncrement() throws InterruptedException {
        super.twoThreadsIncrement();
    }
}
