package dev.whylock.report;

import dev.whylock.engine.LockExperiment;

/** The run reports the tests render: each one built by exploring a small program with the engine. */
final class Runs {

    private Runs() {}

    /** lost-update with its lock removed: a BUG_ON fires after a lost increment. */
    static RunReport lostUpdateWithoutLock() {
        return RunReport.of("litmus", "lost-update", "untimed",
                        Programs.dpor(Programs.lostUpdate(), LockExperiment.remove("counter_lock")))
                .withReplayFile(0, ".whylock/lost-update-1.replay");
    }

    /** lost-update as written: no violation, exhaustively. */
    static RunReport lostUpdate() {
        return RunReport.of("litmus", "lost-update", "untimed", Programs.dpor(Programs.lostUpdate()));
    }

    /** AB-BA: two tasks take two locks in opposite orders and deadlock. */
    static RunReport abba() {
        return RunReport.of("litmus", "ab-ba", "untimed", Programs.dpor(Programs.abba()))
                .withReplayFile(0, ".whylock/ab-ba-1.replay");
    }
}
