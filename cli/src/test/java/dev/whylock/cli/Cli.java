package dev.whylock.cli;

import dev.whylock.engine.search.Ticker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the whylock command line in-process with captured stdout and stderr. */
final class Cli {
    private Cli() {}

    /** What one command did. */
    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Result run(Path workDir, String... args) {
        return run(workDir, System::nanoTime, Cancellation.manual(), args);
    }

    static Result run(Path workDir, Ticker ticker, Cancellation cancellation, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Io io = new Io(new PrintWriter(out, true), new PrintWriter(err, true), null, workDir.toAbsolutePath().normalize(), false,
                ticker, cancellation, 0);
        int code = Main.run(io, args);
        return new Result(code, out.toString(), err.toString());
    }
}
