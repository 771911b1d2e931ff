package dev.whylock.engine.why;

/**
 * Runs an inquiry's explorations somewhere other than this JVM (the members of a cluster): each
 * exploration travels as plain data, and the member that receives it answers with
 * {@link InquiryMember#run}. Called from several threads at once, one exploration per call.
 */
@FunctionalInterface
public interface RemoteExplorer {

    /**
     * Runs exploration {@code request} elsewhere and returns the answer, blocking until it is
     * there; null if {@code cancelled} turned true first (the exploration was given up).
     */
    byte[] explore(byte[] request, java.util.function.BooleanSupplier cancelled);
}
