package dev.whylock.cli;

/**
 * Bad input: the message is one paragraph that names the file or flag, where, and what was
 * expected. Exits with {@link ExitCode#USAGE} and never prints a stack trace.
 */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }

    UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
