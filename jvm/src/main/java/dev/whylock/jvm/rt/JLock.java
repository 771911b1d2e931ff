package dev.whylock.jvm.rt;

import dev.whylock.engine.Condition;
import dev.whylock.engine.Monitor;

/**
 * A Java lock object (a monitor, a ReentrantLock) as the runtime models it: an engine monitor
 * named after the object (reentrancy, lock experiments and wait sets are the engine's), and the
 * monitor's own wait set for Object.wait, created at the first wait or notify.
 */
final class JLock {
    final String name;
    final Monitor monitor;
    /** Object.wait's wait set. */
    Condition waitSet;

    JLock(String name, Monitor monitor) {
        this.name = name;
        this.monitor = monitor;
    }

    @Override
    public String toString() {
        return name;
    }
}
