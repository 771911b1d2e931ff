package dev.whylock.engine.search;

import dev.whylock.engine.exec.ExecutionOutcome;
import dev.whylock.engine.exec.Footprint;
import dev.whylock.engine.exec.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which Mazurkiewicz trace an execution belongs to, computed from its log and task list alone, for tests that
 * count the traces among plain enumeration's executions and compare that count with DPOR's
 * complete executions (each trace must be explored exactly once).
 *
 * <p>The relation: a step is named by its task (by name and creator: see {@link #taskIds}), its
 * position among that task's steps and its operation; two steps are ordered when they belong to one task, or when they touch a common
 * object and not both only observe it nor both update it commutatively (counter additions). Two
 * executions are in one trace when they have the same steps and order every such pair alike. The
 * canonical form written here is, per task, its steps' operations, and per object, the sequence of
 * its accesses with each maximal run of observations (or of additions) taken as a set.
 *
 * <p>Why it is an independent check: it reads only what each operation touched, as the execution
 * recorded it (the operation's own footprint), and shares nothing of the search's reasoning: no
 * happens-before clocks, race detection, reversibility or infeasibility judgements, sleep sets or
 * wakeup trees, and not even {@code Footprint.dependent}: the conflict rule is written out here.
 * It judges each execution by the footprints its operations had <em>there</em> (a trylock that
 * failed is another step than one that succeeded), which is what a trace of that execution is.
 */
final class TraceClasses {

    private TraceClasses() {}

    /** The canonical form of the trace {@code o} belongs to. */
    static String of(ExecutionOutcome o) {
        List<String> names = taskIds(o);
        Map<Integer, Integer> position = new HashMap<>();
        Map<String, StringBuilder> perTask = new TreeMap<>();
        Map<String, List<String[]>> perObject = new TreeMap<>();
        for (Op op : o.log()) {
            String task = names.get(op.task());
            int n = position.merge(op.task(), 1, Integer::sum);
            String step = task + "#" + n;
            perTask.computeIfAbsent(task, k -> new StringBuilder()).append(op.kind().label()).append(' ');
            Footprint fp = op.footprint();
            for (int x = 0; x < fp.size(); x++) {
                String access = fp.mode(x) == Footprint.OBSERVE ? "r" : fp.mode(x) == Footprint.ADD ? "+" : "w";
                perObject.computeIfAbsent(object(fp.object(x), names), k -> new ArrayList<>()).add(new String[] {step, access});
            }
        }
        StringBuilder b = new StringBuilder(perTask.toString());
        for (Map.Entry<String, List<String[]>> e : perObject.entrySet()) {
            b.append(' ').append(e.getKey()).append(':');
            List<String[]> accesses = e.getValue();
            int i = 0;
            while (i < accesses.size()) {
                String access = accesses.get(i)[1];
                TreeSet<String> run = new TreeSet<>();
                run.add(accesses.get(i)[0]);
                int next = i + 1;
                // Observations commute with observations, additions with additions; a plain change with nothing.
                while (!access.equals("w") && next < accesses.size() && accesses.get(next)[1].equals(access)) {
                    run.add(accesses.get(next++)[0]);
                }
                b.append(access).append(run);
                i = next;
            }
        }
        return b.toString();
    }

    /**
     * Each task's name as executions agree on it: its creator's, then its own name and how many
     * tasks of that name its creator had made before (two tasks may spawn children of one name,
     * and task numbers follow creation order, which can differ between executions); a worker by
     * its own name (it names its work item) and how many workers of that name came before.
     */
    private static List<String> taskIds(ExecutionOutcome o) {
        List<String> ids = new ArrayList<>();
        Map<String, Integer> made = new HashMap<>();
        for (ExecutionOutcome.TaskInfo t : o.tasks()) {
            // A worker is named by its work item alone: whichever task was running when it was made is not its creator.
            String parent = t.parent() >= 0 && t.work() == null ? ids.get(t.parent()) + "/" : "";
            int nth = made.merge(parent + t.name(), 1, Integer::sum);
            ids.add(parent + t.name() + (nth > 1 ? "." + nth : ""));
        }
        return ids;
    }

    /**
     * An object named so that executions agree on it: memory objects and the execution-wide counters
     * by their number, a task's liveness, interrupt flag, park permit and timer by the task's name
     * (task numbers follow creation order, which can differ between executions).
     */
    private static String object(int o, List<String> names) {
        if (o > -100) {
            return "#" + o;
        }
        int base = o > -(1 << 24) ? -100 : o > -(2 << 24) ? -(1 << 24) : o > -(3 << 24) ? -(2 << 24) : -(3 << 24);
        String kind = base == -100 ? "task" : base == -(1 << 24) ? "interrupt" : base == -(2 << 24) ? "permit" : "timer";
        int task = base - o;
        return kind + ":" + (task < names.size() ? names.get(task) : "#" + task);
    }
}
