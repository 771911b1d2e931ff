package dev.whylock.linux.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.result.Violation;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Issue 13: every built-in scenario of both models explored untimed and timed, the kinds of
 * violation found (data races included) and the executions pinned as data
 * (timed-vs-untimed.psv, recorded with bench TimedScenarioTable). docs/timed.md explains each row
 * where the timed kinds differ from the untimed ones.
 */
class TimedVersusUntimedTest {

    /** The bound of the recorded table (bench TimedScenarioTable): no scenario comes near it. */
    private static final long BOUND = 100_000;

    /** {@code clean}, or the kinds found in the bench table's words, e.g. {@code data-race, invariant (after a failure)}. */
    static String kinds(ExplorationResult r) {
        Set<String> k = new TreeSet<>();
        for (Violation v : r.violations()) {
            k.add(v.kind().key() + (v.afterFailure() ? " (after a failure)" : ""));
        }
        return k.isEmpty() ? "clean" : String.join(", ", k);
    }

    private static void check(String what, ExplorationResult r, String kinds, long executions, String bound) {
        String summary = what + ": " + Explore.summary(r);
        assertEquals(kinds, kinds(r), summary);
        assertEquals(executions, r.executions(), summary);
        assertEquals(bound, r.bounded() ? "bounded" : r.exhaustive() ? "exhaustive" : "stopped", summary);
    }

    @ParameterizedTest(name = "{0} {1}: untimed {2}, timed {5}")
    @CsvFileSource(resources = "timed-vs-untimed.psv", delimiter = '|')
    void builtin_untimedAndTimed_findWhatTheTableRecords(String model, String scenario, String untimedKinds, long untimedExecutions,
            String untimedBound, String timedKinds, long timedExecutions, String timedBound) {
        Scenario s = ScenarioLoader.builtin(scenario).withModel(model);
        check("untimed", Explore.withAnalyses(s, RunConfig.Timing.UNTIMED, BOUND), untimedKinds, untimedExecutions, untimedBound);
        check("timed", Explore.withAnalyses(s, RunConfig.Timing.TIMED, BOUND), timedKinds, timedExecutions, timedBound);
    }
}
