package dev.whylock.engine;

/**
 * A tracked heap object (a kernel struct allocated with kzalloc and released with kfree). Model
 * structs extend it; its fields are created with {@link #field(String, Object)}.
 */
public class Obj {
    private final ExecutionRuntime rt;
    private final String type;
    private final int id;
    private boolean freed;
    private String freedAt;

    /** Allocates a tracked object of the given struct type in the current execution. */
    protected Obj(String type) {
        this.type = type;
        this.rt = Runtimes.current();
        this.id = rt.register(this);
    }

    /** A tracked field of this object, named {@code name} in reports. */
    protected final <T> Field<T> field(String name, T initial) {
        return Runtimes.current().field(this, name, initial);
    }

    public final String type() {
        return type;
    }

    public final int objId() {
        return id;
    }

    /** Whether the object was freed (outside a visible operation: for invariants and reports). */
    public final boolean isFreed() {
        rt.peeked(id);
        return freed;
    }

    /** Engine internal: whether the object was freed, read by the scheduler itself. */
    public final boolean freed() {
        return freed;
    }

    /** Where the object was freed, or {@code null}. */
    public final String freedAt() {
        return freedAt;
    }

    /** Engine internal: marks the object freed. */
    public final void markFreed(String site) {
        freed = true;
        freedAt = site;
    }

    @Override
    public String toString() {
        return type + "#" + id;
    }
}
