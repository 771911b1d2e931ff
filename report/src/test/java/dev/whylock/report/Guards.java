package dev.whylock.report;

import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.result.Violation;
import java.util.List;

/**
 * @GuardedBy checks for the renderer tests. The report module cannot run a Java program (the CLI
 * converts the jvm module's check), so these are written by hand, in the shape the CLI saves, around
 * a counterexample the engine really found: racy-stats' unlocked write, as an access that broke an
 * annotation naming stats_lock. Together they hold every verdict and suggestion status.
 */
final class Guards {

    private Guards() {}

    /** racy-stats' data race as the breach of @GuardedBy("stats_lock") on dev->stats, the way the checker words it. */
    static Violation breach() {
        Violation race = Runs.dataRace().violations().get(0);
        return new Violation(ViolationKind.ASSERTION, "@GuardedBy(\"stats_lock\") on dev->stats: written in stats_update without stats_lock",
                race.task(), race.trace(), race.decisions(), race.execution());
    }

    /** Held, broken, never accessed and unchecked annotations; a suggestion of each status. */
    static GuardedByCheck everyKind() {
        return new GuardedByCheck(2, true, List.of(
                new GuardedByCheck.Guard("dev->stats", "stats_lock", "stats_lock", null, 2,
                        List.of(new GuardedByCheck.Breach("stats_update", true, breach()))),
                new GuardedByCheck.Guard("dev->refcount", "dev_lock", "dev_lock", null, 1_204, List.of()),
                new GuardedByCheck.Guard("dev->name", "this", "dev.this", null, 0, List.of()),
                new GuardedByCheck.Guard("dev->flags", "flagsLock()", null,
                        "cannot check: 'flagsLock()' names a method; whylock follows locks held in fields", 0, List.of())),
                List.of(
                        new GuardedByCheck.Suggestion("dev->count", GuardedByCheck.Status.SUGGESTED, List.of("Dev.lock"), "Dev.lock", "lock",
                                "com.google.errorprone.annotations.concurrent.GuardedBy", null),
                        new GuardedByCheck.Suggestion("dev->refcount", GuardedByCheck.Status.ALREADY_ANNOTATED, List.of("dev_lock"), "dev_lock",
                                null, "javax.annotation.concurrent.GuardedBy", null),
                        new GuardedByCheck.Suggestion("dev->state", GuardedByCheck.Status.ANNOTATED_DIFFERENTLY, List.of("Dev.stateLock"),
                                "Dev.stateLock", "stateLock", "net.jcip.annotations.GuardedBy",
                                "annotated @GuardedBy(\"this\"), but Dev.this was not held at every access; held at every access: Dev.stateLock"),
                        new GuardedByCheck.Suggestion("dev->queue", GuardedByCheck.Status.CANNOT_NAME, List.of("Worker.lock"), "Worker.lock",
                                null, "com.google.errorprone.annotations.concurrent.GuardedBy",
                                "guarded by Worker.lock, which no @GuardedBy expression on Dev can name (a lock in a local variable or in "
                                        + "another object)")));
    }

    /** A program with no annotation and nothing to suggest, cut short. */
    static GuardedByCheck nothing() {
        return new GuardedByCheck(1_500, false, List.of(), List.of());
    }
}
