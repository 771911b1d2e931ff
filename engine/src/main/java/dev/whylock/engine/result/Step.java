package dev.whylock.engine.result;

/**
 * One executed visible operation in a counterexample: which task did what to which object, in
 * which function, with which value.
 */
public record Step(int index, String task, String op, String object, String site, String value, String note, boolean preemption) {}
