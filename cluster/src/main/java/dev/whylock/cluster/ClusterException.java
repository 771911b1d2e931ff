package dev.whylock.cluster;

/** A cluster could not be used: unreachable, refused, or every member left. The message is for the user. */
public final class ClusterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ClusterException(String message) {
        super(message);
    }

    public ClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
