package dev.whylock.linux.model;

/**
 * A background context a scenario may list under {@code background:} (PRODUCT.md), as
 * {@code whylock list contexts} describes it.
 *
 * @param name the stable name, e.g. {@code sfp_poll}
 * @param description one line: which kernel work item, timer or IRQ thread it stands for
 * @param rearms whether it queues itself again from its own run (periodic polls, state-machine
 *        timers, retries), so that only the scenario's work-run bound ends it
 */
public record ContextInfo(String name, String description, boolean rearms) {

    /** One line for a listing: name, whether it re-arms itself, description. */
    public String line() {
        return name + (rearms ? " (re-arms itself; bounded by work_runs)" : "") + ": " + description;
    }
}
