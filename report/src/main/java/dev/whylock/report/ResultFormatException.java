package dev.whylock.report;

/** Thrown when a saved JSON result cannot be read back: the message names the key and what was expected. */
public final class ResultFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public ResultFormatException(String message) {
        super(message);
    }

    public ResultFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
