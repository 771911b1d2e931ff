package dev.whylock.jvm.rt;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a Java program did that whylock does not control or cannot reset, collected over all its
 * executions: each turns "exhaustive" off and is named in the result. Thread-safe: code on threads
 * whylock did not start reports here too.
 */
public final class Notes {
    private final Set<String> notControlled = ConcurrentHashMap.newKeySet();
    private final Set<String> notReset = ConcurrentHashMap.newKeySet();

    /** Something ran outside the scheduler's control: its interleavings were not explored. */
    public void notControlled(String what) {
        notControlled.add(what);
    }

    /** JDK-wide state the program changed, which a fresh class loader per execution does not reset. */
    public void notReset(String what) {
        notReset.add(what);
    }

    public List<String> notControlled() {
        return notControlled.stream().sorted().toList();
    }

    public List<String> notReset() {
        return notReset.stream().sorted().toList();
    }

    public boolean isEmpty() {
        return notControlled.isEmpty() && notReset.isEmpty();
    }
}
