package dev.whylock.report;

import dev.whylock.engine.LockExperiment;

/** The run reports the tests render: each one built by exploring a small program with the engine. */
final class Runs {

    private Runs() {}

    /** lost-update with its lock removed: a BUG_ON fires after a lost increment, and the counter races. */
    static RunReport lostUpdateWithoutLock() {
        return Programs.report("lost-update", Programs.lostUpdate(), LockExperiment.remove("counter_lock"))
                .withReplayFile(0, ".whylock/lost-update-1.replay");
    }

    /** lost-update as written: no violation, exhaustively; counter_lock protects counter. */
    static RunReport lostUpdate() {
        return Programs.report("lost-update", Programs.lostUpdate());
    }

    /** AB-BA: two tasks take two locks in opposite orders and deadlock. */
    static RunReport abba() {
        return Programs.report("ab-ba", Programs.abba()).withReplayFile(0, ".whylock/ab-ba-1.replay");
    }

    /** A long trace: only the steps around the first preemption are shown in text, the rest folds away in HTML. */
    static RunReport longSetup() {
        return RunReport.of("litmus", "lost-update-after-setup", "untimed", Programs.dpor(Programs.lostUpdateAfterSetup()))
                .withReplayFile(0, ".whylock/lost-update-after-setup-1.replay");
    }

    /** A data race and nothing else: the verdict says DATA RACE. */
    static RunReport dataRace() {
        return Programs.report("racy-stats", Programs.racyStats()).withReplayFile(0, ".whylock/racy-stats-1.replay");
    }

    /** The timed mode: every step carries its virtual time, and the clock's steps cross the columns. */
    static RunReport timedWindow() {
        return Programs.report("timeout-vs-held-lock", Programs.timeoutVersusHeldLock(), dev.whylock.engine.exec.RunConfig.Timing.TIMED)
                .withReplayFile(0, ".whylock/timeout-vs-held-lock-1.replay");
    }

    /** A run without the analyses, as {@code explore} prints it without {@code --analyses}. */
    static RunReport abbaPlain() {
        return RunReport.of("litmus", "ab-ba", "untimed", Programs.dpor(Programs.abba()));
    }
}
