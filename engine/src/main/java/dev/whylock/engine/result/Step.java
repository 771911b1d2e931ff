package dev.whylock.engine.result;

/**
 * One executed visible operation in a counterexample: which task did what to which object, in
 * which function, with which value.
 *
 * @param operation  the operation in kernel-flavoured words: {@code lock}, {@code read}, {@code kfree}, ...
 * @param time       virtual time in milliseconds when it ran, in the timed mode; {@code null} otherwise
 */
public record Step(int index, String task, String operation, String object, String site, String value, String note, boolean preemption,
        Long time) implements java.io.Serializable {

    /** A step without virtual time (untimed and ordered modes). */
    public Step(int index, String task, String operation, String object, String site, String value, String note, boolean preemption) {
        this(index, task, operation, object, site, value, note, preemption, null);
    }
}
