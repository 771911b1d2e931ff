package dev.whylock.engine.result;

import java.util.List;

/** An executed schedule: its steps in order and how many of them preempted a runnable task. */
public record Trace(List<Step> steps, int preemptions, List<String> tasks) implements java.io.Serializable {

    public Trace {
        steps = List.copyOf(steps);
        tasks = List.copyOf(tasks);
    }
}
