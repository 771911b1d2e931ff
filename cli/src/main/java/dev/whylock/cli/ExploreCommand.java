package dev.whylock.cli;

import dev.whylock.linux.model.Suggest;
import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.Program;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.StopReason;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
import dev.whylock.engine.stress.Stress;
import dev.whylock.engine.stress.StressResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import dev.whylock.cluster.Cluster;
import dev.whylock.cluster.ClusterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code whylock explore}: run one scenario, optionally with a lock removed or replaced, and report what breaks. */
@Command(name = "explore", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        description = {"Explore the interleavings of one scenario or compiled Java program, optionally with locks removed "
                + "or replaced, and report every violation with a replayable counterexample.", ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  whylock explore --scenario module-insert-vs-phylink-create",
            "  whylock explore --scenario module-insert-vs-phylink-create --remove rtnl_mutex@sfp_bus_add_upstream,sfp_bus_del_upstream",
            "  whylock explore --scenario ethtool-module-eeprom-vs-cage-unbind --replace rtnl_mutex=sfp_lock --json out.json",
            "  whylock explore --scenario my-race.yaml --strategy pct --seed 7 --max-executions 10000 --time-limit 30s",
            "",
            "  whylock explore --scenario unbind-cage --ignore data-race      # damage only: data races do not count",
            "",
            "  whylock explore --java com.example.Transfers --class-path target/classes",
            "  whylock explore --java com.example.TransfersTest#concurrentMoves --class-path target/classes:target/test-classes --remove Account.this@Transfers.move",
            "",
            "Java: a violation is an uncaught exception or failed assert in any thread, a deadlock, or a data race on a",
            "non-volatile field. Java lock names: pkg.Class.field (a lock object in a field), pkg.Class.this (the monitor",
            "of instances of Class), pkg.Class.class (static synchronized); the name without its package is accepted when",
            "it names one lock. Sites: Class.method or Class.method:LINE. 'whylock list locks --java ...' lists them.",
            "",
            "A happens-before data race on a plain field is a finding (kind data-race), as KCSAN reports it.",
            "Lock names as in 'whylock list locks' (rtnl for rtnl_mutex); quote names with '->', e.g. 'sfp->sm_mutex'.",
            "Exit codes: 0 no violation within the bound, 1 a violation was found, 2 bad input, 3 internal error,",
            "130 interrupted (Ctrl-C; the partial result is written). A --time-limit is a bound like --max-executions:",
            "the partial result is written and the exit code is 0 or 1."})
final class ExploreCommand implements Callable<Integer> {

    static final long DEFAULT_MAX_EXECUTIONS = 1_000_000;
    static final long DEFAULT_STRESS_RUNS = 1_000;
    static final long MAX_EXECUTIONS_LIMIT = 1_000_000_000_000L;
    static final int MAX_PREEMPTIONS = 100;
    static final List<String> STRATEGIES = List.of("dpor", "pct", "random", "stress");
    /** How much of a Java program is explored first to learn its locks and sites, for --remove and --replace. */
    static final long DISCOVERY_EXECUTIONS = 200;
    static final long DISCOVERY_MILLIS = 5_000;
    /** How long a stress task may wait before the run counts as deadlocked. */
    static final long STRESS_HANG_MILLIS = 2_000;

    @ParentCommand
    WhylockCommand root;

    @Option(names = "--scenario", paramLabel = "S",
            description = "A built-in scenario (see 'whylock list scenarios') or a path to a scenario file (YAML).")
    String scenario;

    @Mixin
    JavaOptions javaOptions;

    @Option(names = "--model", paramLabel = "M", completionCandidates = Candidates.ModelNames.class,
            description = "The model: sfp-v5.14 (default) or sfp-v6.5. Overrides the scenario file's 'model:' key.")
    String model;

    @Option(names = "--remove", paramLabel = "L[@SITE,...]", completionCandidates = Candidates.LocksAndSites.class,
            description = "Remove lock L (its acquisitions become no-ops, still recorded), everywhere or only in the "
                    + "listed functions. Repeatable.")
    List<String> removes = new ArrayList<>();

    @Option(names = "--replace", paramLabel = "L[@SITE,...]=NEW", completionCandidates = Candidates.LocksAndSites.class,
            description = "Make the acquisitions of L (everywhere or in the listed functions) take the lock NEW instead: "
                    + "an existing lock, or a new one (not within two edits of an existing lock's name). Repeatable; an "
                    + "acquisition is removed or replaced, not both.")
    List<String> replaces = new ArrayList<>();

    @Option(names = "--strategy", paramLabel = "dpor|pct|random|stress", defaultValue = "dpor",
            completionCandidates = StrategyCandidates.class,
            description = "dpor: every interleaving up to equivalence (default); pct: probabilistic with bug depth; "
                    + "random: random walk; stress: real threads, no control (what 'run it and see' gives).")
    String strategy;

