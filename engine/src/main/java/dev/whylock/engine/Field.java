package dev.whylock.engine;

/**
 * A tracked field of shared state, named in the program's own spelling (e.g.
 * {@code bus->upstream_ops}). Reads and writes are visible operations.
 */
public final class Field<T> {

    /** What kind of storage a field is, for the analyses. */
    public enum Kind {
        /** Ordinary memory: locksets and data races apply. */
        MEMORY,
        /** Only accessed atomically (atomic_t, bitops): never a data race, needs no lock. */
        ATOMIC,
        /** Not memory but a hardware level (a GPIO line, a module in the slot): not analysed. */
        HARDWARE,
        /**
         * Accessed with acquire/release ordering (a Java volatile field, an atomic, a
         * synchronizer's state): never a data race, and each access happens after every earlier
         * access of the same field (the Java memory model's synchronizes-with, taken conservatively).
         */
        VOLATILE
    }

    private final ExecutionRuntime rt;
    private final String name;
    private final Obj owner;
    private final int id;
    private T value;
    private Kind kind = Kind.MEMORY;

    /** Engine internal: use {@link Env#field(Obj, String, Object)}. */
    public Field(ExecutionRuntime rt, Obj owner, String name, T initial, int id) {
        this.rt = rt;
        this.owner = owner;
        this.name = name;
        this.value = initial;
        this.id = id;
    }

    public T get(String site) {
        return rt.read(this, site);
    }

    public void set(T newValue, String site) {
        rt.write(this, newValue, site);
    }

    /**
     * Atomically replaces the value with {@code fn(old)} in one visible operation (atomic_xchg,
     * test_and_set_bit, ...) and returns the old value.
     */
    public T update(java.util.function.UnaryOperator<T> fn, String site) {
        return rt.update(this, fn, site);
    }

    /**
     * A read with acquire/release ordering of a field whose kind may be {@link Kind#MEMORY} (a Java
     * VarHandle access in a volatile, acquire or opaque mode to a field the program also accesses
     * plainly): it synchronises with the field's other ordered accesses as a volatile field's
     * accesses do, so two ordered accesses never race, while an ordered and a plain access that
     * are not ordered by happens-before still race. Locksets ignore it (it needs no lock).
     */
    public T getOrdered(String site) {
        return rt.read(this, site, true);
    }

    /** {@link #update} as an ordered access (see {@link #getOrdered}): a CAS, get-and-add ... of a Java VarHandle. */
    public T updateOrdered(java.util.function.UnaryOperator<T> fn, String site) {
        return rt.update(this, fn, site, true);
    }

    /** Marks the field as accessed only atomically; returns it for chaining at creation. */
    public Field<T> atomic() {
        kind = Kind.ATOMIC;
        return this;
    }

    /** Marks the field as accessed with acquire/release ordering (see {@link Kind#VOLATILE}); returns it for chaining. */
    public Field<T> ordered() {
        kind = Kind.VOLATILE;
        return this;
    }

    /** Marks the field as a hardware level rather than memory; returns it for chaining at creation. */
    public Field<T> hardware() {
        kind = Kind.HARDWARE;
        return this;
    }

    public Kind kind() {
        return kind;
    }

    /** Reads without a visible operation: only for invariants and reports. */
    public T peek() {
        rt.peeked(id);
        return value;
    }

    /** Engine internal: the current value, read by the scheduler itself. */
    public T value() {
        return value;
    }

    /** Engine internal: stores a value without a visible operation. */
    public void store(T newValue) {
        value = newValue;
    }

    public String name() {
        return name;
    }

    /** The object this field belongs to, or {@code null} for a global. */
    public Obj owner() {
        return owner;
    }

    public int id() {
        return id;
    }

    @Override
    public String toString() {
        return name;
    }
}
