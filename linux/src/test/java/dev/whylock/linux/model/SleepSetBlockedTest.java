package dev.whylock.linux.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.result.ExplorationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * DPOR wastes no execution on the kernel model: over every built-in scenario (each in its own
 * model), as written and with rtnl_mutex removed everywhere, the executions abandoned by their
 * sleep set are pinned: none, with the default search (wakeup trees; issue 16). Source sets
 * ({@code StrategySpec.dpor(false)}) abandon one (dpaa2-mac-lock-disconnect-vs-ethtool-and-stop
 * without rtnl: a task whose next step nothing else touches stays asleep through a sibling
 * branch's whole subtree and is at the end the only task left). The complete executions per
 * scenario are pinned elsewhere (ScenarioVerdictTest, TimedVersusUntimedTest); this pins the
 * abandoned ones.
 */
class SleepSetBlockedTest {

    /** Scenario runs that still abandon executions, with how many: none. */
    private static final Map<String, Long> EXPECTED_BLOCKED = Map.of();

    @Test
    void everyBuiltinScenario_withAndWithoutRtnl_abandonsOnlyThePinnedExecutions() {
        Map<String, Long> blocked = new TreeMap<>();
        List<String> runs = new ArrayList<>();
        for (String name : ScenarioLoader.builtinNames()) {
            Scenario s = ScenarioLoader.builtin(name);
            for (boolean removed : List.of(false, true)) {
                LockExperiment[] ex = removed
                        ? new LockExperiment[] {LockExperiment.parse(LockExperiment.Kind.REMOVE, "rtnl_mutex")}
                        : new LockExperiment[0];
                ExplorationResult r = Explore.dpor(s, 20_000, ex);
                String key = s.model() + " " + name + (removed ? " -rtnl" : "");
                runs.add(key + ": " + r.executions() + " executions, " + r.blocked() + " blocked");
                if (r.blocked() > 0) {
                    blocked.put(key, r.blocked());
                }
            }
        }
        System.out.println(String.join("\n", runs));
        assertEquals(EXPECTED_BLOCKED, blocked, String.join("\n", runs));
    }
}
