package dev.whylock.engine.why;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.Env;
import dev.whylock.engine.Field;
import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.Mutex;
import dev.whylock.engine.Obj;
import dev.whylock.engine.Program;
import dev.whylock.engine.Task;
import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.result.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Lock inquiries on small programs whose answers are known. */
class LockInquiryTest {

    static Program program(String name, Consumer<Env> run) {
        return new Program() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void run(Env env) {
                run.accept(env);
            }
        };
    }

    static final class Dev extends Obj {
        final Field<Integer> stats = field("dev->stats", 0);

        Dev() {
            super("struct dev");
        }
    }

    /** A reader dereferences the published {@code dev} under L; the remover unpublishes it under L and frees it. */
    static Program publishAndFree() {
        return program("reader-vs-remove", env -> {
            Mutex l = env.mutex("L");
            Field<Dev> published = env.field("priv->dev", new Dev());
            env.spawn("reader", () -> {
                l.lock("dev_get_stats");
                Dev d = published.get("dev_get_stats");
                if (d != null) {
                    d.stats.get("dev_get_stats");
                }
                l.unlock("dev_get_stats");
            });
            env.spawn("remove", () -> {
                l.lock("dev_remove");
                Dev d = published.get("dev_remove");
                published.set(null, "dev_remove");
                l.unlock("dev_remove");
                env.free(d, "dev_remove");
            });
        });
    }

    /** Two tasks increment a counter under L; an invariant checked at the end wants both increments. */
    static Program counter() {
        return program("two-increments", env -> {
            Mutex l = env.mutex("L");
            Field<Integer> count = env.field("dev->count", 0);
            List<Task> tasks = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                tasks.add(env.spawn("T" + t, () -> {
                    l.lock("dev_inc");
                    count.set(count.get("dev_inc") + 1, "dev_inc");
                    l.assertHeld("dev_inc_locked");
                    l.unlock("dev_inc");
                }));
            }
            tasks.forEach(env::join);
            env.invariant("both-increments", () -> count.peek() == 2 ? null : "count is " + count.peek());
        });
    }

    /** L is taken around work on task-local fields only. */
    static Program localSection() {
        return program("local-section", env -> {
            Mutex l = env.mutex("L");
            for (int t = 0; t < 2; t++) {
                Field<Integer> scratch = env.field("t" + t + "->scratch", 0);
                env.spawn("T" + t, () -> {
                    l.lock("local_update");
                    scratch.set(scratch.get("local_update") + 1, "local_update");
                    l.unlock("local_update");
                });
            }
        });
    }

    static WhyReport ask(String lock, Program... programs) {
        List<Scenario> scenarios = new ArrayList<>();
        for (Program p : programs) {
            scenarios.add(new Scenario(p.name(), p));
        }
        return new LockInquiry(lock, scenarios).run();
    }

    @Test
    void lockGuardingPublishedPointer_inquiry_everySiteNecessaryWithUseAfterFree() {
        WhyReport r = ask("L", publishAndFree());
        assertEquals(List.of("dev_get_stats", "dev_remove"), r.sites());
        for (SiteVerdict v : r.siteVerdicts()) {
            assertEquals(Necessity.NECESSARY, v.necessity(), v.site());
            assertEquals(ViolationKind.USE_AFTER_FREE, v.counterexample().kind());
            assertEquals("reader-vs-remove", v.scenario());
            List<Step> steps = v.counterexample().trace().steps();
            assertTrue(steps.stream().anyMatch(s -> s.operation().equals("kfree")), "the counterexample frees dev");
        }
        assertEquals(Necessity.NECESSARY, r.allSites().necessity());
        assertFalse(r.baselines().get(0).fails(), "with the lock everywhere nothing breaks");
        assertTrue(r.locksets().stream().anyMatch(f -> f.field().equals("priv->dev")));
        assertTrue(r.protectsAlone().contains("priv->dev"));
    }

    @Test
    void lockGuardingReadModifyWrite_inquiry_necessaryWithInvariantDamage() {
        WhyReport r = ask("L", counter());
        SiteVerdict v = r.siteVerdicts().get(0);
        assertEquals("dev_inc", v.site());
        assertEquals(Necessity.NECESSARY, v.necessity());
        assertEquals(ViolationKind.INVARIANT, v.counterexample().kind());
        assertTrue(v.counterexample().message().contains("count is 1"));
        assertEquals(List.of("dev->count"), r.protectsAlone());
        assertEquals(List.of(new SuggestedAnnotation("dev->count", List.of("L"))), r.annotations());
        assertEquals("__guarded_by(L)", r.annotations().get(0).kernel());
    }

    @Test
    void assertionOnRemovedLock_inquiry_reportedAsAssumedNotAsDamage() {
        WhyReport r = ask("L", counter());
        assertEquals(1, r.assertions().size());
        assertEquals("dev_inc_locked", r.assertions().get(0).site());
        assertFalse(r.assertions().get(0).everFailed(), "the assertion holds in the unmodified program");
        SiteVerdict v = r.siteVerdicts().get(0);
        assertFalse(v.assumed().isEmpty(), "without the lock the assertion fails");
        assertTrue(v.assumed().stream().allMatch(a -> a.kind() == ViolationKind.ASSERTION));
        assertTrue(v.counterexample().kind().damage(), "damage and assumptions are kept apart");
    }

    @Test
    void lockAroundLocalSection_inquiry_notNeededExhaustively() {
        WhyReport r = ask("L", localSection());
        assertEquals(List.of("local_update"), r.sites());
        SiteVerdict v = r.siteVerdicts().get(0);
        assertEquals(Necessity.NOT_NEEDED_WITHIN_BOUND, v.necessity());
        assertTrue(v.exhaustive());
        assertTrue(v.executions() > 0);
        assertEquals(Necessity.NOT_NEEDED_WITHIN_BOUND, r.allSites().necessity());
        assertTrue(r.protectsAlone().isEmpty(), "task-local fields are never shared");
    }

    @Test
    void scenarioDeadlockingWithoutExperiment_inquiry_baselineFailsAndRemovalIsNotBlamed() {
        Program selfDeadlock = program("create-under-lock", env -> {
            Mutex l = env.mutex("L");
            l.lock("dev_ioctl");
            l.unlock("dev_ioctl");
            env.spawn("probe", () -> {
                l.lock("dpaa2_mac_connect");
                l.lock("add_upstream");
                l.unlock("add_upstream");
                l.unlock("dpaa2_mac_connect");
            });
        });
        WhyReport r = ask("L", selfDeadlock, localSection());
        assertTrue(r.baselines().get(0).fails());
        assertEquals(ViolationKind.DEADLOCK, r.baselines().get(0).damage().get(0).kind());
        assertFalse(r.baselines().get(1).fails());
        // The self-deadlocking acquisition in add_upstream is logged as the failing step, so it is a site too.
        assertEquals(List.of("add_upstream", "dev_ioctl", "dpaa2_mac_connect", "local_update"), r.sites());
        // Without dev_ioctl's lock the probe still self-deadlocks, as it did before: that is not damage of the experiment.
        for (SiteVerdict v : r.siteVerdicts()) {
            assertEquals(Necessity.NOT_NEEDED_WITHIN_BOUND, v.necessity(), v.site());
        }
        assertTrue(r.siteVerdicts().get(1).runs().get(0).reached());
        SiteVerdict local = r.siteVerdicts().get(3);
        assertFalse(local.runs().get(0).reached(), "the self-deadlocking scenario never reaches local_update");
    }

    @Test
    void replacementByUnrelatedLock_inquiry_reportsNewRaceAndLockOrderCycle() {
        Program p = program("replace", env -> {
            Mutex l = env.mutex("L");
            Mutex m = env.mutex("M");
            Mutex k = env.mutex("K");
            Field<Integer> x = env.field("dev->x", 0);
            env.spawn("T0", () -> {
                l.lock("a");
                m.lock("a");
                x.set(1, "a");
                m.unlock("a");
                l.unlock("a");
            });
            env.spawn("T1", () -> {
                m.lock("b");
                k.lock("b");
                m.unlock("b");
                x.set(2, "b_x");
                k.unlock("b");
            });
        });
        LockExperiment replace = LockExperiment.replace("K", "L", "b");
        WhyReport r = new LockInquiry("K", List.of(new Scenario("replace", p))).withReplacements(List.of(replace)).run();
        assertTrue(r.baselineRaces().stream().anyMatch(d -> d.field().equals("dev->x")), "M does not cover b_x");
        ReplacementOutcome o = r.replacements().get(0);
        assertEquals("replace K@b=L", o.experiment().toString());
        assertEquals(1, o.cycles().size());
        assertEquals(List.of("L", "M"), o.cycles().get(0).locks());
        assertEquals(ReplacementVerdict.UNSAFE, o.verdict());
        assertTrue(o.damage().isEmpty(), "the replacement lock is a different instance, so nothing deadlocks");
    }

    @Test
    void workers_inquiry_sameReportForOneTwoAndFourWorkers() {
        // The breaking scenario first: with several workers the later scenarios of a site verdict start
        // before its break is known, and their runs must be dropped as one worker never runs them.
        for (boolean all : new boolean[] {false, true}) {
            List<WhyReport> reports = new ArrayList<>();
            for (int n : new int[] {1, 2, 4}) {
                reports.add(new LockInquiry("L", List.of(new Scenario("publish", publishAndFree()), new Scenario("counter", counter()),
                                new Scenario("local", localSection()), new Scenario("publish-again", publishAndFree())))
                        .withReplacements(List.of(LockExperiment.replace("L", "M", "dev_inc"), LockExperiment.remove("L", "local_update")))
                        .exploreAllScenarios(all).withWorkers(n).run());
            }
            assertTrue(reports.get(0).siteVerdicts().stream().anyMatch(v -> v.necessity() == Necessity.NECESSARY), "a site breaks");
            assertEquals(reports.get(0), reports.get(1), "2 workers, every scenario: " + all);
            assertEquals(reports.get(0), reports.get(2), "4 workers, every scenario: " + all);
        }
    }

    @Test
    void remote_inquiry_sameReportAsHere_everyExplorationSentAsBytes() {
        // The receiving end rebuilds its own scenarios (as a cluster member does from the command line),
        // so nothing but the bytes passes between the two sides.
        java.util.function.Supplier<List<Scenario>> scenarios = () -> List.of(new Scenario("publish", publishAndFree()),
                new Scenario("counter", counter()), new Scenario("local", localSection()), new Scenario("publish-again", publishAndFree()));
        List<LockExperiment> replacements = List.of(LockExperiment.replace("L", "M", "dev_inc"), LockExperiment.remove("L", "local_update"));
        for (boolean all : new boolean[] {false, true}) {
            WhyReport here = new LockInquiry("L", scenarios.get()).withReplacements(replacements).exploreAllScenarios(all).run();
            InquiryMember member = new InquiryMember(scenarios.get(), InquiryBound.defaults(),
                    dev.whylock.engine.exec.RunConfig.defaults(), true, dev.whylock.engine.search.Ticker.FROZEN);
            java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
            RemoteExplorer remote = (request, cancelled) -> {
                sent.incrementAndGet();
                return member.run(request.clone(), () -> false);
            };
            WhyReport there = new LockInquiry("L", scenarios.get()).withReplacements(replacements).exploreAllScenarios(all)
                    .withRemote(remote, 3).run();
            assertTrue(here.siteVerdicts().stream().anyMatch(v -> v.necessity() == Necessity.NECESSARY), "a site breaks");
            assertFalse(here.sections().isEmpty(), "the sections come from observers: they must travel too");
            assertEquals(here, there, "every scenario: " + all);
            assertTrue(sent.get() >= 4 + 4 * here.sites().size() / 2, "explorations were sent: " + sent.get());
        }
    }

    @Test
    void stressRunnerGiven_inquiry_fillsRunItAndSeeSlotForNecessaryVerdicts() {
        List<List<LockExperiment>> asked = new ArrayList<>();
        StressRunner fake = (program, experiments, runs) -> {
            asked.add(experiments);
            return new StressCounts(runs, 0, 0, null);
        };
        WhyReport r = new LockInquiry("L", List.of(new Scenario("c", counter()))).withStress(fake, 1000).run();
        assertEquals(2, r.stress().size(), "one per necessary verdict: dev_inc and all sites");
        StressComparison s = r.stress().get(0);
        assertEquals("remove L@dev_inc", s.experiment().toString());
        assertEquals(1000, s.stress().runs());
        assertNotNull(r.siteVerdicts().get(0).counterexample());
        assertEquals(r.siteVerdicts().get(0).counterexample().execution(), s.dporExecutionsToCounterexample());
        assertEquals(List.of(LockExperiment.remove("L", "dev_inc")), asked.get(0));
    }

    @Test
    void twoWorkers_stressComparisons_runSideBySide_inVerdictOrder() throws Exception {
        // Each comparison waits (up to 10 s) until two are running at once: with one comparison at a
        // time the first never sees a second and records 0 failed runs instead of 1.
        java.util.concurrent.CountDownLatch both = new java.util.concurrent.CountDownLatch(2);
        StressRunner meeting = (program, experiments, runs) -> {
            both.countDown();
            boolean met;
            try {
                met = both.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException ex) {
                throw new IllegalStateException(ex);
            }
            return new StressCounts(runs, met ? 1 : 0, met ? 1 : 0, experiments.getLast().toString());
        };
        WhyReport two = new LockInquiry("L", List.of(new Scenario("c", counter()))).withStress(meeting, 1000).withWorkers(2).run();
        StressRunner plain = (program, experiments, runs) -> new StressCounts(runs, 1, 1, experiments.getLast().toString());
        WhyReport one = new LockInquiry("L", List.of(new Scenario("c", counter()))).withStress(plain, 1000).run();
        assertEquals(2, two.stress().size());
        assertEquals(one.stress(), two.stress(), "the same comparisons in the verdicts' order, each met the other");
    }

    @Test
    void cancelledBeforeStart_inquiry_reportsInterruptedWithoutVerdicts() {
        WhyReport r = new LockInquiry("L", List.of(new Scenario("c", counter()))).withCancelled(() -> true).run();
        assertTrue(r.interrupted());
        assertTrue(r.sites().isEmpty());
        assertNull(r.allSites(), "no site was found, so there is no removal to decide");
        assertEquals(Necessity.UNDECIDED, r.verdict());
    }

    @Test
    void sameInquiryTwice_inquiry_identicalReports() {
        WhyReport a = ask("L", publishAndFree(), counter());
        WhyReport b = ask("L", publishAndFree(), counter());
        assertEquals(a, b, "reports must be deterministic so that golden files can pin them");
        assertEquals(List.of("dev_get_stats", "dev_inc", "dev_remove"), a.sites());
    }

    @Test
    void listenerGiven_inquiry_hearsEveryExplorationInOrder() {
        List<String> heard = new ArrayList<>();
        WhyReport r = new LockInquiry("L", List.of(new Scenario("c", counter())))
                .withListener((s, e, i, t) -> heard.add(i + "/" + t + " " + s + " " + e)).run();
        assertEquals(List.of("1/1 c null", "2/3 c remove L@dev_inc", "3/3 c remove L"), heard);
        assertEquals(Necessity.NECESSARY, r.allSites().necessity());
    }
}
