package dev.whylock.engine.analysis;

import dev.whylock.engine.Field;
import dev.whylock.engine.Mutex;
import dev.whylock.engine.exec.ExecutionOutcome;
import dev.whylock.engine.exec.Op;
import dev.whylock.engine.exec.OpKind;
import dev.whylock.engine.search.MergeableObserver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Collects, per acquisition site of one lock class, what its critical sections do ({@link CriticalSection}). */
public final class CriticalSectionCollector implements MergeableObserver {

    private static final long serialVersionUID = 1L;

    private static final class Agg implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        final Set<String> tasks = new LinkedHashSet<>();
        final Set<String> writes = new LinkedHashSet<>();
        final Set<String> reads = new LinkedHashSet<>();
        final Set<String> calls = new LinkedHashSet<>();
    }

    private record Open(Mutex lock, String site) {}

    private final String lockClass;
    private final Map<String, Agg> bySite = new TreeMap<>();

    public CriticalSectionCollector(String lockClass) {
        this.lockClass = lockClass;
    }

    @Override
    public void onExecution(ExecutionOutcome outcome) {
        Map<Integer, List<Open>> open = new HashMap<>();
        for (Op op : outcome.log()) {
            List<Open> mine = open.computeIfAbsent(op.task(), k -> new ArrayList<>(2));
            switch (op.kind()) {
                case ACQUIRE, TRYLOCK, READ_LOCK -> {
                    if (op.lock() != null && op.target() instanceof Mutex m && m.lockClass().equals(lockClass) && op.site() != null) {
                        mine.add(new Open(op.lock(), op.site()));
                        bySite.computeIfAbsent(op.site(), k -> new Agg()).tasks.add(outcome.taskNames().get(op.task()));
                        continue;
                    }
                }
                case RELEASE, READ_UNLOCK -> mine.removeIf(o -> o.lock() == op.lock());
                case WORK_START -> mine.clear();
                default -> {
                    // Accesses and calls are recorded below.
                }
            }
            for (Open o : mine) {
                Agg a = bySite.get(o.site());
                if ((op.kind() == OpKind.READ || op.kind() == OpKind.WRITE) && op.target() instanceof Field<?> f
                        && f.kind() == Field.Kind.MEMORY && !op.ordered()) {
                    (op.kind() == OpKind.WRITE ? a.writes : a.reads).add(f.name());
                }
                // A dereference's site names the pointer, not a function.
                if (op.site() != null && !op.site().equals(o.site()) && op.kind() != OpKind.DEREF) {
                    a.calls.add(op.site());
                }
            }
        }
    }

    @Override
    public MergeableObserver fresh() {
        return new CriticalSectionCollector(lockClass);
    }

    @Override
    public void absorb(MergeableObserver later) {
        ((CriticalSectionCollector) later).bySite.forEach((site, theirs) -> {
            Agg mine = bySite.computeIfAbsent(site, k -> new Agg());
            mine.tasks.addAll(theirs.tasks); // in their order after ours, as if observed later
            mine.writes.addAll(theirs.writes);
            mine.reads.addAll(theirs.reads);
            mine.calls.addAll(theirs.calls);
        });
    }

    /** One section per site that took the lock, sorted by site. */
    public List<CriticalSection> result() {
        List<CriticalSection> out = new ArrayList<>();
        for (Map.Entry<String, Agg> e : bySite.entrySet()) {
            Agg a = e.getValue();
            Map<String, Long> conflicts = new TreeMap<>();
            for (Map.Entry<String, Agg> other : bySite.entrySet()) {
                Agg b = other.getValue();
                if (other.getKey().equals(e.getKey())) {
                    continue;
                }
                long n = a.writes.stream().filter(f -> b.writes.contains(f) || b.reads.contains(f)).count()
                        + a.reads.stream().filter(f -> !a.writes.contains(f) && b.writes.contains(f)).count();
                if (n > 0) {
                    conflicts.put(other.getKey(), n);
                }
            }
            List<String> excludes = conflicts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey).toList();
            List<String> reads = a.reads.stream().filter(f -> !a.writes.contains(f)).toList();
            out.add(new CriticalSection(lockClass, e.getKey(), List.copyOf(a.tasks), List.copyOf(a.writes), reads,
                    List.copyOf(a.calls), List.copyOf(excludes)));
        }
        return out;
    }
}
