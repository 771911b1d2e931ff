package dev.whylock.engine.result;

/**
 * What one task of a deadlock waits for at the end of the execution.
 *
 * @param task  the blocked task
 * @param what  what it waits for, e.g. {@code waits for rtnl_mutex in sfp_bus_add_upstream, held by mac (taken in rtnl_lock)}
 */
public record Wait(String task, String what) implements java.io.Serializable {}
