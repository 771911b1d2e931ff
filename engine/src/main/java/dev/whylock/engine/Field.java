package dev.whylock.engine;

/**
 * A tracked field of shared state, named in the program's own spelling (e.g.
 * {@code bus->upstream_ops}). Reads and writes are visible operations.
 */
public final class Field<T> {
    private final ExecutionRuntime rt;
    private final String name;
    private final Obj owner;
    private final int id;
    private T value;

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

    /** Reads without a visible operation: only for invariants and reports. */
    public T peek() {
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
