package dev.whylock.engine.analysis;

import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.Work;
import dev.whylock.engine.exec.ExecutionOutcome;
import dev.whylock.engine.exec.Op;
import dev.whylock.engine.exec.OpKind;
import dev.whylock.engine.exec.RawViolation;
import dev.whylock.engine.search.MergeableObserver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Lockdep over every explored execution: lock-class dependencies from nested acquisitions and
 * from flushing work items under a lock, and the cycles among them (potential deadlocks).
 */
public final class LockOrderCollector implements MergeableObserver {

    /*
     * A flush (flush_work, or cancel_work_sync of a running item) waits for everything the work
     * item does, so it depends on every lock the item takes. Which locks those are is learned from
     * any execution in which the item ran, hence the flush edges are resolved in result(), not
     * while observing. Trylocks never wait, so they create no edge into themselves (as in lockdep).
     */

    /** A held lock as the graph needs it: its class and the site that took it. */
    private record HeldAt(String lockClass, String site) implements java.io.Serializable {}

    /** A flush while holding locks: the held locks, the work item and where. */
    private record Flush(List<HeldAt> held, String work, String site, String task) implements java.io.Serializable {}

    /** A lock a work item takes when it runs. */
    private record WorkLock(String lockClass, String site) implements java.io.Serializable {}

    private final Map<String, Map<String, Set<EdgeWitness>>> edges = new TreeMap<>();
    private final Set<String> classes = new TreeSet<>();
    private final Set<Flush> flushes = new LinkedHashSet<>();
    private final Map<String, Set<WorkLock>> workLocks = new TreeMap<>();
    private final Set<String> unvalidated;
    private long executions;
    private long deadlocked;

    /** A collector that validates every lock class. */
    public LockOrderCollector() {
        this(Set.of());
    }

    /**
     * A collector that leaves {@code unvalidated} lock classes out of the graph, like lockdep's
     * {@code lockdep_set_novalidate_class} (the kernel does this for {@code device_lock}, whose
     * single class covers every device and nests parent before child).
     */
    public LockOrderCollector(Set<String> unvalidated) {
        this.unvalidated = Set.copyOf(unvalidated);
    }

    @Override
    public void onExecution(ExecutionOutcome outcome) {
        executions++;
        for (RawViolation v : outcome.violations()) {
            if (v.kind() == ViolationKind.DEADLOCK) {
                deadlocked++;
                break;
            }
        }
        HeldLocks held = new HeldLocks();
        for (Op op : outcome.log()) {
            int t = op.task();
            String task = outcome.taskNames().get(t);
            String work = outcome.tasks().get(t).work();
            switch (op.kind()) {
                case ACQUIRE -> {
                    if (op.lock() != null && !unvalidated.contains(op.lock().lockClass())) {
                        String acquired = op.lock().lockClass();
                        classes.add(acquired);
                        List<HeldAt> hs = validated(held.held(t));
                        for (int i = 0; i < hs.size(); i++) {
                            addEdge(hs.get(i).lockClass(), acquired, new EdgeWitness(hs.get(i).site(), String.valueOf(op.site()), task,
                                    null, null, others(hs, i)));
                        }
                        if (work != null) {
                            workLocks.computeIfAbsent(work, k -> new LinkedHashSet<>()).add(new WorkLock(acquired, String.valueOf(op.site())));
                        }
                    }
                }
                case TRYLOCK -> {
                    if (op.lock() != null) {
                        classes.add(op.lock().lockClass());
                    }
                }
                case WORK_FLUSH -> flush(held, t, op, task);
                case WORK_CANCEL -> {
                    if (Boolean.TRUE.equals(op.arg())) {
                        flush(held, t, op, task);
                    }
                }
                default -> {
                    // Not a lock-order event.
                }
            }
            held.apply(op);
        }
    }

    private void flush(HeldLocks held, int t, Op op, String task) {
        List<HeldAt> h = validated(held.held(t));
        if (!h.isEmpty()) {
            flushes.add(new Flush(h, ((Work) op.target()).name(), String.valueOf(op.site()), task));
        }
    }

    private List<HeldAt> validated(List<HeldLocks.Held> held) {
        return held.stream().filter(h -> !unvalidated.contains(h.lockClass())).map(h -> new HeldAt(h.lockClass(), h.site())).toList();
    }

    /** The classes of the held locks but the one at {@code except}, sorted. */
    private static List<String> others(List<HeldAt> held, int except) {
        TreeSet<String> s = new TreeSet<>();
        for (int i = 0; i < held.size(); i++) {
            if (i != except) {
                s.add(held.get(i).lockClass());
            }
        }
        return List.copyOf(s);
    }

    @Override
    public MergeableObserver fresh() {
        return new LockOrderCollector(unvalidated);
    }

    /** Exact: every part is a union or a sum, and result() sorts what it reads from them. */
    @Override
    public void absorb(MergeableObserver later) {
        LockOrderCollector o = (LockOrderCollector) later;
        o.edges.forEach((f, m) -> m.forEach((t, ws) -> ws.forEach(w -> addEdge(f, t, w))));
        classes.addAll(o.classes);
        flushes.addAll(o.flushes);
        o.workLocks.forEach((w, ls) -> workLocks.computeIfAbsent(w, k -> new LinkedHashSet<>()).addAll(ls));
        executions += o.executions;
        deadlocked += o.deadlocked;
    }

    private void addEdge(String from, String to, EdgeWitness w) {
        edges.computeIfAbsent(from, k -> new TreeMap<>()).computeIfAbsent(to, k -> new LinkedHashSet<>()).add(w);
    }

    /** The lock-order graph and its cycles over the executions seen so far. */
    public LockOrderReport result() {
        Map<String, Map<String, Set<EdgeWitness>>> all = new TreeMap<>();
        edges.forEach((f, m) -> m.forEach((t, ws) ->
                all.computeIfAbsent(f, k -> new TreeMap<>()).computeIfAbsent(t, k -> new LinkedHashSet<>()).addAll(ws)));
        for (Flush fl : flushes) {
            for (WorkLock wl : workLocks.getOrDefault(fl.work(), Set.of())) {
                for (int i = 0; i < fl.held().size(); i++) {
                    HeldAt h = fl.held().get(i);
                    all.computeIfAbsent(h.lockClass(), k -> new TreeMap<>()).computeIfAbsent(wl.lockClass(), k -> new LinkedHashSet<>())
                            .add(new EdgeWitness(h.site(), wl.site(), fl.task(), fl.work(), fl.site(), others(fl.held(), i)));
                }
            }
        }
        List<LockOrderEdge> list = new ArrayList<>();
        all.forEach((f, m) -> m.forEach((t, ws) -> list.add(new LockOrderEdge(f, t, sorted(ws)))));
        return new LockOrderReport(executions, deadlocked, List.copyOf(classes), list, LockCycles.find(list));
    }

    private static List<EdgeWitness> sorted(Set<EdgeWitness> ws) {
        List<EdgeWitness> out = new ArrayList<>(ws);
        out.sort(Comparator.comparing(EdgeWitness::viaFlush).thenComparing(EdgeWitness::heldAt)
                .thenComparing(EdgeWitness::acquiredAt).thenComparing(EdgeWitness::task)
                .thenComparing(w -> String.valueOf(w.flushedAt())).thenComparing(w -> String.join(",", w.alsoHeld())));
        return out;
    }
}
