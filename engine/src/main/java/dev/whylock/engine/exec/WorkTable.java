package dev.whylock.engine.exec;

import dev.whylock.engine.Work;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** All work items of an execution and the timer rules: deadlines and which timer is due. */
final class WorkTable {
    private final Map<Integer, WorkState> byId = new HashMap<>();
    private final List<WorkState> all = new ArrayList<>();
    private long armSeq;

    WorkState add(Work w) {
        WorkState ws = new WorkState(w);
        byId.put(w.id(), ws);
        all.add(ws);
        return ws;
    }

    WorkState get(int id) {
        return byId.get(id);
    }

    long nextArmSeq() {
        return armSeq++;
    }

    /** Whether no pending item has an earlier deadline than {@code ws} (deadline order). */
    boolean earliest(WorkState ws) {
        for (WorkState o : all) {
            if (o.pending && o.deadline < ws.deadline) {
                return false;
            }
        }
        return true;
    }

    /** The armed timers and their deadlines, for {@link Footprint#TIMERS}. */
    Timers timers() {
        Map<Integer, Long> m = new HashMap<>();
        for (WorkState o : all) {
            if (o.pending) {
                m.put(o.work.id(), o.deadline);
            }
        }
        return new Timers(Map.copyOf(m));
    }

    /** An immutable copy of the armed timers: work item id to deadline. */
    record Timers(Map<Integer, Long> deadlines) {
        /** Whether item {@code id} is armed and no armed item has an earlier deadline. */
        boolean due(int id) {
            Long d = deadlines.get(id);
            if (d == null) {
                return false;
            }
            for (long other : deadlines.values()) {
                if (other < d) {
                    return false;
                }
            }
            return true;
        }
    }
}
