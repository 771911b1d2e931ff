package dev.whylock.engine.why;

import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.analysis.AnalysisReport;
import dev.whylock.engine.analysis.Analyses;
import dev.whylock.engine.analysis.CriticalSectionCollector;
import dev.whylock.engine.analysis.DataRace;
import dev.whylock.engine.analysis.FieldLockset;
import dev.whylock.engine.analysis.LockCycle;
import dev.whylock.engine.analysis.LockOrderCollector;
import dev.whylock.engine.analysis.LockProtection;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.Violation;
import dev.whylock.engine.search.ExecutionObserver;
import dev.whylock.engine.search.OrderedObservers;
import dev.whylock.engine.search.Workers;
import dev.whylock.engine.search.Progress;
import dev.whylock.engine.search.Ticker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Asks "why is this lock needed?" of a set of scenarios: explores each unmodified, then with the
 * lock removed at each acquisition site and at all of them, then under each replacement, and
 * answers with a {@link WhyReport}. It knows nothing about the programs beyond what their
 * executions show.
 */
public final class LockInquiry {

    /*
     * Order of work: baselines first (they give the sites, the locksets, the assertion sites, the
     * damage that is already there and whether each scenario was covered exhaustively), then one
     * removal per site, then removal everywhere, then the replacements, then stress. A site
     * verdict stops at the first scenario that breaks unless exploreAllScenarios is set.
     */

    private final String lockClass;
    private final List<Scenario> scenarios;
    private List<LockExperiment> replacements = List.of();
    private InquiryBound bound = InquiryBound.defaults();
    private RunConfig run = RunConfig.defaults();
    private Ticker ticker = Ticker.FROZEN;
    private Progress progress = Progress.NONE;
    private BooleanSupplier cancelled = () -> false;
    private StressRunner stressRunner;
    private long stressRuns;
    private boolean allScenarios;
    private InquiryListener listener = InquiryListener.NONE;
    private Set<String> unvalidated = Set.of();
    private Set<String> declaredSites = Set.of();
    private boolean countRaces = true;
    private int workers = 1;
    private RemoteExplorer remote;
    private int remoteSlots;

