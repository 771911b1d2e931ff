package dev.whylock.engine.exec;

import dev.whylock.engine.Program;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The thread backend where a continuation pins: an execution whose task reached a frame where its
 * continuation cannot yield (class loading the JVM started, native code) is run again, from its
 * start, on the thread backend, which can block anywhere. The strategy's choices so far are
 * replayed and the calls it already received are not repeated, so to the strategy it is one
 * execution; the program's later executions start on threads. The scheduling is the engine's
 * either way, so both backends give the same results (PinnedFallbackTest, JavaPinnedTest).
 */
final class PinnedFallback {
    private PinnedFallback() {}

    /**
     * Programs one of whose executions reached a frame where a continuation cannot yield (weakly
     * held: a program object lives as long as its exploration).
     */
    private static final Map<Program, Boolean> PINNED_PROGRAMS = Collections.synchronizedMap(new WeakHashMap<>());

    /** The backend an execution of {@code program} starts on: threads once one of its executions pinned. */
    static Backend backendFor(Program program, Backend configured) {
        return configured instanceof ContinuationBackend && PINNED_PROGRAMS.containsKey(program) ? new ThreadBackend() : configured;
    }

    /**
     * The execution that pinned, again on threads: {@code decisions} are replayed, and the first
     * {@code executedSteps} steps and {@code announced} task announcements, which {@code chooser}
     * already had, are not reported again.
     */
    static ExecutionOutcome onThreads(Program program, RunConfig config, Chooser chooser, List<Integer> decisions,
                                      int executedSteps, int announced) {
        PINNED_PROGRAMS.put(program, Boolean.TRUE);
        Chooser resumed = new Chooser() {
            private int decision;
            private int steps;
            private int announcements;

            @Override
            public int pickTask(SchedulingPoint point) {
                return decision < decisions.size() ? decisions.get(decision++) : chooser.pickTask(point);
            }

            @Override
            public int pickValue(int step, int n) {
                return decision < decisions.size() ? decisions.get(decision++) : chooser.pickValue(step, n);
            }

            @Override
            public void executed(Op op, boolean fixed) {
                if (++steps > executedSteps) {
                    chooser.executed(op, fixed);
                }
            }

            @Override
            public void taskCreated(int task, int parent) {
                if (++announcements > announced) {
                    chooser.taskCreated(task, parent);
                }
            }

            @Override
            public void ended(SchedulingPoint point, boolean truncated) {
                chooser.ended(point, truncated);
            }
        };
        return new Execution(program, config.withBackend(new ThreadBackend()), resumed).run();
    }
}
