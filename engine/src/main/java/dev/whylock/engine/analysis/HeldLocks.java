package dev.whylock.engine.analysis;

import dev.whylock.engine.Mutex;
import dev.whylock.engine.exec.Op;
import dev.whylock.engine.exec.OpKind;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The locks each task holds while one execution's log is replayed in order, rebuilt from the lock
 * operations with {@link Op#lock()}: the lock actually taken, so removed acquisitions hold nothing
 * and replaced ones hold the replacement. A read hold of a read-write lock counts as holding it; a
 * monitor's inner (reentrant) holds carry no lock, and a task waiting on a monitor does nothing
 * until it holds it again, so its outer hold simply stays.
 */
public final class HeldLocks {

    /** One held lock: its class, the site that took it and the instance. */
    record Held(String lockClass, String site, Mutex lock, boolean trylock) {}

    private final List<List<Held>> byTask = new ArrayList<>();
    private final List<List<String>> classes = new ArrayList<>();

    /** Applies one executed operation of the log. */
    public void apply(Op op) {
        int t = op.task();
        switch (op.kind()) {
            case ACQUIRE, TRYLOCK, READ_LOCK -> {
                if (op.lock() != null) {
                    held(t).add(new Held(op.lock().lockClass(), op.site(), op.lock(), op.kind() == OpKind.TRYLOCK));
                    classes.set(t, null);
                }
            }
            case RELEASE, READ_UNLOCK -> {
                if (op.lock() != null) {
                    List<Held> h = held(t);
                    for (int i = h.size() - 1; i >= 0; i--) {
                        if (h.get(i).lock() == op.lock()) {
                            h.remove(i);
                            break;
                        }
                    }
                    classes.set(t, null);
                }
            }
            // A work item starts with no lock held, whatever its previous run leaked.
            case WORK_START -> {
                held(t).clear();
                classes.set(t, null);
            }
            default -> {
                // Other operations do not change what is held.
            }
        }
    }

    /** The locks task {@code t} holds, innermost last (live view: copy before keeping). */
    List<Held> held(int t) {
        while (byTask.size() <= t) {
            byTask.add(new ArrayList<>(4));
            classes.add(List.of());
        }
        return byTask.get(t);
    }

    /** The sorted, distinct lock classes task {@code t} holds (an immutable snapshot, cached). */
    public List<String> classes(int t) {
        List<Held> h = held(t);
        List<String> c = classes.get(t);
        if (c == null) {
            TreeSet<String> s = new TreeSet<>();
            for (Held x : h) {
                s.add(x.lockClass());
            }
            c = List.copyOf(s);
            classes.set(t, c);
        }
        return c;
    }
}
