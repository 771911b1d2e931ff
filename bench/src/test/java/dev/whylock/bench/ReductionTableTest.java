package dev.whylock.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.Program;
import dev.whylock.engine.search.Ticker;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import java.util.stream.Stream;

/** Pins the reduction table's claim: DPOR runs exactly one execution per Mazurkiewicz trace. */
class ReductionTableTest {

    @TestFactory
    Stream<DynamicTest> dpor_runsExactlyOneExecutionPerTrace() {
        return ReductionTable.programs(false).stream().map(p -> DynamicTest.dynamicTest(p.name(), () -> check(p)));
    }

    private static void check(Program p) {
        ReductionTable.Row r = ReductionTable.measure(p, Ticker.FROZEN);
        assertTrue(r.bruteExhaustive() && r.dporExhaustive(), "both searches must exhaust the program");
        assertEquals(r.bruteTraces(), r.dporTraces(), "DPOR must cover every trace");
        assertEquals(r.traces(), r.dporExecutions(), "one DPOR execution per trace");
        assertEquals(r.bruteViolations(), r.dporViolations(), "DPOR must find what brute force finds");
    }

    @org.junit.jupiter.api.Test
    void independentTasks_haveOneTrace_andBinomialInterleavings() {
        ReductionTable.Row r = ReductionTable.measure(LitmusPrograms.independent(4), Ticker.FROZEN);
        assertEquals(70, r.interleavings());
        assertEquals(1, r.traces());
        assertEquals(1, r.dporExecutions());
    }

    @org.junit.jupiter.api.Test
    void lockOnce4_hasFactorialTraces() {
        assertEquals(24, ReductionTable.measure(LitmusPrograms.lockOnce(4), Ticker.FROZEN).traces());
    }
}
