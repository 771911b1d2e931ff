package dev.whylock.linux.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.analysis.CriticalSection;
import dev.whylock.engine.analysis.CriticalSectionCollector;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The entry points a model declares for its question (phylink_create and phylink_destroy for rtnl)
 * really take the lock in the sites it names: in every scenario of the lock inquiry (the design
 * variants, which change the locking on purpose, aside) where a thread runs the
 * entry point, that thread's task holds the lock at each declared site.
 */
class EntryPointsTest {

    @Test
    void declaredEntryPoints_inTheBuiltinScenarios_takeTheLockAtTheDeclaredSites() {
        for (Model m : Models.all()) {
            for (String lock : m.lockClasses()) {
                for (Map.Entry<String, List<String>> e : m.entryPoints(lock).entrySet()) {
                    int checked = 0;
                    for (String name : m.inquiryScenarios()) {
                        Scenario s = ScenarioLoader.builtin(name).withModel(m.name());
                        for (Map.Entry<String, List<OpCall>> t : s.threads().entrySet()) {
                            if (t.getValue().stream().noneMatch(c -> c.op().equals(e.getKey()))) {
                                continue;
                            }
                            CriticalSectionCollector sections = new CriticalSectionCollector(lock);
                            Explorer.explore(m.program(s), SearchConfig.of(StrategySpec.dpor()).withMaxExecutions(1)
                                    .withObservers(List.of(sections)));
                            for (String site : e.getValue()) {
                                CriticalSection cs = sections.result().stream().filter(x -> x.site().equals(site)).findFirst().orElse(null);
                                assertTrue(cs != null && cs.tasks().contains(t.getKey()), m.name() + ", scenario " + name + ": thread "
                                        + t.getKey() + " runs " + e.getKey() + " but does not take " + lock + " in " + site + ": " + cs);
                            }
                            checked++;
                        }
                    }
                    assertFalse(checked == 0, m.name() + ": no built-in scenario runs " + e.getKey() + ", so its sites are unchecked");
                }
            }
        }
    }
}
