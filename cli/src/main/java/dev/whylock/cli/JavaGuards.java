package dev.whylock.cli;

import dev.whylock.engine.analysis.LocksetCollector;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
import dev.whylock.engine.search.Ticker;
import dev.whylock.jvm.JavaProgram;
import dev.whylock.jvm.JavaTarget;
import dev.whylock.jvm.guard.AnnotationPatch;
import dev.whylock.jvm.guard.GuardChecker;
import dev.whylock.jvm.guard.GuardDeclarations;
import dev.whylock.jvm.guard.GuardReport;
import dev.whylock.jvm.guard.GuardSuggestions;
import dev.whylock.jvm.guard.SourceFiles;
import dev.whylock.report.GuardedByCheck;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * {@code @GuardedBy} for a Java program in {@code why} and {@code lockset}: the annotations in its
 * class files checked against every explored execution of the code as written, suggestions for
 * the other fields from the locksets (both saved with the result, see {@link #saved}), and the
 * patch file of {@code --suggest-annotations}.
 */
final class JavaGuards {

    /** The observers to add to an exploration, and what they make of it afterwards. */
    record Watch(GuardDeclarations declarations, SourceFiles sources, GuardChecker checker, LocksetCollector locksets) {

        static Watch of(JavaTarget target, GuardOptions options) {
            GuardDeclarations d;
            try {
                d = GuardDeclarations.read(target.classPath());
            } catch (UncheckedIOException e) {
                throw new UsageException("--class-path: " + e.getMessage());
            }
            return new Watch(d, SourceFiles.of(options.sourceRoots(), target.classPath()), new GuardChecker(d), new LocksetCollector());
        }

        GuardReport report(long executions, boolean exhaustive) {
            List<GuardChecker.Guard> used = checker.guards().stream().filter(g -> checker.touched(g.field().display())).toList();
            List<Long> accesses = used.stream().map(g -> checker.accesses(g.field().display())).toList();
            return new GuardReport(executions, exhaustive, used, accesses, checker.findings(),
                    GuardSuggestions.of(locksets.result().fields(), declarations, sources));
        }
    }

    private JavaGuards() {}

    /** Explores the code as written (DPOR, up to {@code max} executions) only to check and suggest annotations. */
    static GuardReport explore(JavaTarget target, Watch watch, long max, long timeLimitMillis, Ticker ticker,
            BooleanSupplier cancelled) {
        try (JavaProgram p = JavaProgram.of(target)) {
            SearchConfig cfg = SearchConfig.of(StrategySpec.dpor()).withMinimize(false).withMaxExecutions(max)
                    .withRun(RunConfig.defaults()).withTimeLimit(timeLimitMillis, ticker).withCancelled(cancelled)
                    .withObservers(List.of(watch.locksets(), watch.checker()));
            var r = Explorer.explore(p, cfg);
            return watch.report(r.executions(), r.exhaustive());
        }
    }

    /** The check as the saved result carries it: each annotation with its accesses and breaches, and every suggestion. */
    static GuardedByCheck saved(GuardReport r) {
        List<GuardedByCheck.Guard> guards = new ArrayList<>();
        for (int i = 0; i < r.guards().size(); i++) {
            GuardChecker.Guard g = r.guards().get(i);
            List<GuardedByCheck.Breach> breaches = r.findings().stream().filter(f -> f.guard().equals(g))
                    .map(f -> new GuardedByCheck.Breach(f.site(), f.write(), f.counterexample())).toList();
            guards.add(new GuardedByCheck.Guard(g.field().display(), g.field().guard(), g.checkable() ? g.lock() : null,
                    g.checkable() ? null : g.lock(), r.accesses().get(i), breaches));
        }
        List<GuardedByCheck.Suggestion> suggestions = r.suggestions().stream()
                .map(s -> new GuardedByCheck.Suggestion(s.field().display(), GuardedByCheck.Status.valueOf(s.status().name()), s.locks(),
                        s.lock(), s.expression(), s.family() == null ? null : s.family().qualified(), s.note()))
                .toList();
        return new GuardedByCheck(r.executions(), r.exhaustive(), guards, suggestions);
    }

    /** Writes the {@code --suggest-annotations} patch and says what it holds. */
    static void writePatch(Io io, GuardOptions options, Watch watch, GuardReport r) {
        if (options.patch == null) {
            return;
        }
        AnnotationPatch patch = AnnotationPatch.of(r.suggestions(), watch.declarations(), watch.sources(), io.workDir());
        Path p = io.resolve(options.patch);
        RunOutput.write(p, patch.text(), "annotation patch");
        List<String> lines = new ArrayList<>();
        lines.add("wrote " + io.show(p) + ": " + patch.added().size() + (patch.added().size() == 1 ? " annotation" : " annotations")
                + (patch.added().isEmpty() ? "" : "; apply with: git apply " + io.show(p)));
        patch.added().forEach(a -> lines.add("  + " + a));
        patch.skipped().forEach(s -> lines.add("  not in the patch: " + s));
        lines.forEach(io.out()::println);
        io.out().flush();
    }
}
