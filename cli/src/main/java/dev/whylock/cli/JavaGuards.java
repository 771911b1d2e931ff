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
import dev.whylock.report.ColumnTrace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code @GuardedBy} for a Java program in {@code why} and {@code lockset}: the annotations in its
 * class files checked against every explored execution of the code as written, suggestions for
 * the other fields from the locksets, and the patch file of {@code --suggest-annotations}.
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
    static GuardReport explore(JavaTarget target, Watch watch, long max, long timeLimitMillis, Ticker ticker) {
        try (JavaProgram p = JavaProgram.of(target)) {
            SearchConfig cfg = SearchConfig.of(StrategySpec.dpor()).withMinimize(false).withMaxExecutions(max)
                    .withRun(RunConfig.defaults()).withTimeLimit(timeLimitMillis, ticker)
                    .withObservers(List.of(watch.locksets(), watch.checker()));
            var r = Explorer.explore(p, cfg);
            return watch.report(r.executions(), r.exhaustive());
        }
    }

    /** Prints the section; {@code full} adds the trace of every access that broke an annotation. */
    static void print(Appendable out, GuardReport r, boolean full) throws IOException {
        out.append("\n@GuardedBy (Java): checked against ").append(String.format("%,d", r.executions()))
                .append(" executions of the code as written").append(r.exhaustive() ? " (exhaustive)" : " (not exhaustive)").append('\n');
        if (r.guards().isEmpty()) {
            out.append("  no field the program touches carries @GuardedBy\n");
        }
        for (int i = 0; i < r.guards().size(); i++) {
            GuardChecker.Guard g = r.guards().get(i);
            String field = g.field().display();
            List<GuardChecker.Finding> broken = r.findings().stream().filter(f -> f.guard().equals(g)).toList();
            String verdict = !g.checkable() ? g.lock()
                    : broken.isEmpty() ? (r.accesses().get(i) == 0 ? "never accessed outside its initialisers"
                            : "held at all " + String.format("%,d", r.accesses().get(i)) + " checked accesses")
                    : "VIOLATED at " + broken.size() + (broken.size() == 1 ? " site" : " sites");
            out.append(String.format("  %-34s @GuardedBy(\"%s\")  %s%n", field, g.field().guard(), verdict));
            for (GuardChecker.Finding f : broken) {
                out.append("      ").append(f.write() ? "written" : "read").append(" in ").append(f.site()).append(" by ")
                        .append(f.counterexample().task()).append(" without ").append(g.lock()).append(" (")
                        .append(String.valueOf(f.counterexample().trace().steps().size())).append(" steps)\n");
                if (full) {
                    ColumnTrace.print(f.counterexample(), "      ", out);
                }
            }
        }
        List<GuardSuggestions.Suggestion> rest = r.suggestions().stream()
                .filter(s -> s.status() != GuardSuggestions.Status.ALREADY_ANNOTATED).toList();
        if (!rest.isEmpty()) {
            out.append("  suggested from the locksets (the lock held at every shared access):\n");
        }
        for (GuardSuggestions.Suggestion s : rest) {
            String what = switch (s.status()) {
                case SUGGESTED -> s.annotation() + "  (" + s.family().qualified() + ")";
                case ANNOTATED_DIFFERENTLY, CANNOT_NAME -> s.note();
                case ALREADY_ANNOTATED -> "";
            };
            out.append(String.format("  %-34s %s%n", s.field().display(), what));
        }
        if (r.guards().isEmpty() && rest.isEmpty()) {
            out.append("  no field is written while shared with the same lock held at every access\n");
        }
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
