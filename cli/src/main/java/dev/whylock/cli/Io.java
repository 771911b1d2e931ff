package dev.whylock.cli;

import dev.whylock.engine.search.Ticker;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Everything of the outside world a command touches: its output streams, the working directory
 * (for relative paths and {@code .whylock/}), whether stderr is a terminal, the clock and Ctrl-C.
 * Tests pass their own to run commands in-process.
 *
 * @param out standard output (reports)
 * @param err standard error (progress, errors)
 * @param errStream the raw stderr for the progress bar, or null when there is none
 * @param workDir the directory relative paths are resolved against
 * @param terminal whether stderr is an interactive terminal (progress bar instead of plain lines)
 * @param ticker the wall clock
 * @param cancellation Ctrl-C
 * @param progressIntervalMillis how often plain progress lines are printed
 * @param startNanos when the command started on {@code ticker}: a time limit counts from there
 */
record Io(PrintWriter out, PrintWriter err, PrintStream errStream, Path workDir, boolean terminal, Ticker ticker,
        Cancellation cancellation, long progressIntervalMillis, long startNanos) {

    /** An Io whose command starts now. */
    Io(PrintWriter out, PrintWriter err, PrintStream errStream, Path workDir, boolean terminal, Ticker ticker,
            Cancellation cancellation, long progressIntervalMillis) {
        this(out, err, errStream, workDir, terminal, ticker, cancellation, progressIntervalMillis, ticker.nanos());
    }

    /** The real terminal, files and clock of this process. */
    static Io system() {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return new Io(out, err, System.err, Path.of("").toAbsolutePath(), stderrIsTerminal(), System::nanoTime,
                Cancellation.onShutdown(), 1_500, processStartNanos());
    }

    /**
     * What is left of a {@code --time-limit} that counts from the start of the command, in
     * milliseconds for {@code SearchConfig.withTimeLimit}: 0 (none) for no limit, else at least 1.
     */
    long millisLeft(java.time.Duration limit) {
        return limit == null ? 0 : Math.max(1, limit.toMillis() - (ticker.nanos() - startNanos) / 1_000_000);
    }

    /**
     * When this JVM started, on the {@code System.nanoTime()} scale: a time limit then bounds the
     * whole command as the user sees it, model loading included. (The JVM's uptime is exact to the
     * millisecond; the process start time the OS reports is not, on Linux only to the second.)
     */
    private static long processStartNanos() {
        return System.nanoTime() - java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000;
    }

    /** Resolves a path given on the command line against the working directory. */
    Path resolve(String path) {
        return workDir.resolve(path).normalize();
    }

    /** The path as a user would type it: relative to the working directory when inside it. */
    String show(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(workDir) ? workDir.relativize(abs).toString() : abs.toString();
    }

    /**
     * The launcher tells whether stderr is a terminal ({@code -Dwhylock.stderr.tty}); otherwise
     * {@code Console.isTerminal()} where the JDK has it (22+), else whether there is a console.
     */
    private static boolean stderrIsTerminal() {
        String p = System.getProperty("whylock.stderr.tty");
        if (p != null) {
            return Boolean.parseBoolean(p);
        }
        var console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method m = console.getClass().getMethod("isTerminal");
            return (Boolean) m.invoke(console);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true;
        }
    }
}
