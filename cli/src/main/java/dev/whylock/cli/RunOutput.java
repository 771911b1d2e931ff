package dev.whylock.cli;

import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.result.Violation;
import dev.whylock.report.ColumnTrace;
import dev.whylock.report.ResultFormatException;
import dev.whylock.report.RunReport;
import dev.whylock.report.SavedResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Writes the result of one exploration the jcstress way: a replay file per violation, then the
 * result as JSON, then every output (text, HTML, trace file) rendered from that JSON read back,
 * so no output can say what the saved result does not. Returns the exit code.
 */
final class RunOutput {
    private RunOutput() {}

    /** {@code extend} adds what only some commands have (the lockset analysis) to the report. */
    static int write(Io io, CommonOptions common, RunInfo info, ExplorationResult r, UnaryOperator<RunReport> extend) {
        Path json = common.json(io);
        RunReport report = RunReport.of(info.modelName(), info.scenarioName(), info.timing().name().toLowerCase(Locale.ROOT), r);
        for (int i = 0; i < r.violations().size(); i++) {
            Path p = ReplayFiles.pathFor(io, json, info, i + 1);
            write(p, ReplayFiles.of(info, r.violations().get(i)).text(), "replay file");
            report = report.withReplayFile(i, io.show(p));
        }
        saveAndRender(io, common, extend.apply(report), false);
        return r.hasViolation() ? ExitCode.VIOLATION : ExitCode.OK;
    }

    /**
     * Writes {@code result} as JSON (to {@code --json} when asked), then renders what was asked from
     * that JSON read back. With nothing to render ({@code --quiet}, no {@code --html} or
     * {@code --trace-out}) it is not read back: a large partial result after Ctrl-C is saved sooner.
     */
    static void saveAndRender(Io io, CommonOptions common, SavedResult result, boolean full) {
        String text = result.json();
        if (common.json != null) {
            write(common.json(io), text, "--json");
        }
        if (common.quiet && common.html == null && common.traceOut == null) {
            return;
        }
        render(io, common, readBack(text), full);
    }

    /** The result as every output is rendered from it: read back from its own JSON. */
    private static SavedResult readBack(String text) {
        try {
            return SavedResult.read(text);
        } catch (ResultFormatException e) {
            throw new IllegalStateException("the result does not read back from its own JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Renders a saved result as asked: {@code --html}, {@code --trace-out}, and the text on stdout
     * unless quiet (a why report in full only when {@code full}).
     */
    static void render(Io io, CommonOptions common, SavedResult saved, boolean full) {
        if (common.html != null) {
            write(io.resolve(common.html), html(saved), "--html");
        }
        if (common.traceOut != null) {
            write(io.resolve(common.traceOut), traces(saved), "--trace-out");
        }
        if (!common.quiet) {
            io.out().print(text(saved, full));
            io.out().flush();
        }
    }

    static String text(SavedResult saved, boolean full) {
        StringBuilder b = new StringBuilder();
        try {
            saved.renderText(b, full);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return b.toString();
    }

    static String html(SavedResult saved) {
        StringBuilder b = new StringBuilder();
        try {
            saved.renderHtml(b);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return b.toString();
    }

    static void write(Path p, String text, String what) {
        try {
            AtomicFile.write(p, text);
        } catch (IOException e) {
            throw new UsageException(what + " " + p + ": cannot write (" + ScenarioResolver.reason(e) + ")");
        }
    }

    /** Every counterexample step by step, for {@code --trace-out}. */
    static String traces(SavedResult saved) {
        StringBuilder b = new StringBuilder();
        try {
            for (ReportedViolation f : ReportedViolation.all(saved)) {
                b.append(f.title()).append('\n');
                ColumnTrace.printWhole(f.violation(), "  ", b);
                b.append('\n');
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (b.isEmpty()) {
            b.append("no counterexample: nothing broke within the bound\n");
        }
        return b.toString();
    }

    /** A counterexample with the line that introduces it in the trace file. */
    record ReportedViolation(String title, Violation violation) {

        static java.util.List<ReportedViolation> all(SavedResult saved) {
            java.util.List<ReportedViolation> out = new java.util.ArrayList<>();
            switch (saved) {
                case RunReport r -> r.violations().forEach(v -> out.add(new ReportedViolation(v.key(), v)));
                case dev.whylock.report.WhyRun w -> w.report().verdicts().stream().filter(v -> v.counterexample() != null)
                        .forEach(v -> out.add(new ReportedViolation(v.experiment() + " in " + v.scenario() + ": "
                                + v.counterexample().key(), v.counterexample())));
            }
            return out;
        }
    }
}
