package dev.whylock.engine;

/** A handle on a started task, for {@link Env#join(Task)}. */
public final class Task {
    private final int id;
    private final String name;

    /** Engine internal. */
    public Task(int id, String name) {
        this.id = id;
        this.name = name;
    }

    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
