package dev.whylock.report;

/** One-line explanations of engine terms, for readers who never heard of whylock. */
final class Glossary {

    static final String EXECUTION = "one run of the whole program under one schedule, to its end or to a violation";
    static final String EXHAUSTIVE = "every distinct interleaving (Mazurkiewicz trace) up to the bound was run";
    static final String NOT_EXHAUSTIVE = "the search stopped before covering every interleaving, so absence of a violation is evidence, not proof";
    static final String NOT_EXHAUSTIVE_UNCONTROLLED = "every interleaving of what whylock controls was run, but something ran outside its control (listed below)";
    static final String NOT_CONTROLLED = "ran outside whylock's scheduler, so its interleavings were not explored: the result is not exhaustive";
    static final String NOT_RESET = "JDK-wide state the program changed; a fresh class loader per execution does not reset it";
    static final String BLOCKED = "runs abandoned early because they were equivalent to one already run (sleep sets)";
    static final String PREEMPTION = "a switch away from a task that could have continued";
    static final String MINIMAL = "fewest preemptions, then fewest steps, among the counterexamples found";
    static final String REPLAY = "re-runs exactly this interleaving step by step and checks each step";
    static final String LOCKSET = "the locks held at every access to a field: a lock in it is a candidate protector";
    static final String LOCK_ORDER = "lock B was taken while lock A was held (lockdep's dependency A -> B)";
    static final String BOUNDED = "a work item or timer was limited to a number of runs, so schedules beyond it were cut";

    private Glossary() {}

    /** What a strategy name means, in one line. */
    static String strategy(String name) {
        if (name == null) {
            return "unknown";
        }
        if (name.startsWith("dpor")) {
            return "dynamic partial-order reduction: one run per class of equivalent interleavings";
        }
        if (name.startsWith("dfs")) {
            return "depth-first search over schedules" + (name.contains("<=") ? ", limited to the stated number of preemptions" : "");
        }
        if (name.startsWith("pct")) {
            return "probabilistic concurrency testing: random priorities with d-1 priority change points";
        }
        return switch (name) {
            case "random" -> "uniform random walk over schedules";
            case "stress" -> "real threads without control: what \"run it and see\" gives";
            case "replay" -> "re-ran one saved schedule";
            default -> name;
        };
    }

    /** What a stop reason means, in one line. */
    static String stopReason(dev.whylock.engine.result.StopReason reason) {
        return switch (reason) {
            case EXHAUSTED -> "no interleaving left to run";
            case MAX_EXECUTIONS -> "reached the execution limit";
            case TIME_LIMIT -> "reached the time limit";
            case FIRST_VIOLATION -> "stopped at the first violation, as asked";
            case INTERRUPTED -> "interrupted";
            case NOT_REACHED -> "not run: the experiment cannot change this scenario";
        };
    }

    /** What a violation kind means, in one line. */
    static String kind(String key) {
        return switch (key) {
            case "deadlock" -> "every remaining task waits for another";
            case "use-after-free" -> "an object was accessed after it was freed";
            case "null-dereference" -> "a NULL pointer was dereferenced";
            case "refcount-underflow" -> "a reference count dropped below zero";
            case "bug" -> "a BUG_ON in the program fired";
            case "warning" -> "a WARN_ON in the program fired";
            case "assertion" -> "a lock assertion failed (the lock was assumed held): an assumption, not damage by itself";
            case "invariant" -> "a declared invariant of the program's state was violated";
            case "exception" -> "the program threw an exception";
            case "data-race" -> "two tasks accessed a field concurrently, at least one writing, with no happens-before";
            case "lock-order" -> "two locks were taken in both orders: a possible AB-BA deadlock";
            case "step-limit" -> "an execution ran past the step limit (livelock or unbounded loop?)";
            default -> key;
        };
    }
}
