package dev.whylock.engine.result;

/**
 * One executed visible operation in a counterexample: which task did what to which object, in
 * which function, with which value.
 *
 * @param operation  the operation in kernel-flavoured words: {@code lock}, {@code read}, {@code kfree}, ...
 * @param time       virtual time in milliseconds when it ran, in the timed mode; {@code null} otherwise
 * @param held       the lock classes the task held when the step ran (sorted, each once), or {@code null} for none
 */
public record Step(int index, String task, String operation, String object, String site, String value, String note, boolean preemption,
        Long time, java.util.List<String> held) implements java.io.Serializable {

    public Step {
        held = held == null || held.isEmpty() ? null : java.util.List.copyOf(held);
    }

    /** A step without the locks held. */
    public Step(int index, String task, String operation, String object, String site, String value, String note, boolean preemption,
            Long time) {
        this(index, task, operation, object, site, value, note, preemption, time, null);
    }

    /** A step without virtual time (untimed and ordered modes). */
    public Step(int index, String task, String operation, String object, String site, String value, String note, boolean preemption) {
        this(index, task, operation, object, site, value, note, preemption, null, null);
    }
}
