package dev.whylock.engine.exec;

import dev.whylock.engine.Task;

/**
 * Tasks: join waits for a task to finish. A task's end is not an operation of its own: it belongs
 * to the task's last step, which changes the task's liveness object ({@link Footprint#taskObject})
 * and, for spawned tasks, the live-task counter ({@link Footprint#LIVE}); spawning belongs to the
 * spawning step. Join observes the liveness object, so it can never run before the end it waits for.
 */
final class TaskActions {
    private TaskActions() {}

    /** Waits until {@code joined} has finished. */
    record Join(TaskState joined, Task handle) implements Action {
        @Override
        public OpKind kind() {
            return OpKind.JOIN;
        }

        @Override
        public Object target() {
            return handle;
        }

        @Override
        public boolean enabled(Execution x, TaskState t) {
            return joined.done;
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            fp.observe(Footprint.taskObject(joined.id), joined.done);
            return null;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            return new Footprint.Builder().observe(Footprint.taskObject(joined.id)).build();
        }

        @Override
        public Enabling couldRunWhen(int object, Object stateBefore, int task) {
            return Enabling.of(object != Footprint.taskObject(joined.id) || (Boolean) stateBefore);
        }

        @Override
        public String waitDescription(Execution x, Op op) {
            return "waits for task " + joined.name + " to finish";
        }
    }
}