    @Option(names = "--max-executions", paramLabel = "N",
            description = "Stop after N executions (default 1,000,000; for stress, the number of runs, default 1,000).")
    Long maxExecutions;

    @Option(names = "--time-limit", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop after this much wall time from the start of the command, e.g. 30s, 5m (a number without a "
                    + "unit is seconds); the partial result, marked not exhaustive, is written within about a second, and the "
                    + "exit code is the usual 0 or 1.")
    Duration timeLimit;

    @Option(names = "--preemptions", paramLabel = "K",
            description = "dpor: explore every schedule with at most K preemptions (exhaustive within that bound); "
                    + "pct: bug depth K+1 (default depth 3).")
    Integer preemptions;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed for pct and random, which then repeat exactly (default 1). Stress runs are not reproducible: "
                    + "the seed fixes only the model's own random choices; the operating system schedules the threads.")
    long seed;

    @Mixin
    TimingOption timing;

    @Mixin
    IgnoreOption ignore;

    @Mixin
    CommonOptions common;

    @Mixin
    WorkersOption workers;

    @Mixin
    ClusterOption cluster;

    @Spec
    CommandSpec spec;

    /** What an exploration runs: the subject's program and the search's configuration (before the analyses join it). */
    record Prepared(String strategy, long max, RunInfo info, Program program, SearchConfig cfg) {}

    @Override
    public Integer call() {
        Io io = root.io();
        Prepared p = prepare(io);
        var ignored = ignore.kinds();
        if (cluster.given()) {
            checkClusterable(p.strategy());
        }
        common.checkWritable(io);
        if (p.strategy().equals("stress")) {
            return stress(io, p.info(), p.program(), p.max());
        }
        if (!cluster.given()) {
            return Searches.explore(io, common, p.info(), p.program(), p.cfg(), ignored, workers.count());
        }
        try (Cluster c = Cluster.connect(cluster.address(), ClusterJobs.fingerprint(), ClusterJobs.resolver(), ClusterJobs.CONNECT_TIMEOUT)) {
            if (!common.quiet) {
                io.err().println("whylock: exploring on the cluster at " + cluster.address() + " (" + c.memberCount() + " members)");
                io.err().flush();
            }
            List<String> job = ClusterJobs.spec("explore", spec.commandLine().getParseResult().originalArgs(), io);
            int code = Searches.explore(io, common, p.info(), p.program(), p.cfg(), ignored, (prog, cfg) -> c.explore(prog, cfg, job));
            ClusterJobs.reportResends(io, common.quiet, c);
            return code;
        } catch (ClusterException e) {
            throw ClusterJobs.failure(e);
        }
    }

    /** A cluster runs the units of a DPOR search of a scenario; anything else is a usage error that says so. */
    private void checkClusterable(String strat) {
        if (javaOptions.given()) {
            throw new UsageException("--cluster runs scenarios; a Java program (--java) runs on this machine only (its classes "
                    + "are not on the members): drop --cluster, and use --workers for this machine's cores");
        }
        if (!strat.equals("dpor") || preemptions != null) {
            throw new UsageException("--cluster splits an exhaustive dpor search into work units; --strategy " + strat
                    + (preemptions != null ? " with --preemptions" : "") + " runs on this machine: drop --cluster");
        }
    }

    /**
     * Reads the options into the program to explore and the search's configuration, checking them;
     * also how a cluster member rebuilds the job it is sent (nothing is written).
     */
    Prepared prepare(Io io) {
        String strat = choice("--strategy", strategy, STRATEGIES);
        timing.flag();
        long max = bounds(strat);
        javaOptions.checkExclusive("explore", scenario != null);
        Subject subject;
        List<LockExperiment> experiments;
        RunConfig.Timing t;
        if (javaOptions.given()) {
            if (model != null) {
                throw new UsageException("--model applies to scenarios; a Java program (--java) runs as compiled");
            }
            if (strat.equals("stress")) {
                throw new UsageException("--strategy stress runs a scenario on real threads; a Java program does that by itself "
                        + "(java -cp PATH CLASS), so use dpor, pct or random with --java");
            }
            if (cluster.given()) {
                checkClusterable(strat); // before the discovery runs below
            }
            var target = javaOptions.target();
            JavaLocks locks = removes.isEmpty() && replaces.isEmpty() ? null
                    : JavaLocks.discover(target, DISCOVERY_EXECUTIONS, DISCOVERY_MILLIS, io.ticker());
            experiments = locks == null ? List.of() : locks.experiments(removes, replaces);
            subject = new JavaSubject(target, locks);
            t = timing.resolve(null);
        } else {
            if (scenario == null) {
                throw new UsageException("explore needs what to run: --scenario S (see 'whylock list scenarios') or --java CLASS "
                        + "--class-path PATH");
            }
            LoadedScenario loaded = ScenarioResolver.load(io, scenario, model);
            experiments = ExperimentParser.combined(loaded.model(), removes, replaces);
            t = timing.resolve(loaded.scenario().timing());
            subject = loaded;
        }
        RunInfo info = new RunInfo(subject, experiments, t, describe(strat));
        Program program = subject.program();
        SearchConfig cfg = SearchConfig.of(spec(strat)).withRun(info.runConfig()).withMaxExecutions(max)
                .withTimeLimit(io.millisLeft(timeLimit), io.ticker());
        return new Prepared(strat, max, info, program, cfg);
    }