    /** An inquiry into {@code lockClass} over the given scenarios, explored in that order. */
    public LockInquiry(String lockClass, List<Scenario> scenarios) {
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("an inquiry needs at least one scenario");
        }
        this.lockClass = lockClass;
        this.scenarios = List.copyOf(scenarios);
    }

    /** Replacement (or extra removal) experiments whose outcomes the report lists. */
    public LockInquiry withReplacements(List<LockExperiment> experiments) {
        this.replacements = List.copyOf(experiments);
        return this;
    }

    /** The bound of every exploration. */
    public LockInquiry withBound(InquiryBound b) {
        this.bound = b;
        return this;
    }

    /** How executions run (backend, timing, step bound, and experiments applied to every exploration). */
    public LockInquiry withRunConfig(RunConfig r) {
        this.run = r;
        return this;
    }

    /** The wall clock for time limits and elapsed times (the default never advances). */
    public LockInquiry withTicker(Ticker t) {
        this.ticker = t;
        return this;
    }

    /** Receives the progress of each exploration. */
    public LockInquiry withProgress(Progress p) {
        this.progress = p;
        return this;
    }

    /** Polled between executions; when it returns true the inquiry stops and reports what it has. */
    public LockInquiry withCancelled(BooleanSupplier c) {
        this.cancelled = c;
        return this;
    }

    /** Lock classes left out of the lock-order analysis (lockdep's novalidate classes, e.g. {@code device_lock}). */
    public LockInquiry withUnvalidatedLocks(Set<String> lockClasses) {
        this.unvalidated = Set.copyOf(lockClasses);
        return this;
    }

    /**
     * Every function the program declares as taking the lock (e.g. a model's site table), so that
     * sites no scenario reaches are reported as never reached instead of silently missing.
     */
    public LockInquiry withDeclaredSites(Set<String> functions) {
        this.declaredSites = Set.copyOf(functions);
        return this;
    }

    /**
     * Whether data races count (default): a removal that adds races but no damage is
     * {@link Necessity#RACY}. Without, the verdicts are damage only and no race detector runs.
     */
    public LockInquiry countRaces(boolean count) {
        this.countRaces = count;
        return this;
    }

    /**
     * Runs up to {@code n} explorations at once (default 1). The report is assembled in the same
     * order whatever {@code n}, so it is identical for any {@code n} (elapsed times aside); a site
     * verdict's explorations after the first scenario that breaks may start before that is known,
     * and their results are then dropped. The thread backend runs one at a time.
     */
    public LockInquiry withWorkers(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + n);
        }
        this.workers = n;
        return this;
    }

    /**
     * Runs every exploration elsewhere, {@code slots} at a time (a cluster's members; see
     * {@link InquiryMember} for the receiving end), instead of on this JVM's workers; the stress
     * comparisons stay here. The report is the one a run here gives (elapsed times aside): each
     * exploration is the same sequential search wherever it runs, and what it observed is absorbed
     * in the order the explorations have here.
     */
    public LockInquiry withRemote(RemoteExplorer r, int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be at least 1, got " + slots);
        }
        this.remote = r;
        this.remoteSlots = slots;
        return this;
    }

    /** Hears which exploration starts next. */
    public LockInquiry withListener(InquiryListener l) {
        this.listener = l;
        return this;
    }

    /** Runs each necessary verdict's breaking scenario {@code runs} times under {@code runner} as well. */
    public LockInquiry withStress(StressRunner runner, long runs) {
        this.stressRunner = runner;
        this.stressRuns = runs;
        return this;
    }

    /** Whether a site verdict explores every scenario even after one broke (default: stop at the first). */
    public LockInquiry exploreAllScenarios(boolean all) {
        this.allScenarios = all;
        return this;
    }

    /** Runs the inquiry. */
    public WhyReport run() {
        long start = ticker.nanos();
        Workers local = new Workers("continuation".equals(run.backend().name()) ? workers : 1);
        Workers pool = remote != null ? new Workers(remoteSlots) : local;
        ScenarioRunner runner;
        if (pool.count() == 1) {
            runner = new ScenarioRunner(bound, run, ticker, () -> progress, cancelled, listener, countRaces);
        } else {
            ParallelProgress sum = new ParallelProgress(progress, listener);
            runner = new ScenarioRunner(bound, run, ticker, sum::forExploration, cancelled, sum, countRaces);
        }
        if (remote != null) {
            runner.sendTo(remote);
        }
        runner.expect(scenarios.size());
        Analyses analyses = new Analyses(unvalidated);
        CriticalSectionCollector sections = new CriticalSectionCollector(lockClass);
        List<ExecutionObserver> shared = new ArrayList<>(analyses.observers());
        shared.add(sections);
        OrderedObservers inOrder = new OrderedObservers(shared);
        List<AcquisitionSites> found = new ArrayList<>();
        List<Supplier<ScenarioRun>> baselineJobs = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            int index = i;
            Scenario s = scenarios.get(i);
            AcquisitionSites sitesHere = new AcquisitionSites(lockClass);
            found.add(sitesHere);
            baselineJobs.add(() -> {
                try {
                    return cancelled.getAsBoolean() ? null : runner.explore(s, null, null, List.of(inOrder.slot(index), sitesHere));
                } finally {
                    inOrder.finish(index);
                }
            });
        }
        List<ScenarioRun> baselineRuns = pool.run(baselineJobs);
        List<ScenarioRun> baselines = new ArrayList<>();
        Map<String, ScenarioRunner.Baseline> asWritten = new HashMap<>();
        Map<String, Set<String>> sitesByScenario = new HashMap<>();
        Map<String, Boolean> baselineExhaustive = new HashMap<>();
        TreeSet<String> sites = new TreeSet<>();
        for (int i = 0; i < scenarios.size(); i++) {
            ScenarioRun b = baselineRuns.get(i);
            if (b == null) {
                break;
            }
            Scenario s = scenarios.get(i);
            baselines.add(b);
            asWritten.put(s.name(), new ScenarioRunner.Baseline(b.damage().stream().map(Violation::key).collect(Collectors.toSet()),
                    b.races().stream().map(DataRace::key).collect(Collectors.toSet())));
            sitesByScenario.put(s.name(), found.get(i).sites());
            baselineExhaustive.put(s.name(), b.exhaustive());
            sites.addAll(found.get(i).sites());
        }
        AnalysisReport base = analyses.report();
        runner.expect(scenarios.size() * (1 + sites.size() + 1 + replacements.size()));
        Verdicts verdicts = new Verdicts(lockClass, scenarios, asWritten, sitesByScenario, baselineExhaustive,
                cancelled, allScenarios);
        List<String> removals = new ArrayList<>(sites);
        if (!sites.isEmpty()) {
            removals.add(SiteVerdict.ALL_SITES);
        }
        // Every exploration of the verdicts and replacements, in the order one worker runs them.
        List<Supplier<ScenarioRun>> jobs = new ArrayList<>();
        Map<String, Integer> firstJob = new HashMap<>();
        java.util.concurrent.atomic.AtomicIntegerArray brokeAt = new java.util.concurrent.atomic.AtomicIntegerArray(removals.size());
        for (int g = 0; g < removals.size(); g++) {
            brokeAt.set(g, Integer.MAX_VALUE);
        }
        for (int g = 0; g < removals.size(); g++) {
            String site = removals.get(g);
            LockExperiment e = verdicts.experiment(site);
            int group = g;
            for (int i = 0; i < scenarios.size(); i++) {
                if (!verdicts.explores(site, i)) {
                    continue;
                }
                int index = i;
                firstJob.putIfAbsent(site + "\n" + i, jobs.size());
                // Not needed once an earlier scenario of the same verdict broke: not started then, and
                // stopped if running (a run started before the break was known); either way dropped.
                java.util.function.BooleanSupplier unneeded = () -> verdicts.stopsAtFirstBreak() && brokeAt.get(group) < index;
                jobs.add(() -> {
                    if (cancelled.getAsBoolean() || unneeded.getAsBoolean()) {
                        return null;
                    }
                    ScenarioRun r = runner.explore(scenarios.get(index), e, verdicts.baseline(index), List.of(), unneeded);
                    if (unneeded.getAsBoolean()) {
                        return null;
                    }
                    if (r.fails()) {
                        brokeAt.accumulateAndGet(group, index, Math::min);
                    }
                    return r;
                });
            }
        }
        Set<String> baseRaces = base.races().races().stream().map(DataRace::key).collect(Collectors.toSet());
        Set<List<String>> baseCycles = base.lockOrder().cycles().stream().map(LockCycle::locks).collect(Collectors.toSet());
        List<LockOrderCollector> orders = new ArrayList<>();
        int replacementJobs = jobs.size();
        for (LockExperiment e : replacements) {
            LockOrderCollector order = new LockOrderCollector(unvalidated);
            orders.add(order);
            OrderedObservers orderInOrder = new OrderedObservers(List.of(order));
            for (int i = 0; i < scenarios.size(); i++) {
                int index = i;
                Scenario s = scenarios.get(i);
                jobs.add(() -> {
                    try {
                        return cancelled.getAsBoolean() || !asWritten.containsKey(s.name()) ? null
                                : runner.explore(s, e, asWritten.get(s.name()), List.of(orderInOrder.slot(index)));
                    } finally {
                        orderInOrder.finish(index);
                    }
                });
            }
        }
        List<ScenarioRun> done = pool.run(jobs);
        List<SiteVerdict> siteVerdicts = new ArrayList<>();
        SiteVerdict everywhere = null;
        for (String site : removals) {
            SiteVerdict v = verdicts.removal(site, i -> done.get(firstJob.get(site + "\n" + i)));
            if (SiteVerdict.ALL_SITES.equals(site)) {
                everywhere = v;
            } else {
                siteVerdicts.add(v);
            }
        }
        List<ReplacementOutcome> replaced = new ArrayList<>();
        for (int x = 0; x < replacements.size(); x++) {
            List<ScenarioRun> runs = done.subList(replacementJobs + x * scenarios.size(), replacementJobs + (x + 1) * scenarios.size());
            replaced.add(replacement(replacements.get(x), runs, orders.get(x), baseRaces, baseCycles));
        }
        List<StressComparison> stress = everywhere == null ? List.of() : stress(local, siteVerdicts, everywhere);
        List<FieldLockset> rows = base.locksets().fields().stream()
                .filter(f -> f.shared() && f.locks().contains(lockClass)).toList();
        List<String> alone = base.locksets().locks().stream().filter(l -> l.lockClass().equals(lockClass))
                .findFirst().map(LockProtection::alone).orElse(List.of());
        List<SuggestedAnnotation> annotations = SuggestedAnnotation.from(base.locksets()).stream()
                .filter(a -> a.names(lockClass)).toList();
        List<LockCycle> cycles = base.lockOrder().cycles().stream().filter(c -> c.locks().contains(lockClass)).toList();
        List<String> unreached = cancelled.getAsBoolean() ? List.of()
                : declaredSites.stream().filter(d -> !sites.contains(d)).sorted().toList();
        return new WhyReport(lockClass, bound, scenarios.stream().map(Scenario::name).toList(), baselines, List.copyOf(sites),
                unreached, siteVerdicts, everywhere, sections.result(), rows, alone, base.assertions().forLock(lockClass), cycles,
                base.races().races(), replaced, stress, annotations, (ticker.nanos() - start) / 1_000_000, cancelled.getAsBoolean());
    }

    /** A replacement's outcome from its runs per scenario (null: not run, interrupted or no baseline) in scenario order. */
    private ReplacementOutcome replacement(LockExperiment e, List<ScenarioRun> perScenario, LockOrderCollector order,
            Set<String> baseRaces, Set<List<String>> baseCycles) {
        List<ScenarioRun> runs = new ArrayList<>();
        Map<String, Violation> damage = new LinkedHashMap<>();
        Map<String, DataRace> races = new TreeMap<>();
        boolean exhaustive = true;
        boolean complete = true;
        for (ScenarioRun r : perScenario) {
            if (r == null) {
                exhaustive = false;
                complete = false;
                break;
            }
            runs.add(r);
            exhaustive &= r.exhaustive();
            complete &= r.finished();
            for (Violation v : r.damage()) {
                damage.putIfAbsent(v.key(), v);
            }
            r.races().stream().filter(x -> !baseRaces.contains(x.key())).forEach(x -> races.putIfAbsent(x.key(), x));
        }
        List<LockCycle> cycles = order.result().cycles().stream().filter(c -> !baseCycles.contains(c.locks())).toList();
        List<Violation> dmg = new ArrayList<>(damage.values());
        dmg.sort(ScenarioRunner.MINIMAL);
        return new ReplacementOutcome(e, runs, cycles, List.copyOf(races.values()), dmg, exhaustive, complete);
    }

    /**
     * The stress comparisons of the necessary verdicts, on the workers (in the verdicts' order
     * whatever order they ran in). Stress runs are real-thread runs, not reproducible by design;
     * the runner must allow concurrent calls.
     */
    private List<StressComparison> stress(Workers pool, List<SiteVerdict> siteVerdicts, SiteVerdict everywhere) {
        if (stressRunner == null) {
            return List.of();
        }
        List<SiteVerdict> necessary = new ArrayList<>(siteVerdicts);
        necessary.add(everywhere);
        List<Supplier<StressComparison>> jobs = new ArrayList<>();
        for (SiteVerdict v : necessary) {
            if (v.necessity() != Necessity.NECESSARY) {
                continue;
            }
            Scenario s = scenarios.stream().filter(x -> x.name().equals(v.scenario())).findFirst().orElseThrow();
            LockExperiment e = v.experiment();
            List<LockExperiment> all = new ArrayList<>(run.experiments());
            all.add(e);
            jobs.add(() -> cancelled.getAsBoolean() ? null
                    : new StressComparison(s.name(), e, stressRunner.run(s.program(), all, stressRuns), v.counterexample().execution()));
        }
        List<StressComparison> out = new ArrayList<>();
        for (StressComparison c : pool.run(jobs)) {
            if (c == null) {
                break; // cancelled: the comparisons after it did not run either
            }
            out.add(c);
        }
        return out;
    }
}
