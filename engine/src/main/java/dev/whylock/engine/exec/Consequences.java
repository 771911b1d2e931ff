package dev.whylock.engine.exec;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which steps of an execution happen after a task was killed by a violation: every step that depends
 * on the death itself (a join of the dead task, the quiescence it let happen, an attempt on a lock it
 * still holds, an operation on the work item a dead worker left running), every later step of a
 * task that already has such a step, every step that depends on one of those, and the steps of
 * tasks they spawned. Happens-before, so the answer is the same for every interleaving of the same
 * trace. Reads of state the dead task left half-updated are not distinguished from ordinary reads
 * of its writes.
 */
final class Consequences {
    private final BitSet after = new BitSet();

    /**
     * @param log    the execution's steps with their footprints
     * @param tasks  how each task came to be (its creator and when)
     * @param deaths for each step in which a task was killed, what the death touched
     */
    Consequences(List<Op> log, List<ExecutionOutcome.TaskInfo> tasks, Map<Integer, Footprint> deaths) {
        if (deaths.isEmpty()) {
            return;
        }
        int first = deaths.keySet().stream().mapToInt(Integer::intValue).min().orElseThrow();
        BitSet taskAfter = new BitSet();
        Map<Integer, Integer> modes = new HashMap<>(); // object -> bit set of the modes of later steps on it
        int nextTask = 0;
        for (int i = first; i < log.size(); i++) {
            while (nextTask < tasks.size() && tasks.get(nextTask).createdAfter() <= i) {
                ExecutionOutcome.TaskInfo ti = tasks.get(nextTask);
                if (ti.parent() >= 0 && ti.createdAfter() > 0 && after.get(ti.createdAfter() - 1)) {
                    taskAfter.set(nextTask);
                }
                nextTask++;
            }
            Op op = log.get(i);
            Footprint fp = op.footprint();
            boolean isAfter = taskAfter.get(op.task());
            for (int e = 0; !isAfter && e < fp.size(); e++) {
                Integer seen = modes.get(fp.object(e));
                if (seen != null) {
                    for (byte m = 0; m <= Footprint.ADD; m++) {
                        if ((seen & (1 << m)) != 0 && Footprint.conflict(fp.mode(e), m)) {
                            isAfter = true;
                            break;
                        }
                    }
                }
            }
            if (isAfter) {
                after.set(i);
                taskAfter.set(op.task());
                taint(modes, fp);
            }
            Footprint death = deaths.get(i);
            if (death != null) {
                taint(modes, death);
            }
        }
    }

    private static void taint(Map<Integer, Integer> modes, Footprint fp) {
        for (int e = 0; e < fp.size(); e++) {
            modes.merge(fp.object(e), 1 << fp.mode(e), (a, b) -> a | b);
        }
    }

    /** Whether step {@code step} happens after a task's death in an earlier step. */
    boolean after(int step) {
        return after.get(step);
    }
}
