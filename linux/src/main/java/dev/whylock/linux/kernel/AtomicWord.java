package dev.whylock.linux.kernel;

import dev.whylock.engine.Env;
import dev.whylock.engine.Field;
import dev.whylock.engine.Obj;
import java.util.function.LongUnaryOperator;

/**
 * An {@code unsigned long} or {@code atomic_t}/{@code refcount_t} updated with atomic operations
 * (set_bit, clear_bit, test_and_set_bit, refcount_inc, ...). Each operation is one visible
 * operation on an engine field of kind {@link Field.Kind#ATOMIC}, so it is never a data race and
 * needs no lock, but still conflicts with every other access and is checked for use-after-free.
 */
public final class AtomicWord {
    private final Field<Long> field;

    /** A word owned by {@code owner}, named in kernel spelling (e.g. {@code pl->phylink_disable_state}). */
    public AtomicWord(Obj owner, String name, long initial) {
        this.field = Env.current().field(owner, name, initial).atomic();
    }

    /** READ_ONCE()/atomic_read(). */
    public long read(String site) {
        return field.get(site);
    }

    /** An atomic read-modify-write: returns the old value. */
    public long update(LongUnaryOperator op, String site) {
        return field.update(v -> op.applyAsLong(v), site);
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
        return field.peek();
    }

    public String name() {
        return field.name();
    }
}
