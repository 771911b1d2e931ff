package dev.whylock.linux.kernel;

import dev.whylock.engine.Field;
import dev.whylock.engine.Obj;

/**
 * An {@code unsigned long} or {@code atomic_t}/{@code refcount_t} updated with atomic operations
 * (set_bit, clear_bit, test_and_set_bit, refcount_inc, ...).
 */
/*
 * The engine has no atomic read-modify-write operation. The field holds one mutable cell whose
 * reference never changes; an atomic operation is a visible *write* of that same reference (so it
 * conflicts with every other access and is checked for use-after-free), and the cell is then updated
 * in plain Java before the task reaches its next visible operation, which the scheduler guarantees
 * runs without interruption. A plain read is a visible read.
 */
public final class AtomicWord {
    private final Field<long[]> field;
    private final long[] cell;

    /** A word owned by {@code owner}, named in kernel spelling (e.g. {@code pl->phylink_disable_state}). */
    public AtomicWord(Obj owner, String name, long initial) {
        this.cell = new long[] {initial};
        this.field = dev.whylock.engine.Env.current().field(owner, name, cell);
    }

    /** READ_ONCE()/atomic_read(). */
    public long read(String site) {
        return field.get(site)[0];
    }

    /** An atomic update: returns the old value. */
    public long update(java.util.function.LongUnaryOperator op, String site) {
        field.set(cell, site);
        long old = cell[0];
        cell[0] = op.applyAsLong(old);
        return old;
    }

    /** set_bit(). */
    public void setBit(int nr, String site) {
        update(v -> v | (1L << nr), site);
    }

    /** clear_bit(). */
    public void clearBit(int nr, String site) {
        update(v -> v & ~(1L << nr), site);
    }

    /** test_and_set_bit(). */
    public boolean testAndSetBit(int nr, String site) {
        return (update(v -> v | (1L << nr), site) & (1L << nr)) != 0;
    }

    /** test_bit(). */
    public boolean testBit(int nr, String site) {
        return (read(site) & (1L << nr)) != 0;
    }

    /** The value without a visible operation, for invariants. */
    public long peek() {
        return field.peek()[0];
    }

    public String name() {
        return field.name();
    }
}
