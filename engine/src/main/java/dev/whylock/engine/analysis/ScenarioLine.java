package dev.whylock.engine.analysis;

/**
 * One line of lockdep's "Possible unsafe locking scenario" table.
 *
 * @param cpu     the column, 0 for CPU0, 1 for CPU1, ...
 * @param action  what that CPU does, e.g. {@code lock(rtnl_mutex);} or {@code flush_work(resolve);}
 * @param site    the function where it happens
 */
public record ScenarioLine(int cpu, String action, String site) {}
