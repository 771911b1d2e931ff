package dev.whylock.jvm.guard;

import dev.whylock.engine.Field;
import dev.whylock.engine.Mutex;
import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.exec.ExecutionOutcome;
import dev.whylock.engine.exec.Op;
import dev.whylock.engine.exec.OpKind;
import dev.whylock.engine.result.Violation;
import dev.whylock.engine.search.ExecutionObserver;
import dev.whylock.engine.search.TraceBuilder;
import dev.whylock.jvm.instrument.JavaNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the {@code @GuardedBy} annotations already in the code against every explored
 * execution: an access to an annotated field by a task that does not hold the named lock (outside
 * the field's constructors and static initialiser, as Error Prone reads the annotation) is a
 * finding, kept with the shortest trace that reaches it (fewest preemptions, then fewest steps).
 * Locks are compared by lock name, as the locksets are: holding another instance of the same
 * class of lock counts as holding it.
 */
public final class GuardChecker implements ExecutionObserver {

    /** An annotation to check: the field, its annotation text and the lock that text names (or why it cannot be checked). */
    public record Guard(GuardDeclarations.FieldInfo field, String lock) {
        public boolean checkable() {
            return !lock.startsWith("cannot");
        }
    }

    /** One access without the named lock: where, and the shortest execution that reached it. */
    public record Finding(Guard guard, String site, boolean write, Violation counterexample) {}

    private final Map<String, Guard> byField = new LinkedHashMap<>();
    private final Map<String, Finding> findings = new LinkedHashMap<>();
    private final Map<String, Long> accesses = new HashMap<>();
    private final java.util.Set<String> touched = new java.util.HashSet<>();
    private long executions;

    public GuardChecker(GuardDeclarations declarations) {
        for (GuardDeclarations.FieldInfo f : declarations.annotated()) {
            byField.put(f.display(), new Guard(f, declarations.lockOf(f.owner(), f.guard())));
        }
    }

    /** The annotations found, checkable or not, in class-file order. */
    public List<Guard> guards() {
        return List.copyOf(byField.values());
    }

    @Override
    public void onExecution(ExecutionOutcome outcome) {
        if (outcome.status() == ExecutionOutcome.Status.INTERRUPTED || byField.isEmpty()) {
            return;
        }
        executions++;
        Map<Integer, List<Mutex>> held = new HashMap<>();
        List<Op> log = outcome.log();
        for (int i = 0; i < log.size(); i++) {
            Op op = log.get(i);
            List<Mutex> mine = held.computeIfAbsent(op.task(), k -> new ArrayList<>());
            switch (op.kind()) {
                case ACQUIRE, TRYLOCK -> {
                    if (op.lock() != null) {
                        mine.add(op.lock());
                    }
                }
                case RELEASE -> {
                    if (op.lock() != null) {
                        mine.remove(mine.lastIndexOf(op.lock()));
                    }
                }
                case READ, WRITE -> check(outcome, i, op, mine);
                default -> {
                    // Other operations take or release nothing.
                }
            }
        }
    }

    private void check(ExecutionOutcome outcome, int index, Op op, List<Mutex> held) {
        if (!(op.target() instanceof Field<?> f)) {
            return;
        }
        Guard g = byField.get(f.name());
        if (g == null) {
            return;
        }
        touched.add(f.name());
        if (!g.checkable() || initialiser(g, op.site())) {
            return;
        }
        accesses.merge(f.name(), 1L, Long::sum);
        if (held.stream().anyMatch(m -> m.lockClass().equals(g.lock()))) {
            return;
        }
        boolean write = op.kind() == OpKind.WRITE;
        String site = String.valueOf(op.site());
        String key = f.name() + (write ? " written in " : " read in ") + site;
        Finding old = findings.get(key);
        int preemptions = outcome.preemptionsUpTo(index + 1);
        if (old != null && (old.counterexample().trace().preemptions() < preemptions
                || old.counterexample().trace().preemptions() == preemptions && old.counterexample().trace().steps().size() <= index + 1)) {
            return;
        }
        String message = "@GuardedBy(\"" + g.field().guard() + "\") on " + f.name() + ": " + (write ? "written" : "read") + " in "
                + site + " without " + g.lock();
        String task = outcome.taskNames().get(op.task());
        findings.put(key, new Finding(g, site, write, new Violation(ViolationKind.ASSERTION, message, task,
                TraceBuilder.build(outcome, index + 1), outcome.decisions(), executions)));
    }

    /** Constructors and static initialisers of the field's own class may touch it without the lock. */
    private static boolean initialiser(Guard g, String site) {
        String prefix = JavaNames.simple(g.field().owner()) + ".";
        return site != null && (site.startsWith(prefix + "<init>") || site.startsWith(prefix + "<clinit>"));
    }

    /** The findings so far, one per field, site and kind of access. */
    public List<Finding> findings() {
        return List.copyOf(findings.values());
    }

    /** How many checked accesses each annotated field had (held or not). */
    public long accesses(String field) {
        return accesses.getOrDefault(field, 0L);
    }

    /** Whether the program accessed the field at all (initialisers included): annotations of classes it never used are not its. */
    public boolean touched(String field) {
        return touched.contains(field);
    }

    public long executions() {
        return executions;
    }
}
