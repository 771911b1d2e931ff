package dev.whylock.cli;

import dev.whylock.engine.result.StopReason;
import dev.whylock.engine.stress.StressResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Writes the result of a stress run: how many real-thread runs failed, and how. */
final class StressOutput {
    private StressOutput() {}

    /** {@code stop}: why the runs ended, of the {@code asked} runs. */
    static int write(Io io, CommonOptions common, RunInfo info, StressResult r, StopReason stop, long asked) {
        var node = StressJson.stress(info, r.runs(), r.failedRuns(), r.firstFailureRun(), r.failures(), r.elapsedMillis());
        node.put("stopReason", stop.key());
        String json = StressJson.text(node);
        if (common.json != null) {
            RunOutput.write(common.json(io), json, "--json");
        }
        String text = text(info, r) + (stop == StopReason.MAX_EXECUTIONS ? ""
                : String.format("stopped early (%s) after %,d of %,d runs%n", stop == StopReason.INTERRUPTED ? "Ctrl-C" : "time limit",
                        r.runs(), asked));
        if (common.traceOut != null) {
            RunOutput.write(io.resolve(common.traceOut), "stress runs on real threads record no trace\n", "--trace-out");
        }
        if (common.html != null) {
            RunOutput.write(io.resolve(common.html), Html.page("whylock: " + info.scenarioName(), text), "--html");
        }
        if (!common.quiet) {
            io.out().print(text);
            io.out().flush();
        }
        return r.failedRuns() > 0 ? ExitCode.VIOLATION : ExitCode.OK;
    }

    private static String experiment(RunInfo info, dev.whylock.engine.LockExperiment e) {
        return info.newLockClasses().contains(e.replacement()) ? e + " (" + e.replacement() + ": a new lock class)" : e.toString();
    }

    static String text(RunInfo info, StressResult r) {
        StringWriter sw = new StringWriter();
        PrintWriter out = new PrintWriter(sw);
        out.printf("model %s, scenario %s, strategy %s%s%n", info.modelName(), info.scenarioName(), info.strategy(),
                info.experiments().isEmpty() ? ", no experiment"
                        : ", " + String.join(", ", info.experiments().stream().map(e -> experiment(info, e)).toList()));
        out.printf("%s: %,d of %,d real-thread runs failed%s in %.1f s; NOT exhaustive: stress samples, and records no trace%n",
                r.failedRuns() > 0 ? "violation" : "no-violation", r.failedRuns(), r.runs(),
                r.firstFailureRun() > 0 ? " (first at run " + r.firstFailureRun() + ")" : "", r.elapsedMillis() / 1000.0);
        out.printf("NOT reproducible: the operating system schedules the real threads, so the same command gives other counts; "
                + "--seed fixes only the model's own random choices, not the interleavings%n");
        for (Map.Entry<String, Integer> e : r.failures().entrySet()) {
            out.printf("  %,6d x %s%n", e.getValue(), e.getKey());
        }
        out.flush();
        return sw.toString();
    }
}
