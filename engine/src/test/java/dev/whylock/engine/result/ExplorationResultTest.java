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
    void deadlock_violation_carriesTheWaitsAsData() {
        dev.whylock.engine.Program p = new dev.whylock.engine.Program() {
            @Override
            public String name() {
                return "ab-ba";
            }

            @Override
            public void run(dev.whylock.engine.Env env) {
                dev.whylock.engine.Mutex a = env.mutex("A");
                dev.whylock.engine.Mutex b = env.mutex("B");
                env.spawn("T0", () -> {
                    a.lock("f");
                    b.lock("f");
                    b.unlock("f");
                    a.unlock("f");
                });
                env.spawn("T1", () -> {
                    b.lock("g");
                    a.lock("g");
                    a.unlock("g");
                    b.unlock("g");
                });
            }
        };
        ExplorationResult r = dev.whylock.engine.search.Explorer.explore(p,
                dev.whylock.engine.search.SearchConfig.of(dev.whylock.engine.search.StrategySpec.dpor()));
        Violation d = r.violations().stream().filter(x -> x.kind() == ViolationKind.DEADLOCK).findFirst().orElseThrow();
        assertEquals(List.of(new Wait("T0", "waits for B in f, held by T1 (taken in g)"), new Wait("T1", "waits for A in g, held by T0 (taken in f)")),
                d.waits());
        assertTrue(v(ViolationKind.WARNING, "x waits for y").waits().isEmpty(), "only deadlocks have waits");
    }
}
