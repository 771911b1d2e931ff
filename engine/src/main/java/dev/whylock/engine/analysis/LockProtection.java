package dev.whylock.engine.analysis;

import java.util.List;

/**
 * What one lock class protects according to the locksets: the fields for which it is the only lock
 * in the candidate set, and the fields it protects together with other locks.
 *
 * @param lockClass   e.g. {@code rtnl_mutex}
 * @param alone       shared fields whose lockset is exactly this lock, sorted
 * @param withOthers  shared fields whose lockset contains this lock and others, sorted
 */
public record LockProtection(String lockClass, List<String> alone, List<String> withOthers) {

    public LockProtection {
        alone = List.copyOf(alone);
        withOthers = List.copyOf(withOthers);
    }
}
