package dev.whylock.engine;

/**
 * The engine-internal side of {@link Env}: the operations that the API objects ({@link Mutex},
 * {@link Field}, {@link Work}, ...) delegate to. Programs use the API objects, not this.
 */
public interface ExecutionRuntime extends Env {

    void lock(Mutex m, String site);

    boolean tryLock(Mutex m, String site);

    void unlock(Mutex m, String site);

    /** lockdep_assert_held: the calling task holds {@code m}. */
    void assertHeld(Mutex m, String site);

    /** ASSERT_RTNL: some task holds {@code m} (visible: depends on other tasks). */
    void assertLocked(Mutex m, String site);

    /** Whether some task holds {@code m} (visible). */
    boolean isLocked(Mutex m, String site);

    <T> T read(Field<T> f, String site);

    <T> void write(Field<T> f, T value, String site);

    /** An atomic read-modify-write: stores {@code fn(old)} and returns the old value. */
    <T> T update(Field<T> f, java.util.function.UnaryOperator<T> fn, String site);

    /**
     * A read that, when {@code ordered}, synchronises as an access of a {@link Field.Kind#VOLATILE}
     * field does, whatever the field's kind (see {@link Field#getOrdered}). A runtime without
     * analyses may ignore the flag.
     */
    default <T> T read(Field<T> f, String site, boolean ordered) {
        return read(f, site);
    }

    /** As {@link #update(Field, java.util.function.UnaryOperator, String)}, synchronising when {@code ordered}. */
    default <T> T update(Field<T> f, java.util.function.UnaryOperator<T> fn, String site, boolean ordered) {
        return update(f, fn, site);
    }

    boolean queue(Work w, long delayMillis, String site);

    boolean modify(Work w, long delayMillis, String site);

    boolean cancel(Work w, boolean sync, String site);

    void flush(Work w, String site);

    boolean pending(Work w, String site);

    void complete(Completion c, boolean all, String site);

    void waitFor(Completion c, String site);

    /**
     * Called by {@link Field#peek()} and {@link Obj#isFreed()}: while invariants are evaluated, the
     * engine records what they read, so the search orders the check against changes to it.
     */
    default void peeked(int object) {}

    /**
     * The lock experiments this execution runs under (read-only): a runtime that counts reentrant
     * holds itself needs to know which acquisitions an experiment removes or replaces.
     */
    default java.util.List<LockExperiment> experiments() {
        return java.util.List.of();
    }
}
