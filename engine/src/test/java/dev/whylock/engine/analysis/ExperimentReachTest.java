package dev.whylock.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An experiment whose lock is never taken at its sites is reported as unreached, whether it removes or replaces it. */
class ExperimentReachTest {

    private static List<LockExperiment> unreached(LockExperiment... experiments) {
        ExperimentReach reach = new ExperimentReach(List.of(experiments));
        SearchConfig cfg = SearchConfig.of(StrategySpec.dpor()).withMinimize(false).withObservers(List.of(reach));
        Explorer.explore(AnalysisTest.counterUnderLock(), cfg.withRun(cfg.run().withExperiments(List.of(experiments))));
        return reach.unreached();
    }

    @Test
    void removeAtATakenSite_isReached() {
        assertEquals(List.of(), unreached(LockExperiment.remove("L", "dev_inc")));
    }

    @Test
    void removeAndReplaceAtSitesNeverTaken_areUnreachedInTheOrderGiven() {
        LockExperiment elsewhere = LockExperiment.remove("L", "dev_exit");
        LockExperiment other = LockExperiment.replace("M", "N");
        assertEquals(List.of(elsewhere, other), unreached(elsewhere, other, LockExperiment.replace("L", "N", "dev_inc")));
    }
}
