package dev.whylock.engine.result;

/** Why an exploration stopped. */
public enum StopReason {
    /** No interleaving was left to run. */
    EXHAUSTED("exhausted"),
    /** The execution bound was reached. */
    MAX_EXECUTIONS("max-executions"),
    /** The wall-time limit was reached. */
    TIME_LIMIT("time-limit"),
    /** A violation of a kind the search was asked to stop on was found. */
    FIRST_VIOLATION("first-violation"),
    /** The search was cancelled (Ctrl-C). */
    INTERRUPTED("interrupted"),
    /** The exploration was not run: the experiment cannot change the scenario (its site never ran in an exhaustive baseline). */
    NOT_REACHED("not-reached");

    private final String key;

    StopReason(String key) {
        this.key = key;
    }

    /** The stable name used in JSON and text reports. */
    public String key() {
        return key;
    }

    /**
     * Whether the exploration was cut before its own bound by something outside the program (a
     * time limit or Ctrl-C): an absence of violations then decides nothing.
     */
    public boolean unfinished() {
        return this == TIME_LIMIT || this == INTERRUPTED;
    }
}
