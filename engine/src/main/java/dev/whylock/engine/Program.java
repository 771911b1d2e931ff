package dev.whylock.engine;

/**
 * A program the engine explores: a deterministic setup followed by the concurrent part.
 *
 * <p>Both parts run on the program's first task, {@code main}. During {@link #setup} the scheduler
 * makes no choices: {@code main} runs alone, and work items or timers run only while {@code main}
 * waits for them (for example in {@link Env#settle()}), in deadline order. {@link #run} is the
 * explored part: it usually spawns tasks and joins them. Every execution re-runs both parts from
 * scratch, so all state must be created inside them. Executions of one program may run at once on
 * several threads (a why inquiry's workers, a split search), so per-execution state lives in local
 * variables (or per thread), never in fields of the program object.
 */
public interface Program {

    /** A name for reports and replay files. */
    String name();

    /** Builds the initial state, single-threaded and without scheduling choices. */
    default void setup(Env env) {}

    /** The concurrent part, explored by the search strategy. */
    void run(Env env);

    /**
     * Told when an execution met something whylock could not control (a task that could not be
     * suspended at a scheduling point: {@code what} says where and why); the execution ended there
     * and the search is not exhaustive. Programs that report such notes keep them; default: ignored.
     */
    default void notControlled(String what) {}
}
