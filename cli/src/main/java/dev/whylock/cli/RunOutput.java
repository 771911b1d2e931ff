package dev.whylock.cli;

import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.result.Violation;
import dev.whylock.report.RunHtmlRenderer;
import dev.whylock.report.RunJson;
import dev.whylock.report.RunReport;
import dev.whylock.report.RunTextRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Writes the result of one exploration: a replay file per violation, then the JSON, HTML and
 * trace files asked for, then the text report on stdout. Returns the exit code.
 */
final class RunOutput {
    private RunOutput() {}

    static int write(Io io, CommonOptions common, RunInfo info, ExplorationResult r) {
        return write(io, common, info, r, UnaryOperator.identity());
    }

    /** {@code extend} adds what only some commands have (the lockset analysis) to the report. */
    static int write(Io io, CommonOptions common, RunInfo info, ExplorationResult r, UnaryOperator<RunReport> extend) {
        Path json = common.json(io);
        RunReport report = RunReport.of(info.modelName(), info.scenarioName(), info.timing().name().toLowerCase(Locale.ROOT), r);
        for (int i = 0; i < r.violations().size(); i++) {
            Path p = ReplayFiles.pathFor(io, json, info, i + 1);
            write(p, ReplayFiles.of(info, r.violations().get(i)).text(), "replay file");
            report = report.withReplayFile(i, io.show(p));
        }
        report = extend.apply(report);
        if (json != null) {
            write(json, RunJson.text(report), "--json");
        }
        if (common.traceOut != null) {
            write(io.resolve(common.traceOut), traces(r), "--trace-out");
        }
        if (common.html != null) {
            write(io.resolve(common.html), render(report, true), "--html");
        }
        if (!common.quiet) {
            io.out().print(render(report, false));
            io.out().flush();
        }
        return r.hasViolation() ? ExitCode.VIOLATION : ExitCode.OK;
    }

    static String render(RunReport report, boolean html) {
        StringBuilder b = new StringBuilder();
        try {
            if (html) {
                RunHtmlRenderer.render(report, b);
            } else {
                RunTextRenderer.render(report, b);
            }
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
    static String traces(ExplorationResult r) {
        StringWriter sw = new StringWriter();
        PrintWriter out = new PrintWriter(sw);
        if (r.violations().isEmpty()) {
            out.println("no violation, so no counterexample (" + r.executions() + " executions)");
        }
        for (Violation v : r.violations()) {
            out.printf("%s: %s%n", v.kind().key(), v.message());
            TraceText.print(out, v.trace(), "");
            out.println();
        }
        out.flush();
        return sw.toString();
    }
}
