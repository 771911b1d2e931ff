package dev.whylock.engine.exec;

import dev.whylock.engine.Mutex;
import java.util.ArrayList;
import java.util.List;

/** The scheduler's view of one task: its coroutine, pending operation and held locks. */
final class TaskState {

    /** What a task is, which decides how it counts for quiescence. */
    enum Role {
        /** The program's first task: runs setup and run; never counted. */
        MAIN,
        /** A task spawned by the program: counted as live until it finishes. */
        SPAWNED,
        /** Runs a work item; busy while its item is pending or running. */
        WORKER,
        /** Checks the invariants once, at a quiescent point the search chooses. */
        CHECKER,
        /** Timed mode only: advances virtual time when no other task can run. */
        CLOCK
    }

    final int id;
    final String name;
    final Role role;
    /** The work item this task runs, or null for an ordinary task. */
    final WorkState work;
    Backend.Coroutine co;
    Op pending;
    boolean done;
    /** Ended by a fatal violation (its locks stay held). */
    boolean killed;
    Throwable failure;
    final List<Held> held = new ArrayList<>(4);

    TaskState(int id, String name, Role role, WorkState work) {
        this.id = id;
        this.name = name;
        this.role = role;
        this.work = work;
    }

    /** The most recent acquisition of {@code m} (by its name in the code), or null. */
    Held findHeld(Mutex m) {
        for (int i = held.size() - 1; i >= 0; i--) {
            if (held.get(i).orig() == m) {
                return held.get(i);
            }
        }
        return null;
    }

    /** Whether the task is finished, or is an idle worker with nothing pending. */
    boolean quiet() {
        return work == null ? done : !work.pending && !work.running;
    }
}
