package dev.whylock.cli;

import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.Program;
import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.analysis.Analyses;
import dev.whylock.engine.analysis.ExperimentReach;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.result.StopReason;
import dev.whylock.engine.search.ExecutionObserver;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.SplitSearch;
import dev.whylock.engine.search.StrategySpec;
import dev.whylock.jvm.JavaProgram;
import dev.whylock.jvm.JavaResult;
import dev.whylock.report.RunReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Runs one search the way every command does: progress on stderr, Ctrl-C stops it cleanly, and the
 * (possibly partial) result is written before the process may end.
 */
final class Searches {
    private Searches() {}

    /**
     * Explores with the analyses (locksets, races, lock order, assertions) observing every
     * execution; the data races they find are violations of kind {@code data-race} unless ignored.
     */
    static int explore(Io io, CommonOptions common, RunInfo info, Program program, SearchConfig cfg, Set<ViolationKind> ignored,
            int workers) {
        return explore(io, common, info, program, cfg, ignored, workers, UnaryOperator.identity());
    }

    /** As above, {@code more} adding to the report what the command's own observers found (a Java program's @GuardedBy check). */
    static int explore(Io io, CommonOptions common, RunInfo info, Program program, SearchConfig cfg, Set<ViolationKind> ignored,
            int workers, UnaryOperator<RunReport> more) {
        // one Java execution runs at a time in a JVM (the rewritten classes reach one active runtime)
        return explore(io, common, info, program, cfg, ignored, Splitter.local(program instanceof JavaProgram ? 1 : workers), more);
    }

    /** How a DPOR search runs: split into work units, on this machine's threads or on a cluster's members. */
    @FunctionalInterface
    interface Splitter {
        ExplorationResult explore(Program program, SearchConfig cfg);

        /** On {@code workers} threads of this JVM. */
        static Splitter local(int workers) {
            return (p, c) -> SplitSearch.explore(p, c, workers, SplitSearch.DEFAULT_SPLIT_DEPTH, SplitSearch.DEFAULT_UNIT_EXECUTIONS);
        }
    }

    /** As {@link #explore(Io, CommonOptions, RunInfo, Program, SearchConfig, Set, int)}, the DPOR search run by {@code splitter}. */
    static int explore(Io io, CommonOptions common, RunInfo info, Program program, SearchConfig cfg, Set<ViolationKind> ignored,
            Splitter splitter) {
        return explore(io, common, info, program, cfg, ignored, splitter, UnaryOperator.identity());
    }

    private static int explore(Io io, CommonOptions common, RunInfo info, Program program, SearchConfig cfg, Set<ViolationKind> ignored,
            Splitter splitter, UnaryOperator<RunReport> more) {
        // device_lock is one class for every device (lockdep's novalidate class): left out of lock order.
        Analyses analyses = new Analyses(info.subject().unvalidatedLockClasses());
        ExperimentReach reach = new ExperimentReach(info.experiments());
        List<ExecutionObserver> observers = new ArrayList<>(analyses.observers());
        observers.add(reach);
        observers.addAll(cfg.observers());
        JavaProgram java = program instanceof JavaProgram jp ? jp : null;
        try {
            return explore(io, common, info, program, cfg.withObservers(observers), splitter,
                    r -> (java == null ? r : JavaResult.of(r, java.notes()).result())
                            .withViolations(analyses.report().races().violations(), ignored),
                    report -> {
                        RunReport out = notes(io, common, info, report.withAnalysis(analyses.report()), reach);
                        return more.apply(java == null ? out : out.withJavaNotes(java.notes().notControlled(), java.notes().notReset()));
                    });
        } finally {
            if (java != null) {
                java.close();
            }
        }
    }

    /**
     * Names the experiments' new lock classes, and the experiments no execution reached (with a
     * warning): removing a lock where it is never taken changes nothing, so "no damage" would mislead.
     */
    private static RunReport notes(Io io, CommonOptions common, RunInfo info, RunReport report, ExperimentReach reach) {
        List<String> unreached = report.result().executions() == 0 ? List.of()
                : reach.unreached().stream().map(LockExperiment::toString).toList();
        if (!common.quiet) {
            for (LockExperiment e : reach.unreached()) {
                if (unreached.contains(e.toString())) {
                    boolean java = info.subject() instanceof JavaSubject;
                    io.err().println("whylock: warning: " + e + " was never reached: no explored execution takes " + e.lockClass()
                            + (e.sites().isEmpty() ? "" : " in " + String.join(", ", e.sites().stream().sorted().toList()))
                            + (java ? " in " : " in scenario ") + info.scenarioName() + ", so it changed nothing; "
                            + (java ? "'whylock list locks --java' shows where each lock is taken" : "'whylock list scenarios' shows what each scenario runs"));
                }
            }
            io.err().flush();
        }
        return report.withExperimentNotes(info.newLockClasses(), unreached);
    }

    /** DPOR runs as a split search by {@code splitter} (the same result on any number of threads or members); the other strategies alone. */
    static int explore(Io io, CommonOptions common, RunInfo info, Program program, SearchConfig cfg, Splitter splitter,
            UnaryOperator<ExplorationResult> findings, UnaryOperator<RunReport> extend) {
        io.cancellation().begin();
        Prewarmer.start();
        int code = ExitCode.INTERNAL;
        try {
            ExplorationResult r;
            ProgressReporter progress = ProgressReporter.create(io, common.quiet, info.strategy());
            try {
                SearchConfig c = cfg.withProgress(progress).withCancelled(io.cancellation().requested());
                r = findings.apply(c.strategy().kind() == StrategySpec.Kind.DPOR ? splitter.explore(program, c) : Explorer.explore(program, c));
            } finally {
                progress.close();
            }
            boolean interrupted = r.stopReason() == StopReason.INTERRUPTED;
            if (interrupted && !common.quiet) {
                io.err().println("whylock: interrupted after " + r.executions() + " executions; writing the partial result");
                io.err().flush();
            }
            code = RunOutput.write(io, common, info, r, extend);
            code = interrupted ? ExitCode.INTERRUPTED : code;
            return code;
        } finally {
            io.cancellation().finished(code);
        }
    }
}
