package dev.whylock.engine.analysis;

import java.util.List;

/**
 * Which lock assertions ran in the explored executions, i.e. which code relies on which lock.
 *
 * @param executions  how many executions were observed
 * @param sites       sorted by lock class, then site, then form
 */
public record AssertionReport(long executions, List<AssertionSite> sites) {

    public AssertionReport {
        sites = List.copyOf(sites);
    }

    /** The assertion sites that check {@code lockClass}. */
    public List<AssertionSite> forLock(String lockClass) {
        return sites.stream().filter(s -> s.lockClass().equals(lockClass)).toList();
    }
}
