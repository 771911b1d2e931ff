package dev.whylock.bench;

import dev.whylock.engine.exec.ExecutionOutcome;
import dev.whylock.engine.exec.Footprint;
import dev.whylock.engine.exec.Op;
import java.util.List;
import java.util.TreeSet;

/**
 * The Mazurkiewicz-trace canonical form used to count traces by brute force: the set of events
 * (task, index in task, operation and footprint) plus the order of every dependent pair from
 * different tasks, plus how the execution ended. Two interleavings have the same form exactly when
 * they are the same trace under the engine's dependency relation ({@link Footprint#dependent}).
 * This measures reduction only; the search's soundness is checked against an oracle that does not
 * use the relation (the engine's {@code ExplorationOracleTest}).
 */
public final class Traces {

    private Traces() {}

    public static String canonical(ExecutionOutcome o) {
        List<Op> log = o.log();
        int[] local = new int[o.taskNames().size()];
        String[] id = new String[log.size()];
        for (int i = 0; i < log.size(); i++) {
            Op op = log.get(i);
            id[i] = op.task() + "." + (local[op.task()]++) + ":" + op.kind().label() + op.footprint();
        }
        TreeSet<String> pairs = new TreeSet<>();
        for (int i = 0; i < log.size(); i++) {
            for (int j = i + 1; j < log.size(); j++) {
                if (log.get(i).task() != log.get(j).task() && Footprint.dependent(log.get(i).footprint(), log.get(j).footprint())) {
                    pairs.add(id[i] + "<" + id[j]);
                }
            }
        }
        TreeSet<String> events = new TreeSet<>(List.of(id));
        return events + "|" + pairs + "|" + o.status();
    }
}
