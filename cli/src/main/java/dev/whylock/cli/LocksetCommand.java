package dev.whylock.cli;

import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
import dev.whylock.jvm.guard.GuardReport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import dev.whylock.cluster.Cluster;
import dev.whylock.cluster.ClusterException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code whylock lockset}: which locks were held at every access of each field ("what protects what"). */
@Command(name = "lockset", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        description = {"Explore a scenario or a Java program (every interleaving, DPOR) and report, per field, the locks held at every "
                + "shared access (what protects what), the lock-order edges with their sites, data races and the lock "
                + "assertions that ran.", ""},
        footerHeading = "%nExamples:%n",
        footer = {"  whylock lockset --scenario module-insert-vs-phylink-create",
            "  whylock lockset --scenario unbind-cage --model sfp-v6.5 --json locksets.json",
            "  whylock lockset --java com.example.Transfers --class-path target/classes",
            "",
            "Exit codes: 0 no violation within the bound, 1 a violation was found (data races count unless --ignore data-race),",
            "2 bad input, 3 internal error, 130 interrupted."})
final class LocksetCommand implements Callable<Integer> {

    @ParentCommand
    WhylockCommand root;

    @Option(names = "--scenario", paramLabel = "S",
            description = "A built-in scenario (see 'whylock list scenarios') or a path to a scenario file (YAML).")
    String scenario;

    @Mixin
    JavaOptions javaOptions;

    @Mixin
    GuardOptions guardOptions;

    @Option(names = "--model", paramLabel = "M", completionCandidates = Candidates.ModelNames.class, description = "The model: sfp-v5.14 (default) or sfp-v6.5.")
    String model;

    @Option(names = "--max-executions", paramLabel = "N", description = "Stop after N executions (default 1,000,000).")
    Long maxExecutions;

    @Option(names = "--time-limit", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop after this much wall time from the start of the command, e.g. 30s (a bare number is seconds); "
                    + "the locksets then cover only what was explored.")
    Duration timeLimit;

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

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The subject, its run and the search's configuration (before the analyses join it), and the @GuardedBy watch of a Java program. */
    record Prepared(RunInfo info, Subject subject, SearchConfig cfg, JavaGuards.Watch watch, long max) {}

    /** Reads the options into what to explore, checking them; also how a cluster member rebuilds the job (nothing is written). */
    Prepared prepare(Io io) {
        long max = maxExecutions == null ? ExploreCommand.DEFAULT_MAX_EXECUTIONS : maxExecutions;
        if (max < 1 || max > ExploreCommand.MAX_EXECUTIONS_LIMIT) {
            throw new UsageException("--max-executions " + max + ": expected a number from 1 to "
                    + String.format("%,d", ExploreCommand.MAX_EXECUTIONS_LIMIT));
        }
        timing.flag();
        javaOptions.checkExclusive("lockset", scenario != null);
        guardOptions.check("lockset", javaOptions.given());
        Subject subject;
        JavaGuards.Watch watch = null;
        if (javaOptions.given()) {
            if (model != null) {
                throw new UsageException("--model applies to scenarios; a Java program (--java) runs as compiled");
            }
            if (cluster.given()) {
                throw new UsageException("--cluster runs scenarios; a Java program (--java) runs on this machine only (its classes "
                        + "are not on the members): drop --cluster, and use --workers for this machine's cores");
            }
            subject = new JavaSubject(javaOptions.target(), null);
            watch = JavaGuards.Watch.of(((JavaSubject) subject).target(), guardOptions);
        } else if (scenario == null) {
            throw new UsageException("lockset needs what to run: --scenario S (see 'whylock list scenarios') or --java CLASS "
                    + "--class-path PATH");
        } else {
            subject = ScenarioResolver.load(io, scenario, model);
        }
        RunInfo info = new RunInfo(subject, List.of(),
                timing.resolve(subject instanceof LoadedScenario ls ? ls.scenario().timing() : null), "dpor");
        SearchConfig cfg = SearchConfig.of(StrategySpec.dpor()).withRun(info.runConfig()).withMaxExecutions(max)
                .withTimeLimit(io.millisLeft(timeLimit), io.ticker());
        return new Prepared(info, subject, cfg, watch, max);
    }

    @Override
    public Integer call() {
        Io io = root.io();
        Prepared p = prepare(io);
        var ignored = ignore.kinds();
        common.checkWritable(io);
        RunInfo info = p.info();
        Subject subject = p.subject();
        SearchConfig cfg = p.cfg();
        JavaGuards.Watch watch = p.watch();
        long max = p.max();
        if (cluster.given()) {
            try (Cluster c = Cluster.connect(cluster.address(), ClusterJobs.fingerprint(), ClusterJobs.resolver(),
                    ClusterJobs.CONNECT_TIMEOUT)) {
                if (!common.quiet) {
                    io.err().println("whylock: exploring on the cluster at " + cluster.address() + " (" + c.memberCount() + " members)");
                    io.err().flush();
                }
                List<String> job = ClusterJobs.spec("lockset", spec.commandLine().getParseResult().originalArgs(), io);
                int code = Searches.explore(io, common, info, subject.program(), cfg, ignored, (prog, sc) -> c.explore(prog, sc, job));
                ClusterJobs.reportResends(io, common.quiet, c);
                return code;
            } catch (ClusterException e) {
                throw ClusterJobs.failure(e);
            }
        }
        if (watch == null) {
            return Searches.explore(io, common, info, subject.program(), cfg, ignored, workers.count());
        }
        long[] seen = new long[2];
        cfg = cfg.withObservers(List.of(watch.locksets(), watch.checker(), o -> {
            seen[0]++;
            seen[1] += o.status() == dev.whylock.engine.exec.ExecutionOutcome.Status.INTERRUPTED ? 1 : 0;
        }));
        GuardReport[] guards = new GuardReport[1];
        int code = Searches.explore(io, common, info, subject.program(), cfg, ignored, workers.count(), report -> {
            guards[0] = watch.report(watch.checker().executions(), seen[1] == 0 && seen[0] < max);
            return report.withGuardedBy(JavaGuards.saved(guards[0]));
        });
        JavaGuards.writePatch(io, guardOptions, watch, guards[0]);
        return code;
    }
}
