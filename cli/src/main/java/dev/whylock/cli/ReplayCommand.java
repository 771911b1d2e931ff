package dev.whylock.cli;

import dev.whylock.engine.Program;
import dev.whylock.engine.result.ReplayFile;
import dev.whylock.engine.result.Step;
import dev.whylock.engine.result.Trace;
import dev.whylock.engine.search.Replayer;
import dev.whylock.report.ColumnTrace;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code whylock replay FILE}: re-runs a saved counterexample with the recorded decisions, prints it
 * step by step, and fails loudly at the first step where the model no longer does what was recorded.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Re-run a saved counterexample step by step and print it. Fails (exit 2) when the replay diverges "
                + "from the recorded steps, or the file is truncated, corrupted, from another whylock version or model.", ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  whylock replay .whylock/module-insert-vs-phylink-create.remove-rtnl_mutex.violation-1.replay",
            "  whylock replay out.violation-1.replay",
            "",
            "Exit codes: 1 the violation was reproduced, 2 bad or diverging replay file, 3 internal error."})
final class ReplayCommand implements Callable<Integer> {

    @ParentCommand
    WhylockCommand root;

    @Parameters(paramLabel = "FILE", description = "A .replay file written by 'whylock explore' (beside its --json file, or under .whylock/).")
    String file;

    @Override
    public Integer call() {
        Io io = root.io();
        ReplayFiles.Loaded loaded = ReplayFiles.read(io, file);
        RunInfo info = loaded.info();
        ReplayFile rf = loaded.file();
        io.out().printf("replaying %s%n  model %s, scenario %s, %s, timing %s%n  recorded: %s (%d steps, %d decisions)%n%n",
                file, info.modelName(), info.scenarioName(),
                info.experiments().isEmpty() ? "no experiment" : String.join(", ", info.experiments().stream().map(Object::toString).toList()),
                info.timing().name().toLowerCase(java.util.Locale.ROOT), loaded.violation(), rf.steps().size(), rf.decisions().size());
        Program program = info.subject().program();
        Replayer.Outcome o;
        try {
            o = Replayer.replay(program, info.runConfig(), rf);
        } finally {
            if (program instanceof dev.whylock.jvm.JavaProgram jp) {
                jp.close();
            }
        }
        if (o.error() != null) {
            throw new UsageException("replay " + file + ": " + o.error()
                    + "; the model no longer follows the recorded schedule (changed since the file was written?)");
        }
        Trace trace = o.trace();
        int diverged = o.divergence();
        int shown = diverged >= 0 ? Math.min(diverged + 1, trace.steps().size()) : Math.min(rf.steps().size(), trace.steps().size());
        List<Step> steps = trace.steps().subList(0, shown);
        StringBuilder table = new StringBuilder();
        try {
            ColumnTrace.printWhole(new Trace(steps, (int) steps.stream().filter(Step::preemption).count(), trace.tasks()), "  ", table);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        io.out().print(table);
        io.out().flush();
        if (diverged >= 0) {
            String got = diverged < trace.steps().size() ? ReplayFile.stepKey(trace.steps().get(diverged)) : "the end of the execution";
            throw new UsageException("replay " + file + ": diverged at step " + (diverged + 1) + ": the file expects '"
                    + rf.steps().get(diverged) + "' (task|operation|object|site), the model did '" + got
                    + "'; the model changed since the file was written, or the file was edited");
        }
        if (!o.reproduced(loaded.violation())) {
            throw new UsageException("replay " + file + ": the steps replayed, but the recorded violation '" + loaded.violation()
                    + "' did not happen" + (o.violations().isEmpty() ? "" : " (got: "
                    + String.join("; ", o.violations().stream().map(v -> v.key()).toList()) + ")"));
        }
        io.out().printf("%nreproduced: %s%n", loaded.violation());
        return ExitCode.VIOLATION;
    }
}
