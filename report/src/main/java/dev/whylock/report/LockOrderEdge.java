package dev.whylock.report;

import java.util.List;

/**
 * An edge of the lock-order graph: {@code to} was taken while {@code from} was held, at the given
 * acquisition sites (lockdep's "dependency").
 */
public record LockOrderEdge(String from, String to, List<String> sites) {

    public LockOrderEdge {
        sites = List.copyOf(sites);
    }
}
