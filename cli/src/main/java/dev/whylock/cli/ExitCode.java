package dev.whylock.cli;

/** The exit codes of PRODUCT.md's command-line contract. */
final class ExitCode {
    private ExitCode() {}

    /** No violation within the bound (and {@code why}: the report is complete). */
    static final int OK = 0;
    /** A violation was found. */
    static final int VIOLATION = 1;
    /** Bad input or usage. */
    static final int USAGE = 2;
    /** Internal error. */
    static final int INTERNAL = 3;
    /** Interrupted (Ctrl-C, SIGINT: 128 + 2, as shells report it); the partial result was written. */
    static final int INTERRUPTED = 130;
}
