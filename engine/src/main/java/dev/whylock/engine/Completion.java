package dev.whylock.engine;

/** A kernel-style completion: {@link #waitFor} blocks until {@link #complete} has been called. */
public final class Completion {
    private final ExecutionRuntime rt;
    private final String name;
    private final int id;
    private int done;

    /** Engine internal: use {@link Env#completion(String)}. */
    public Completion(ExecutionRuntime rt, String name, int id) {
        this.rt = rt;
        this.name = name;
        this.id = id;
    }

    public void complete(String site) {
        rt.complete(this, false, site);
    }

    public void completeAll(String site) {
        rt.complete(this, true, site);
    }

    public void waitFor(String site) {
        rt.waitFor(this, site);
    }

    public String name() {
        return name;
    }

    public int id() {
        return id;
    }

    /** Engine internal: the number of pending wake-ups ({@code Integer.MAX_VALUE} after complete_all). */
    public int done() {
        return done;
    }

    /** Engine internal. */
    public void setDone(int value) {
        done = value;
    }

    @Override
    public String toString() {
        return name;
    }
}
