package dev.whylock.engine.analysis;

import dev.whylock.engine.Field;
import dev.whylock.engine.exec.ExecutionOutcome;
import dev.whylock.engine.exec.Op;
import dev.whylock.engine.exec.OpKind;
import dev.whylock.engine.search.MergeableObserver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Eraser's lockset algorithm over every explored execution, aggregated per field name: which lock
 * classes were held at every access once the field was shared.
 */
public final class LocksetCollector implements MergeableObserver {

    /*
     * Each field instance runs Eraser's state machine within its execution (virgin -> exclusive ->
     * shared / shared-modified), so accesses by the initialising task alone never refine the set.
     * Every shared-phase access of any instance, in any execution, intersects the candidate set of
     * the field's name: a lock survives only if it was held at all of them.
     */

    private record SiteKey(String function, boolean write, List<String> locks) implements java.io.Serializable {}

    private static final class NameAgg implements java.io.Serializable {
        EraserState state = EraserState.VIRGIN;
        TreeSet<String> candidates;
        long shared;
        long exclusive;
        final Map<SiteKey, long[]> sites = new HashMap<>();
    }

    private static final class Instance {
        EraserState state = EraserState.VIRGIN;
        int owner = -1;
    }

    private final Map<String, NameAgg> byName = new TreeMap<>();
    private long executions;

    @Override
    public void onExecution(ExecutionOutcome outcome) {
        executions++;
        HeldLocks held = new HeldLocks();
        Map<Integer, Instance> instances = new HashMap<>();
        for (Op op : outcome.log()) {
            held.apply(op);
            if (op.kind() != OpKind.READ && op.kind() != OpKind.WRITE) {
                continue;
            }
            Field<?> f = (Field<?>) op.target();
            if (f.kind() != Field.Kind.MEMORY || op.ordered()) {
                continue; // atomics and ordered accesses need no lock; hardware levels are not memory
            }
            boolean write = op.kind() == OpKind.WRITE;
            Instance in = instances.computeIfAbsent(f.id(), k -> new Instance());
            NameAgg agg = byName.computeIfAbsent(f.name(), k -> new NameAgg());
            int t = op.task();
            switch (in.state) {
                case VIRGIN -> {
                    in.state = EraserState.EXCLUSIVE;
                    in.owner = t;
                }
                case EXCLUSIVE -> {
                    if (t != in.owner) {
                        in.state = write ? EraserState.SHARED_MODIFIED : EraserState.SHARED;
                    }
                }
                case SHARED -> {
                    if (write) {
                        in.state = EraserState.SHARED_MODIFIED;
                    }
                }
                case SHARED_MODIFIED -> {
                    // Stays shared-modified.
                }
            }
            if (in.state.ordinal() > agg.state.ordinal()) {
                agg.state = in.state;
            }
            if (in.state == EraserState.EXCLUSIVE) {
                agg.exclusive++;
                continue;
            }
            List<String> locks = held.classes(t);
            agg.shared++;
            if (agg.candidates == null) {
                agg.candidates = new TreeSet<>(locks);
            } else {
                agg.candidates.retainAll(locks);
            }
            agg.sites.computeIfAbsent(new SiteKey(String.valueOf(op.site()), write, locks), k -> new long[1])[0]++;
        }
    }

    @Override
    public MergeableObserver fresh() {
        return new LocksetCollector();
    }

    /** Exact: the candidate sets intersect, the counts add, a field's state is the furthest either reached. */
    @Override
    public void absorb(MergeableObserver later) {
        LocksetCollector o = (LocksetCollector) later;
        executions += o.executions;
        o.byName.forEach((name, b) -> {
            NameAgg a = byName.computeIfAbsent(name, k -> new NameAgg());
            if (b.state.ordinal() > a.state.ordinal()) {
                a.state = b.state;
            }
            if (b.candidates != null) {
                if (a.candidates == null) {
                    a.candidates = new TreeSet<>(b.candidates);
                } else {
                    a.candidates.retainAll(b.candidates);
                }
            }
            a.shared += b.shared;
            a.exclusive += b.exclusive;
            b.sites.forEach((k, c) -> a.sites.computeIfAbsent(k, x -> new long[1])[0] += c[0]);
        });
    }

    /** The lockset table over the executions seen so far. */
    public LocksetReport result() {
        List<FieldLockset> fields = new ArrayList<>();
        Map<String, List<String>> alone = new TreeMap<>();
        Map<String, List<String>> withOthers = new TreeMap<>();
        for (Map.Entry<String, NameAgg> e : byName.entrySet()) {
            NameAgg a = e.getValue();
            List<String> locks = a.candidates == null ? List.of() : List.copyOf(a.candidates);
            List<AccessSite> sites = a.sites.entrySet().stream()
                    .map(s -> new AccessSite(s.getKey().function(), s.getKey().write(), s.getKey().locks(), s.getValue()[0]))
                    .sorted(Comparator.comparing(AccessSite::function).thenComparing(s -> !s.write())
                            .thenComparing(s -> String.join(",", s.locksHeld())))
                    .toList();
            FieldLockset row = new FieldLockset(e.getKey(), a.state, locks, a.shared, a.exclusive, sites);
            fields.add(row);
            if (row.shared()) {
                for (String l : locks) {
                    (locks.size() == 1 ? alone : withOthers).computeIfAbsent(l, k -> new ArrayList<>()).add(row.field());
                    (locks.size() == 1 ? withOthers : alone).computeIfAbsent(l, k -> new ArrayList<>());
                }
            }
        }
        List<LockProtection> protections = new ArrayList<>();
        for (String l : alone.keySet()) {
            protections.add(new LockProtection(l, alone.get(l), withOthers.getOrDefault(l, List.of())));
        }
        return new LocksetReport(executions, fields, protections);
    }
}
