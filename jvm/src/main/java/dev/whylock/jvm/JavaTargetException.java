package dev.whylock.jvm;

/** A Java target that cannot be run as given (no such class or method, a bad class path): a user mistake, with a message that says what to do. */
public final class JavaTargetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JavaTargetException(String message) {
        super(message);
    }
}
