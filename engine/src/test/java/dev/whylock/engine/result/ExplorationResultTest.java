package dev.whylock.engine.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.ViolationKind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExplorationResultTest {

    static Violation v(ViolationKind k, String message) {
        return new Violation(k, message, "T0", new Trace(List.of(), 0, List.of("T0")), List.of(), 1);
    }

    static ExplorationResult result(List<Violation> vs) {
        return new ExplorationResult("p", "dpor", 0, true, 3, 0, 10, false, 1, StopReason.EXHAUSTED, List.of(), vs);
    }

    @Test
    void violations_anyOrder_damageFirstThenRacesThenAssertions() {
        Violation assertion = v(ViolationKind.ASSERTION, "assertion that L is held failed");
        Violation race = v(ViolationKind.DATA_RACE, "data-race in f / g on x (write / read)");
        Violation uaf = v(ViolationKind.USE_AFTER_FREE, "read of x after free");
        ExplorationResult r = result(List.of(assertion, race, uaf));
        assertEquals(List.of(uaf, race, assertion), r.violations());
    }

    @Test
    void withViolations_racesAddedOrIgnored_verdictFollows() {
        Violation race = v(ViolationKind.DATA_RACE, "data-race in f / g on x (write / read)");
        ExplorationResult clean = result(List.of());
        assertEquals("violation", clean.withViolations(List.of(race), Set.of()).verdict());
        assertEquals("no-violation", clean.withViolations(List.of(race), Set.of(ViolationKind.DATA_RACE)).verdict());
    }

    @Test
    void deadlockMessage_violation_carriesTheWaitsAsData() {
        Violation d = v(ViolationKind.DEADLOCK, "deadlock: every task is blocked; mac waits for rtnl_mutex in f, held by ip; "
                + "ip waits for task mac to finish");
        assertEquals(List.of(new Wait("mac", "waits for rtnl_mutex in f, held by ip"), new Wait("ip", "waits for task mac to finish")),
                d.waits());
        assertTrue(v(ViolationKind.WARNING, "x waits for y").waits().isEmpty(), "only deadlocks have waits");
    }
}
