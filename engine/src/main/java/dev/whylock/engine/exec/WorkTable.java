package dev.whylock.engine.exec;

import dev.whylock.engine.Work;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** All work items of an execution and the timer rules: arming, deadlines and which timer is due. */
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

    /**
     * Makes {@code ws} pending with a deadline {@code delay} after {@code now}; returns false (and
     * changes nothing) when the item has used up its run bound.
     */
    boolean arm(WorkState ws, long now, long delay) {
        if (!ws.pending && ws.starts >= ws.work.maxRuns()) {
            return false;
        }
        ws.deadline = now + Math.max(0, delay);
        ws.armSeq = armSeq++;
        if (!ws.pending) {
            ws.pending = true;
            ws.queuedGen++;
        }
        return true;
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

    /** Whether no item is pending or running. */
    boolean idle() {
        for (WorkState w : all) {
            if (w.pending || w.running) {
                return false;
            }
        }
        return true;
    }
}
