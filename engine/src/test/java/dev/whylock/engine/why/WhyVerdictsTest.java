package dev.whylock.engine.why;

import static dev.whylock.engine.why.LockInquiryTest.counter;
import static dev.whylock.engine.why.LockInquiryTest.program;
import static dev.whylock.engine.why.LockInquiryTest.publishAndFree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.Field;
import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.Mutex;
import dev.whylock.engine.Program;
import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.analysis.CriticalSection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The verdicts that count data races, the overall verdict and totals, coverage of declared sites, unfinished inquiries. */
class WhyVerdictsTest {

    /** Two tasks write a plain field under L; nothing checks the value, so removing L only races. */
    static Program racyWrites() {
        return program("two-writers", env -> {
            Mutex l = env.mutex("L");
            Field<Integer> x = env.field("dev->x", 0);
            for (int t = 0; t < 2; t++) {
                int v = t + 1;
                env.spawn("T" + t, () -> {
                    l.lock("dev_set");
                    x.set(v, "dev_set");
                    l.unlock("dev_set");
                });
            }
        });
    }

    /** Two tasks write a field under both L and M. */
    static Program twoLocks() {
        return program("two-locks", env -> {
            Mutex l = env.mutex("L");
            Mutex m = env.mutex("M");
            Field<Integer> x = env.field("dev->x", 0);
            for (int t = 0; t < 2; t++) {
                int v = t + 1;
                env.spawn("T" + t, () -> {
                    l.lock("dev_set");
                    m.lock("dev_set");
                    x.set(v, "dev_set");
                    m.unlock("dev_set");
                    l.unlock("dev_set");
                });
            }
        });
    }

    static WhyReport ask(String lock, Program p) {
        return new LockInquiry(lock, List.of(new Scenario(p.name(), p))).run();
    }

    @Test
    void removalAddingOnlyRaces_inquiry_siteIsRacyWithTheRaceAsCounterexample() {
        WhyReport r = ask("L", racyWrites());
        SiteVerdict v = r.siteVerdicts().get(0);
        assertEquals(Necessity.RACY, v.necessity());
        assertEquals(ViolationKind.DATA_RACE, v.counterexample().kind());
        assertTrue(v.counterexample().message().contains("dev->x"), v.counterexample().message());
        assertEquals(1, v.races().size());
        assertTrue(r.baselineRaces().isEmpty(), "with the lock the writes are ordered");
        assertEquals(Necessity.RACY, r.verdict());
    }

    @Test
    void racesNotCounted_inquiry_damageOnlyVerdictIsNotNeeded() {
        Program p = racyWrites();
        WhyReport r = new LockInquiry("L", List.of(new Scenario(p.name(), p))).countRaces(false).run();
        assertEquals(Necessity.NOT_NEEDED_WITHIN_BOUND, r.siteVerdicts().get(0).necessity());
        assertEquals(Necessity.NOT_NEEDED_WITHIN_BOUND, r.verdict());
        assertTrue(r.exhaustive());
    }

    @Test
    void damageAndRaces_inquiry_necessaryWinsAndTotalsAddUp() {
        WhyReport r = ask("L", counter());
        assertEquals(Necessity.NECESSARY, r.verdict());
        long sum = r.baselines().stream().mapToLong(ScenarioRun::executions).sum()
                + r.verdicts().stream().mapToLong(SiteVerdict::executions).sum();
        assertEquals(sum, r.executions());
    }

    @Test
    void fieldUnderTwoLocks_askedAboutEither_sameAnnotationNamingBoth() {
        WhyReport l = ask("L", twoLocks());
        WhyReport m = ask("M", twoLocks());
        assertEquals(List.of(new SuggestedAnnotation("dev->x", List.of("L", "M"))), l.annotations());
        assertEquals(l.annotations(), m.annotations());
        assertEquals("__guarded_by(L) __guarded_by(M)", l.annotations().get(0).kernel());
    }

    @Test
    void declaredSiteNoScenarioTakes_inquiry_listedAsNeverReachedAndCounted() {
        Program p = counter();
        WhyReport r = new LockInquiry("L", List.of(new Scenario(p.name(), p))).withDeclaredSites(Set.of("dev_inc", "dev_probe")).run();
        assertEquals(List.of("dev_inc"), r.sites());
        assertEquals(List.of("dev_probe"), r.unreachedSites());
        assertEquals(2, r.siteCount());
    }

    @Test
    void cancelledAfterTheBaseline_inquiry_everyUnfinishedVerdictUndecidedNeverSafe() {
        Program p = LockInquiryTest.localSection();
        AtomicBoolean cancel = new AtomicBoolean();
        // Ctrl-C as the first experiment starts: the baseline is complete, every experiment is not.
        WhyReport r = new LockInquiry("L", List.of(new Scenario(p.name(), p)))
                .withReplacements(List.of(LockExperiment.replace("L", "N")))
                .withListener((s, e, i, t) -> cancel.compareAndSet(false, e != null))
                .withCancelled(cancel::get).run();
        assertTrue(r.interrupted());
        assertFalse(r.baselines().isEmpty(), "the baseline ran");
        for (SiteVerdict v : r.verdicts()) {
            assertEquals(Necessity.UNDECIDED, v.necessity(), v.site());
        }
        assertEquals(ReplacementVerdict.UNDECIDED, r.replacements().get(0).verdict(), "a replacement with no runs is not safe");
        assertEquals(Necessity.UNDECIDED, r.verdict());
        assertFalse(r.exhaustive());
    }

    @Test
    void publishAndFree_inquiry_criticalSectionsNameFieldsAndTheSitesTheyExclude() {
        WhyReport r = ask("L", publishAndFree());
        CriticalSection remove = r.sectionAt("dev_remove");
        assertNotNull(remove);
        assertEquals(List.of("priv->dev"), remove.writes());
        assertEquals(List.of("remove"), remove.tasks());
        assertEquals(List.of("dev_get_stats"), remove.excludes());
        CriticalSection stats = r.sectionAt("dev_get_stats");
        assertTrue(stats.reads().contains("priv->dev"), stats.toString());
        assertEquals(List.of("dev_remove"), stats.excludes());
    }
}
