package dev.whylock.engine.result;

/**
 * One executed visible operation in a counterexample: which task did what to which object, in
 * which function, with which value.
 *
 * @param operation  the operation in kernel-flavoured words: {@code lock}, {@code read}, {@code kfree}, ...
 */
public record Step(int index, String task, String operation, String object, String site, String value, String note, boolean preemption) {}
