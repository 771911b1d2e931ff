package dev.whylock.jvm;

import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.result.Violation;
import dev.whylock.jvm.rt.NotControlled;
import dev.whylock.jvm.rt.Notes;
import java.util.List;

/**
 * An exploration of a Java program with what it could not control: executions that a call
 * whylock does not model stopped are not counterexamples (their stop and what followed from it are
 * dropped), and anything not controlled or not reset turns "exhaustive" off.
 *
 * @param notControlled what ran outside the scheduler's control, with where
 * @param notReset      JDK-wide state the program changed, which the next execution did not start from scratch
 */
public record JavaResult(ExplorationResult result, List<String> notControlled, List<String> notReset) {

    public JavaResult {
        notControlled = List.copyOf(notControlled);
        notReset = List.copyOf(notReset);
    }

    public static JavaResult of(ExplorationResult r, Notes notes) {
        boolean stopped = r.violations().stream().anyMatch(JavaResult::stoppedByWhylock);
        List<Violation> kept = r.violations().stream()
                .filter(v -> !stoppedByWhylock(v) && !(stopped && v.afterFailure())).toList();
        boolean exhaustive = r.exhaustive() && notes.isEmpty();
        ExplorationResult out = new ExplorationResult(r.program(), r.strategy(), r.seed(), exhaustive, r.executions(), r.blocked(),
                r.steps(), r.bounded(), r.elapsedMillis(), r.stopReason(), r.experiments(), kept);
        return new JavaResult(out, notes.notControlled(), notes.notReset());
    }

    /** A task whylock itself stopped at a call it does not model: not a failure of the program. */
    static boolean stoppedByWhylock(Violation v) {
        return v.message().contains(NotControlled.class.getName());
    }
}
