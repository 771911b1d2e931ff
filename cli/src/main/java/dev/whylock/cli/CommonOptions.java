package dev.whylock.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every running command shares: where to write results, and whether to be quiet. */
final class CommonOptions {

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the result as JSON to FILE (written atomically).")
    String json;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML report to FILE.")
    String html;

    @Option(names = "--trace-out", paramLabel = "FILE", description = "Write each violation's counterexample, step by step, to FILE.")
    String traceOut;

    @Option(names = {"-q", "--quiet"}, description = "No progress and no report on stdout: only errors, the files asked for and the exit code.")
    boolean quiet;

    Path json(Io io) {
        return json == null ? null : io.resolve(json);
    }

    /** Checks every output path before a long search starts, so that it cannot fail at the end. */
    void checkWritable(Io io) {
        if (json != null) {
            AtomicFile.checkWritable(io.resolve(json), "--json");
        } else {
            // Replay files then go under .whylock/: a run must not find a violation and then fail to save it.
            AtomicFile.checkWritable(io.workDir().resolve(".whylock").resolve("violation.replay"),
                    "replay files (under .whylock/ without --json; pass --json FILE to write them beside it):");
        }
        if (html != null) {
            AtomicFile.checkWritable(io.resolve(html), "--html");
        }
        if (traceOut != null) {
            AtomicFile.checkWritable(io.resolve(traceOut), "--trace-out");
        }
    }
}
