package dev.whylock.cli;

import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.stress.Stress;
import dev.whylock.cluster.Address;
import dev.whylock.cluster.Cluster;
import dev.whylock.cluster.ClusterException;
import dev.whylock.engine.why.InquiryBound;
import dev.whylock.engine.why.InquiryMember;
import dev.whylock.engine.why.LockInquiry;
import dev.whylock.engine.why.Scenario;
import dev.whylock.engine.why.StressRunner;
import dev.whylock.engine.why.WhyReport;
import dev.whylock.jvm.guard.GuardReport;
import dev.whylock.jvm.stress.JavaStress;
import dev.whylock.linux.model.Model;
import dev.whylock.report.WhyRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code whylock why LOCK}: per acquisition site, what breaks without it, what it protects, what relies on it. */
@Command(name = "why", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        description = {"Answer 'why is this lock needed?': explore the scenarios unmodified, then with the lock removed at "
                + "each of its acquisition sites in turn and everywhere, and report what breaks (with replayable "
                + "counterexamples), which fields the lock protects, which assertions rely on it, what replacing it does, "
                + "and how often a stress run would have noticed.", ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  whylock why rtnl_mutex",
            "  whylock why sfp->sm_mutex --model sfp-v6.5",
            "  whylock why rtnl_mutex --scenario module-insert-vs-phylink-create --replace rtnl_mutex=sfp_bus_lock --json why.json",
            "",
            "  whylock why rtnl_mutex --full --html why.html     # everything on stdout, and a page with timelines",
            "  whylock why rtnl_mutex --cluster 10.0.0.5:5701    # the explorations on a cluster (see 'whylock worker')",
            "  whylock why Counter.this --java com.example.Counter --class-path target/classes",
            "",
            "A site is NECESSARY when removing the lock there leads to damage, RACY when it leads only to data races the code",
            "as written does not have, NOT NEEDED when neither happened within the bound, UNDECIDED when interrupted or",
            "time-limited first; sites the model declares but no scenario runs are NEVER REACHED.",
            "Exit code: 0 once the report is complete, whatever it found (the findings are the report); 2 bad input;",
            "3 internal error; 130 interrupted (Ctrl-C; the partial report is written)."})
final class WhyCommand implements Callable<Integer> {

    static final long DEFAULT_STRESS_RUNS = 200;
    static final long STRESS_HANG_MILLIS = 500;
    /** Wall-time cap of one Java stress comparison (each hung run costs the hang limit). */
    static final long JAVA_STRESS_SECONDS = 20;

    @ParentCommand
    WhylockCommand root;

    @Parameters(paramLabel = "LOCK", completionCandidates = Candidates.Locks.class, description = "The lock class, e.g. rtnl_mutex (see "
            + "'whylock list locks'), or with --java a Java lock such as com.example.Counter.this (see 'whylock list locks --java').")
    String lock;

    @Option(names = "--model", paramLabel = "M", completionCandidates = Candidates.ModelNames.class, description = "The model: sfp-v5.14 (default) or sfp-v6.5.")
    String model;

    @Option(names = "--scenario", paramLabel = "S",
            description = "A built-in scenario or a scenario file to explore; repeatable (default: every built-in scenario of "
                    + "the code as written; those that turn on a proposed design, such as private-lock-*, run only when named).")
    List<String> scenarios = new ArrayList<>();

    @Option(names = "--replace", paramLabel = "L[@SITE,...]=NEW", completionCandidates = Candidates.LocksAndSites.class,
            description = "Report what replacing the lock does, e.g. rtnl_mutex=sfp_bus_lock. Repeatable. Default: the "
                    + "replacements the model suggests (for rtnl_mutex, the 2021 thread's private sfp-bus lock).")
    List<String> replaces = new ArrayList<>();

    @Option(names = "--max-executions", paramLabel = "N",
            description = "Executions per exploration (one scenario under one experiment); default 100,000.")
    Long maxExecutions;

