package dev.whylock.cli;

import dev.whylock.engine.Program;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;

/**
 * Runs one search the way every command does: progress on stderr, Ctrl-C stops it cleanly, and the
 * (possibly partial) result is written before the process may end.
 */
final class Searches {
    private Searches() {}

    static int explore(Io io, CommonOptions common, RunInfo info, Program program, SearchConfig cfg) {
        io.cancellation().begin();
        int code = ExitCode.INTERNAL;
        try {
            ExplorationResult r;
            ProgressReporter progress = ProgressReporter.create(io, common.quiet, info.strategy());
            try {
                r = Explorer.explore(program, cfg.withProgress(progress).withCancelled(io.cancellation().requested()));
            } finally {
                progress.close();
            }
            if (r.stopReason().equals("interrupted") && !common.quiet) {
                io.err().println("whylock: interrupted after " + r.executions() + " executions; writing the partial result");
                io.err().flush();
            }
            code = RunOutput.write(io, common, info, r);
            return code;
        } finally {
            io.cancellation().finished(code);
        }
    }
}
