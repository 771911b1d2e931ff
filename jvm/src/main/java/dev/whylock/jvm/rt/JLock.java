package dev.whylock.jvm.rt;

import dev.whylock.engine.Mutex;

/**
 * A Java lock object (a monitor, a ReentrantLock) as the runtime models it: an engine mutex named
 * after the object, reentrancy counted per task ({@link TaskCtx#holds}), the wait set of its
 * monitor or condition waits, and the tasks waiting for a release with a timeout.
 */
final class JLock {
    final String name;
    final Mutex mutex;
    /** Object.wait's wait set; created at the first wait. */
    WaitQueue waitSet;
    /** Tasks in a timed tryLock, woken by every release while there are any. */
    WaitQueue releases;
    int contended;

    JLock(String name, Mutex mutex) {
        this.name = name;
        this.mutex = mutex;
    }

    WaitQueue waitSet(JvmRuntime rt) {
        if (waitSet == null) {
            waitSet = new WaitQueue(rt.env, name + " (wait set)", 0, null);
        }
        return waitSet;
    }

    WaitQueue releases(JvmRuntime rt) {
        if (releases == null) {
            releases = new WaitQueue(rt.env, name + " (released)", 0, null);
        }
        return releases;
    }

    @Override
    public String toString() {
        return name;
    }
}
