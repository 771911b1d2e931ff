package dev.whylock.engine.analysis;

import java.util.List;

/**
 * One way a field was accessed after its exclusive (initialisation) phase: the function, whether it
 * wrote, and the lock classes the task held, with how often that happened over all executions.
 *
 * @param function   the access site, e.g. {@code sfp_bus_add_upstream}
 * @param write      true for a write, false for a read
 * @param locksHeld  lock classes held at the access, sorted
 * @param count      how many accesses had exactly this site, kind and held set
 */
public record AccessSite(String function, boolean write, List<String> locksHeld, long count) {

    public AccessSite {
        locksHeld = List.copyOf(locksHeld);
    }
}