    private long bounds(String strat) {
        long max = maxExecutions != null ? maxExecutions : strat.equals("stress") ? DEFAULT_STRESS_RUNS : DEFAULT_MAX_EXECUTIONS;
        if (max < 1) {
            throw new UsageException("--max-executions " + max + ": expected a positive number of executions, e.g. 10000");
        }
        if (max > MAX_EXECUTIONS_LIMIT || (strat.equals("stress") && max > Integer.MAX_VALUE)) {
            throw new UsageException("--max-executions " + max + ": more than this whylock can run (at most "
                    + String.format("%,d", strat.equals("stress") ? Integer.MAX_VALUE : MAX_EXECUTIONS_LIMIT)
                    + "); use --time-limit to bound a long search by time");
        }
        if (preemptions != null && (preemptions < 0 || preemptions > MAX_PREEMPTIONS)) {
            throw new UsageException("--preemptions " + preemptions + ": expected a number from 0 to " + MAX_PREEMPTIONS
                    + " (kernel races usually need 1 to 3)");
        }
        if (preemptions != null && (strat.equals("random") || strat.equals("stress"))) {
            throw new UsageException("--preemptions applies to --strategy dpor and pct, not " + strat);
        }
        return max;
    }

    private StrategySpec spec(String strat) {
        return switch (strat) {
            case "pct" -> StrategySpec.pct(seed, preemptions == null ? 3 : preemptions + 1);
            case "random" -> StrategySpec.random(seed);
            default -> preemptions == null ? StrategySpec.dpor() : StrategySpec.dfs(preemptions);
        };
    }

    private String describe(String strat) {
        return switch (strat) {
            case "pct" -> "pct (depth " + (preemptions == null ? 3 : preemptions + 1) + ", seed " + seed + ")";
            case "random" -> "random (seed " + seed + ")";
            case "stress" -> "stress (seed " + seed + ")";
            default -> preemptions == null ? "dpor" : "dpor (at most " + preemptions + " preemptions)";
        };
    }

    private int stress(Io io, RunInfo info, Program program, long runs) {
        io.cancellation().begin();
        Prewarmer.start();
        int code = ExitCode.INTERNAL;
        try {
            long limitNanos = timeLimit == null ? Long.MAX_VALUE : io.millisLeft(timeLimit) * 1_000_000;
            long start = io.ticker().nanos();
            var cancelled = io.cancellation().requested();
            StressResult r = Stress.run(program, info.experiments(), (int) runs, STRESS_HANG_MILLIS, seed, false, io.ticker(),
                    () -> cancelled.getAsBoolean() || io.ticker().nanos() - start >= limitNanos);
            StopReason stop = cancelled.getAsBoolean() ? StopReason.INTERRUPTED
                    : r.runs() < runs ? StopReason.TIME_LIMIT : StopReason.MAX_EXECUTIONS;
            if (stop == StopReason.INTERRUPTED && !common.quiet) {
                io.err().println("whylock: interrupted after " + r.runs() + " runs; writing the partial result");
                io.err().flush();
            }
            code = StressOutput.write(io, common, info, r, stop, runs);
            code = stop == StopReason.INTERRUPTED ? ExitCode.INTERRUPTED : code;
            return code;
        } finally {
            io.cancellation().finished(code);
        }
    }

    /** A value from a fixed list, with a suggestion for a typo. */
    static String choice(String flag, String value, List<String> valid) {
        String v = value.toLowerCase(Locale.ROOT);
        if (!valid.contains(v)) {
            throw new UsageException(flag + " " + value + ": unknown value" + Suggest.didYouMean(v, valid)
                    + " (expected one of: " + String.join(", ", valid) + ")");
        }
        return v;
    }

    /** Shell completion for {@code --strategy}. */
    static final class StrategyCandidates extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        StrategyCandidates() {
            super(STRATEGIES);
        }
    }
}
