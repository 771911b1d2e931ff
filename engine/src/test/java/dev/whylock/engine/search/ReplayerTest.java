package dev.whylock.engine.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.Field;
import dev.whylock.engine.Program;
import dev.whylock.engine.Task;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.result.ReplayFile;
import dev.whylock.engine.result.Violation;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayerTest {

    static Program lostUpdate(String writeSite) {
        return Litmus.program("lost-update", env -> {
            Field<Integer> counter = env.field("counter", 0);
            Runnable inc = () -> {
                int v = counter.get("inc");
                counter.set(v + 1, writeSite);
            };
            Task a = env.spawn("A", inc);
            Task b = env.spawn("B", inc);
            env.join(a);
            env.join(b);
            env.bugOn(counter.get("check") != 2, "lost update");
        });
    }

    static ReplayFile counterexample() throws Exception {
        ExplorationResult r = Explorer.explore(lostUpdate("inc"), SearchConfig.of(StrategySpec.dpor()));
        Violation v = r.violations().get(0);
        return ReplayFile.parse(ReplayFile.of(Map.of("program", "lost-update"), v).text());
    }

    private static String counterexampleKey() {
        return Explorer.explore(lostUpdate("inc"), SearchConfig.of(StrategySpec.dpor())).violations().get(0).key();
    }

    @Test
    void replay_ofTheSameProgram_reproducesEveryStepAndTheViolation() throws Exception {
        ReplayFile f = counterexample();
        Replayer.Outcome o = Replayer.replay(lostUpdate("inc"), RunConfig.defaults(), f);
        assertTrue(o.reproduced(counterexampleKey()));
        assertEquals("lost update", o.violations().get(0).message().replace("BUG_ON: ", ""));
    }

    @Test
    void replay_ofAChangedProgram_divergesAtTheFirstDifferentStep() throws Exception {
        ReplayFile f = counterexample();
        Replayer.Outcome o = Replayer.replay(lostUpdate("inc_renamed"), RunConfig.defaults(), f);
        int expected = -1;
        for (int i = 0; i < f.steps().size(); i++) {
            if (f.steps().get(i).endsWith("|write|counter|inc")) {
                expected = i;
                break;
            }
        }
        assertEquals(expected, o.divergence());
    }

    @Test
    void parse_truncatedFile_isRejected() throws Exception {
        String text = counterexample().text();
        String truncated = text.substring(0, text.indexOf("end"));
        ReplayFile.FormatException e = assertThrows(ReplayFile.FormatException.class, () -> ReplayFile.parse(truncated));
        assertTrue(e.getMessage().contains("truncated"));
        assertThrows(ReplayFile.FormatException.class, () -> ReplayFile.parse("whylock-replay 99\nend\n"));
        assertThrows(ReplayFile.FormatException.class, () -> ReplayFile.parse("hello"));
    }
}
