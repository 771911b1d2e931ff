package dev.whylock.engine.exec;

import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.Mutex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Who holds which lock, where it was taken, and which lock an acquisition really takes under the experiments. */
final class LockTable {
    private final List<LockExperiment> experiments;
    private final BiFunction<String, Mutex.Kind, Mutex> factory;
    private final Map<Integer, Mutex> replacements = new HashMap<>();
    private int[] holder = new int[64];
    private final List<String> holderSite = new ArrayList<>();

    LockTable(List<LockExperiment> experiments, BiFunction<String, Mutex.Kind, Mutex> factory) {
        this.experiments = experiments;
        this.factory = factory;
    }

    void register(Mutex m) {
        int id = m.id();
        if (id >= holder.length) {
            holder = Arrays.copyOf(holder, Math.max(id + 1, holder.length * 2));
        }
        while (holderSite.size() <= id) {
            holderSite.add(null);
        }
        holder[id] = -1;
    }

    /** The lock an acquisition of {@code m} at {@code site} takes: itself, a replacement of the same kind, or null when removed. */
    Mutex actual(Mutex m, String site) {
        for (LockExperiment e : experiments) {
            if (e.matches(m.lockClass(), site)) {
                if (e.kind() == LockExperiment.Kind.REMOVE) {
                    return null;
                }
                return replacements.computeIfAbsent(m.id(), k -> factory.apply(e.replacement(), m.kind()));
            }
        }
        return m;
    }

    /** The task holding {@code m}, or -1. */
    int holder(Mutex m) {
        return holder[m.id()];
    }

    String site(Mutex m) {
        return holderSite.get(m.id());
    }

    boolean free(Mutex m) {
        return holder[m.id()] < 0;
    }

    void take(Mutex m, int task, String site) {
        holder[m.id()] = task;
        holderSite.set(m.id(), site);
    }

    void release(Mutex m) {
        holder[m.id()] = -1;
    }
}
