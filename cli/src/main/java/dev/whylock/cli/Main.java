package dev.whylock.cli;

import dev.whylock.linux.model.ScenarioException;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point: runs one command and exits with its code (PRODUCT.md "Command-line contract"). */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Io io = Io.system();
        // A Java program stuck on a JVM monitor that JDK code holds across a switch: say so and stop, instead of hanging.
        dev.whylock.jvm.rt.MonitorWatch.onStuck(what -> {
            io.out().flush();
            io.err().println("whylock: " + what);
            io.err().flush();
            Runtime.getRuntime().halt(ExitCode.INTERNAL);
        });
        int code = run(io, args);
        io.out().flush();
        io.err().flush();
        System.exit(code);
    }

    /** Runs {@code args} in-process against {@code io}; returns the exit code. */
    static int run(Io io, String... args) {
        return commandLine(io).execute(args);
    }

    /** The command tree with whylock's error handling: bad input exits 2 with one paragraph, anything else 3. */
    static CommandLine commandLine(Io io) {
        CommandLine cl = new CommandLine(new WhylockCommand(io));
        cl.setOut(io.out());
        cl.setErr(io.err());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> failed(io, cmd, ex));
        cl.setParameterExceptionHandler(Main::badUsage);
        return cl;
    }

    private static int badUsage(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(cmd.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Usage: " + cmd.getHelp().synopsis(0).strip());
        err.println("See '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options and examples.");
        err.flush();
        return ExitCode.USAGE;
    }

    static int failed(Io io, CommandLine cmd, Exception ex) {
        PrintWriter err = io.err();
        if (ex instanceof UsageException || ex instanceof ScenarioException || ex instanceof dev.whylock.jvm.JavaTargetException) {
            err.println(cmd.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
            err.flush();
            return ExitCode.USAGE;
        }
        err.println(cmd.getCommandSpec().qualifiedName() + ": internal error: " + ex);
        if (System.getenv("WHYLOCK_DEBUG") != null) {
            ex.printStackTrace(err);
        } else {
            err.println("This is a bug in whylock; run again with WHYLOCK_DEBUG=1 for the stack trace, and report it.");
        }
        err.flush();
        return ExitCode.INTERNAL;
    }
}
