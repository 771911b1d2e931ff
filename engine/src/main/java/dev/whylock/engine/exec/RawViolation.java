package dev.whylock.engine.exec;

import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.result.Wait;
import java.util.List;

/**
 * A violation as detected inside one execution: {@code steps} is how many logged operations lead to
 * it; {@code afterFailure} when it happened causally after a task of the same execution was killed
 * by an earlier violation (it may be a consequence of that failure: a lock the dead task still
 * holds, state it left half-updated); for a deadlock, what each blocked task waits for.
 */
public record RawViolation(ViolationKind kind, String message, int task, int steps, boolean afterFailure, List<Wait> waits) {

    public RawViolation {
        waits = List.copyOf(waits);
    }

    RawViolation markedAfterFailure() {
        return new RawViolation(kind, message, task, steps, true, waits);
    }
}