    @Option(names = "--time-limit", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Wall time per exploration (one scenario under one experiment), e.g. 30s (a bare number is "
                    + "seconds); a cut exploration is reported as not exhaustive, its verdict UNDECIDED.")
    Duration timeLimit;

    @Option(names = "--stress-runs", paramLabel = "N",
            description = "Real-thread runs per necessary verdict, for the 'run it and see' comparison (default 200; 0: none).")
    Long stressRuns;

    @Option(names = "--full", description = "The full report on stdout (the fields the lock protects, assertions, replacements, "
            + "stress, every counterexample) instead of the short answer; --html and --json always have everything.")
    boolean full;

    @Mixin
    TimingOption timing;

    @Mixin
    IgnoreOption ignore;

    @Mixin
    WorkersOption workers;

    @Mixin
    CommonOptions common;

    @Mixin
    JavaOptions javaOptions;

    @Mixin
    GuardOptions guardOptions;

    /**
     * Without {@code --model}, the model named by the scenario files (they must agree: an inquiry
     * runs on one model), else the default.
     */
    private String fileModel(Io io) {
        String found = null;
        for (String s : scenarios) {
            LoadedScenario ls = ScenarioResolver.load(io, s, null);
            if (ls.builtin()) {
                continue;
            }
            if (found != null && !found.equals(ls.scenario().model())) {
                throw new UsageException("--scenario " + s + ": its model is " + ls.scenario().model() + ", but another scenario's "
                        + "is " + found + "; an inquiry runs on one model, so pass --model to choose it");
            }
            found = ls.scenario().model();
        }
        return found;
    }

    /**
     * The timing mode the named scenarios were written for (null when none names one): an inquiry
     * runs in one mode, so two scenarios that name different modes need {@code --timing}.
     */
    private String declaredTiming(Map<String, LoadedScenario> loaded) {
        String found = null;
        String by = null;
        for (LoadedScenario ls : loaded.values()) {
            String t = ls.scenario().timing();
            if (t == null || timing.given()) {
                continue;
            }
            if (found != null && !found.equals(t)) {
                throw new UsageException("--scenario " + ls.scenario().name() + ": it is written for timing " + t + ", but "
                        + by + " is written for " + found + "; an inquiry runs in one timing mode, so pass --timing to choose it");
            }
            found = t;
            by = ls.scenario().name();
        }
        return found;
    }

    @Mixin
    ClusterOption cluster;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The checked bounds of an inquiry, whatever it runs on. */
    private record Limits(long max, long stress, Set<ViolationKind> ignored) {}

    private Limits limits() {
        javaOptions.checkExclusive("why", !scenarios.isEmpty());
        guardOptions.check("why", javaOptions.given());
        long max = maxExecutions == null ? InquiryBound.defaults().maxExecutions() : maxExecutions;
        if (max < 1 || max > ExploreCommand.MAX_EXECUTIONS_LIMIT) {
            throw new UsageException("--max-executions " + max + ": expected a number from 1 to "
                    + String.format("%,d", ExploreCommand.MAX_EXECUTIONS_LIMIT));
        }
        long stress = stressRuns == null ? DEFAULT_STRESS_RUNS : stressRuns;
        if (stress < 0 || stress > 1_000_000) {
            throw new UsageException("--stress-runs " + stress + ": expected a number from 0 to 1,000,000");
        }
        timing.flag();
        Set<ViolationKind> ignored = ignore.kinds();
        if (!Set.of(ViolationKind.DATA_RACE).containsAll(ignored)) {
            throw new UsageException("--ignore: why decides from damage and data races, so only 'data-race' can be ignored");
        }
        return new Limits(max, stress, ignored);
    }

    /** An inquiry into a model's lock, read from the options: also how a cluster member rebuilds it (nothing is written). */
    record Prepared(Model model, String lock, Map<String, LoadedScenario> loaded, List<Scenario> programs, List<LockExperiment> replacements,
            RunConfig.Timing mode, InquiryBound bound, Limits limits) {

        /** The receiving end of this inquiry's explorations on a cluster member. */
        InquiryMember member(Io io) {
            return new InquiryMember(programs, bound, RunConfig.defaults().withTiming(mode),
                    !limits.ignored().contains(ViolationKind.DATA_RACE), io.ticker());
        }
    }

    Prepared prepare(Io io) {
        Limits limits = limits();
        if (javaOptions.given()) {
            throw new UsageException("--cluster runs scenarios; a Java program (--java) runs on this machine only (its classes "
                    + "are not on the members): drop --cluster");
        }
        Model m = ScenarioResolver.model(model != null ? model : fileModel(io));
        String l = LockNames.require(m, lock, "why " + lock);
        Map<String, LoadedScenario> loaded = new LinkedHashMap<>();
        for (String s : scenarios.isEmpty() ? m.inquiryScenarios(timing.given() ? timing.flag() : "untimed") : scenarios) {
            LoadedScenario ls = ScenarioResolver.load(io, s, m.name());
            if (loaded.putIfAbsent(ls.scenario().name(), ls) != null) {
                throw new UsageException("--scenario " + s + ": a scenario named '" + ls.scenario().name() + "' is already "
                        + "included; every scenario of an inquiry needs its own name");
            }
        }
        RunConfig.Timing mode = timing.resolve(declaredTiming(loaded));
        List<LockExperiment> replacements = ExperimentParser.parse(m, List.of(),
                replaces.isEmpty() ? m.suggestedReplacements(l) : replaces);
        List<Scenario> programs = loaded.values().stream()
                .map(ls -> new Scenario(ls.scenario().name(), m.program(ls.scenario()))).toList();
        return new Prepared(m, l, loaded, programs, replacements, mode,
                new InquiryBound(limits.max(), timeLimit == null ? 0 : timeLimit.toMillis()), limits);
    }

    @Override
    public Integer call() {
        Io io = root.io();
        if (javaOptions.given() && !cluster.given()) {
            Limits limits = limits();
            return java(io, limits.max(), limits.stress(), limits.ignored());
        }
        Prepared p = prepare(io);
        lock = p.lock();
        Model m = p.model();
        Address where = cluster.given() ? cluster.address() : null;
        common.checkWritable(io);
        Set<String> declared = Set.copyOf(ListCommand.sites(m, lock).stream().map(x -> x.substring(lock.length() + 1)).toList());
        List<WhyRun.EntryPoint> points = m.entryPoints(lock).entrySet().stream()
                .map(e -> new WhyRun.EntryPoint(e.getKey(), e.getValue())).toList();
        StressRunner runner = Stress.runner(STRESS_HANG_MILLIS, 1, io.ticker(), io.cancellation().requested());
        Elsewhere here = inquiry -> inquiry.withWorkers(workers.count());
        if (where == null) {
            return inquire(io, m.name(), p.loaded(), p.programs(), p.replacements(), declared, Set.copyOf(m.unvalidatedLockClasses()),
                    p.limits().stress(), runner, p.limits().max(), p.limits().ignored(), points, p.mode(), here, null);
        }
        try (Cluster c = Cluster.connect(where, ClusterJobs.fingerprint(), ClusterJobs.resolver(), ClusterJobs.CONNECT_TIMEOUT)) {
            int slots = c.slots();
            if (!common.quiet) {
                io.err().println("whylock: exploring on the cluster at " + where + " (" + c.memberCount() + " members, " + slots
                        + " explorations at once)");
                io.err().flush();
            }
            List<String> job = ClusterJobs.spec("why", spec.commandLine().getParseResult().originalArgs(), io);
            Elsewhere onCluster = inquiry -> inquiry.withWorkers(workers.count()).withRemote((request, cancelled) ->
                    c.call(job, request, cancelled), slots);
            int code = inquire(io, m.name(), p.loaded(), p.programs(), p.replacements(), declared,
                    Set.copyOf(m.unvalidatedLockClasses()), p.limits().stress(), runner, p.limits().max(), p.limits().ignored(), points,
                    p.mode(), onCluster, null);
            ClusterJobs.reportResends(io, common.quiet, c);
            return code;
        } catch (ClusterException e) {
            throw ClusterJobs.failure(e);
        }
    }

    /** Where an inquiry's explorations run: this machine's workers, or a cluster. */
    @FunctionalInterface
    private interface Elsewhere {
        LockInquiry apply(LockInquiry inquiry);
    }

    /** why --java: the lock and its sites as a first exploration of the program saw them; stress runs the class files on real threads. */
    private int java(Io io, long max, long stress, Set<ViolationKind> ignored) {
        if (model != null) {
            throw new UsageException("--model applies to the kernel models, not to --java");
        }
        var target = javaOptions.target();
        JavaLocks locks = JavaLocks.discover(target, ExploreCommand.DISCOVERY_EXECUTIONS, ExploreCommand.DISCOVERY_MILLIS, io.ticker());
        lock = locks.require(lock, "why " + lock);
        List<LockExperiment> replacements = new ArrayList<>();
        for (String r : replaces) {
            replacements.addAll(locks.experiments(List.of(), List.of(r)));
        }
        common.checkWritable(io);
        JavaSubject subject = new JavaSubject(target, locks);
        dev.whylock.jvm.JavaProgram program = (dev.whylock.jvm.JavaProgram) subject.program();
        // The same class files on real threads, only the removed acquisitions taken out; bounded in time per comparison.
        StressRunner runner = (p, experiments, runs) -> {
            long deadline = io.ticker().nanos() + JAVA_STRESS_SECONDS * 1_000_000_000L;
            return JavaStress.run(target, removedSites(locks, experiments), runs, STRESS_HANG_MILLIS,
                    () -> io.cancellation().requested().getAsBoolean() || io.ticker().nanos() > deadline);
        };
        GuardReport[] guards = new GuardReport[1];
        try {
            JavaGuards.Watch watch = JavaGuards.Watch.of(target, guardOptions);
            // One more exploration of the code as written checks @GuardedBy; its findings are saved with the report.
            int code = inquire(io, JavaSubject.MODEL, Map.of(subject.scenarioName(), subject),
                    List.of(new Scenario(subject.scenarioName(), program)), replacements, locks.sites().get(lock), Set.of(), stress, runner,
                    max, ignored, List.of(), timing.resolve(null), inquiry -> inquiry.withWorkers(1), // one Java execution at a time per JVM
                    run -> {
                        guards[0] = JavaGuards.explore(target, watch, max, timeLimit == null ? 0 : timeLimit.toMillis(), io.ticker(),
                                io.cancellation().requested());
                        return run.withGuardedBy(JavaGuards.saved(guards[0]));
                    });
            if (code == ExitCode.OK) {
                JavaGuards.writePatch(io, guardOptions, watch, guards[0]);
            }
            if (!program.notes().isEmpty() && !common.quiet) {
                io.err().println("whylock: warning: not exhaustive: " + String.join("; ", program.notes().notControlled())
                        + (program.notes().notReset().isEmpty() ? "" : "; not reset between executions: "
                        + String.join("; ", program.notes().notReset())));
                io.err().flush();
            }
            return code;
        } finally {
            program.close();
        }
    }

    /** The acquisition sites the removal experiments take out (every site of the lock for a removal everywhere). */
    private static Set<String> removedSites(JavaLocks locks, List<LockExperiment> experiments) {
        Set<String> out = new java.util.TreeSet<>();
        for (LockExperiment e : experiments) {
            if (e.kind() == LockExperiment.Kind.REMOVE) {
                out.addAll(e.sites().isEmpty() ? locks.sites().getOrDefault(e.lockClass(), new java.util.TreeSet<>()) : e.sites());
            }
        }
        return out;
    }

    /**
     * Runs the inquiry and writes its report; {@code more} (for a Java program, the @GuardedBy check)
     * adds to the report before it is written, unless the inquiry was interrupted.
     */
    private int inquire(Io io, String modelName, Map<String, ? extends Subject> loaded, List<Scenario> programs,
            List<LockExperiment> replacements, Set<String> declared, Set<String> unvalidated, long stress, StressRunner runner, long max,
            Set<ViolationKind> ignored, List<WhyRun.EntryPoint> points, RunConfig.Timing mode, Elsewhere where, UnaryOperator<WhyRun> more) {
        io.cancellation().begin();
        Prewarmer.start();
        int code = ExitCode.INTERNAL;
        try {
            WhyReport report;
            ProgressReporter progress = ProgressReporter.create(io, common.quiet, "why " + lock);
            try {
                LockInquiry inquiry = new LockInquiry(lock, programs).withReplacements(replacements)
                        .withBound(new InquiryBound(max, timeLimit == null ? 0 : timeLimit.toMillis()))
                        .withRunConfig(RunConfig.defaults().withTiming(mode)).withTicker(io.ticker()).withProgress(progress).withListener(progress)
                        .withCancelled(io.cancellation().requested())
                        .withUnvalidatedLocks(unvalidated)
                        .withDeclaredSites(Set.copyOf(declared))
                        .countRaces(!ignored.contains(ViolationKind.DATA_RACE));
                inquiry = where.apply(inquiry);
                if (stress > 0) {
                    inquiry = inquiry.withStress(runner, stress);
                }
                report = inquiry.run();
            } finally {
                progress.close();
            }
            WhyRun run = WhyRun.of(modelName, report).withEntryPoints(points).withTiming(TimingOption.name(mode));
            boolean interrupted = report.interrupted();
            if (more != null && !interrupted) {
                run = more.apply(run);
                interrupted = io.cancellation().requested().getAsBoolean(); // Ctrl-C while it ran: its part is not exhaustive
            }
            if (interrupted && !common.quiet) {
                io.err().println("whylock: interrupted; writing the partial why report");
                io.err().flush();
            }
            WhyOutput.write(io, common, full, loaded, mode, run);
            code = interrupted ? ExitCode.INTERRUPTED : ExitCode.OK;
            return code;
        } finally {
            io.cancellation().finished(code);
        }
    }
}
