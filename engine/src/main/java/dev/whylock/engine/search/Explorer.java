package dev.whylock.engine.search;

import dev.whylock.engine.Program;
import dev.whylock.engine.exec.Execution;
import dev.whylock.engine.exec.ExecutionOutcome;
import dev.whylock.engine.exec.RawViolation;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.result.StopReason;
import dev.whylock.engine.result.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs a search strategy over a program's executions and collects the result. */
public final class Explorer {

    /** Executions spent per preemption bound when looking for a counterexample with fewer preemptions. */
    static final int MINIMIZE_BUDGET = 2_000;

    private Explorer() {}

    public static ExplorationResult explore(Program program, SearchConfig cfg) {
        return explore(program, cfg, cfg.strategy().create());
    }

    /** Explores with a strategy instance the caller keeps (to read its statistics afterwards); {@code cfg.strategy()} still names it. */
    public static ExplorationResult explore(Program program, SearchConfig cfg, SearchStrategy strategy) {
        long start = cfg.ticker().nanos();
        Map<String, Violation> found = new LinkedHashMap<>();
        long executions = 0;
        long blocked = 0;
        long steps = 0;
        boolean bounded = false;
        StopReason stop;
        // The same checks, polled inside long executions, stop one in the middle.
        java.util.function.BooleanSupplier timeUp = () -> cfg.timeLimitMillis() > 0
                && (cfg.ticker().nanos() - start) / 1_000_000 >= cfg.timeLimitMillis();
        long[] done = new long[1];
        dev.whylock.engine.exec.RunConfig run = cfg.run().withHeartbeat(inExecution -> {
            cfg.progress().inExecution(done[0], inExecution, cfg.ticker().nanos() - start);
            return timeUp.getAsBoolean() || cfg.cancelled().getAsBoolean();
        });
        while (true) {
            if (executions + blocked >= cfg.maxExecutions()) {
                stop = StopReason.MAX_EXECUTIONS;
                break;
            }
            if (timeUp.getAsBoolean()) {
                stop = StopReason.TIME_LIMIT;
                break;
            }
            if (cfg.cancelled().getAsBoolean()) {
                stop = StopReason.INTERRUPTED;
                break;
            }
            if (!strategy.beginExecution()) {
                stop = StopReason.EXHAUSTED;
                break;
            }
            ExecutionOutcome o = new Execution(program, run, strategy).run();
            steps += o.log().size();
            if (o.status() == ExecutionOutcome.Status.INTERRUPTED) {
                stop = timeUp.getAsBoolean() ? StopReason.TIME_LIMIT : StopReason.INTERRUPTED;
                break;
            }
            strategy.endExecution(o);
            bounded |= o.bounded();
            if (o.status() == ExecutionOutcome.Status.ABANDONED) {
                blocked++;
                continue;
            }
            executions++;
            done[0] = executions;
            for (ExecutionObserver obs : cfg.observers()) {
                obs.onExecution(o);
            }
            boolean stopNow = collect(found, o, executions, cfg);
            if ((executions & 255) == 0) {
                cfg.progress().update(executions, blocked, found.size(), cfg.ticker().nanos() - start);
            }
            if (stopNow) {
                stop = StopReason.FIRST_VIOLATION;
                break;
            }
        }
        boolean exhaustive = stop == StopReason.EXHAUSTED && strategy.exhaustsSpace()
                && !(strategy instanceof Dfs d && d.pruned()) && !(strategy instanceof IterativeBounding ib && ib.pruned()) && !bounded;
        List<Violation> violations = new ArrayList<>(found.values());
        if (cfg.minimize() && cfg.strategy().kind() != StrategySpec.Kind.REPLAY && !violations.isEmpty()) {
            violations = minimize(program, cfg, run, violations, () -> timeUp.getAsBoolean() || cfg.cancelled().getAsBoolean());
        }
        cfg.progress().update(executions, blocked, violations.size(), cfg.ticker().nanos() - start);
        return new ExplorationResult(program.name(), strategy.name(), cfg.strategy().seed(), exhaustive, executions, blocked,
                steps, bounded, (cfg.ticker().nanos() - start) / 1_000_000, stop, cfg.run().experiments(), violations);
    }

    /** Records the violations of one execution, keeping the smallest counterexample per violation. */
    static boolean collect(Map<String, Violation> found, ExecutionOutcome o, long execution, SearchConfig cfg) {
        boolean stop = false;
        for (RawViolation rv : o.violations()) {
            String key = rv.kind().key() + ": " + rv.message();
            Violation old = found.get(key);
            int pre = o.preemptionsUpTo(rv.steps());
            // Independent in any execution makes it independent; otherwise the smallest counterexample wins.
            boolean afterFailure = rv.afterFailure() && (old == null || old.afterFailure());
            String task = rv.task() >= 0 ? o.taskNames().get(rv.task()) : null;
            if (old == null) {
                found.put(key, new Violation(rv.kind(), rv.message(), task, TraceBuilder.build(o, rv.steps()),
                        o.decisions(), execution, rv.waits(), afterFailure));
            } else if ((old.afterFailure() && !rv.afterFailure()) || (old.afterFailure() == rv.afterFailure()
                    && (pre < old.trace().preemptions() || (pre == old.trace().preemptions() && rv.steps() < old.trace().steps().size())))) {
                found.put(key, old.withCounterexample(task, TraceBuilder.build(o, rv.steps()), o.decisions(), afterFailure));
            }
            stop |= cfg.stopOn().contains(rv.kind());
        }
        return stop;
    }

    /**
     * Iterative preemption bounding: for each violation, the first bound that reproduces it gives a
     * counterexample with the fewest preemptions. It runs under the search's heartbeat ({@code run})
     * and ends as soon as {@code over} says the time limit or Ctrl-C came, keeping what it has: a
     * counterexample found is valid whether or not it was minimised.
     */
    static List<Violation> minimize(Program program, SearchConfig cfg, dev.whylock.engine.exec.RunConfig run,
            List<Violation> violations, java.util.function.BooleanSupplier over) {
        // One depth-first search per bound serves every violation still waiting for it: each takes the
        // first execution of that search that shows it, as a search of its own would (the searches are
        // deterministic and each violation's budget is counted from the search's start).
        List<Violation> out = new ArrayList<>(violations);
        boolean[] settled = new boolean[out.size()];
        for (int bound = 0; !over.getAsBoolean(); bound++) {
            java.util.Set<String> waiting = new java.util.LinkedHashSet<>();
            for (int i = 0; i < out.size(); i++) {
                if (!settled[i] && bound < out.get(i).trace().preemptions()) {
                    waiting.add(out.get(i).key());
                }
            }
            if (waiting.isEmpty()) {
                break;
            }
            Map<String, Violation> better = search(program, cfg, run, over, StrategySpec.dfs(bound), waiting);
            for (int i = 0; i < out.size(); i++) {
                Violation best = out.get(i);
                Violation b = better.get(best.key());
                if (settled[i] || b == null || bound >= best.trace().preemptions()) {
                    continue;
                }
                if ((b.trace().preemptions() < best.trace().preemptions() || b.trace().steps().size() < best.trace().steps().size())
                        && b.afterFailure() == best.afterFailure()) {
                    out.set(i, best.withCounterexample(b.task(), b.trace(), b.decisions(), best.afterFailure()));
                }
                settled[i] = true;
            }
        }
        return out;
    }

    /**
     * Runs {@code spec} for each of {@code keys} until an execution shows it, at most
     * {@link #MINIMIZE_BUDGET} executions from the start: per key, the violation as the first
     * execution that shows it gives it (absent if none did, or if stopped).
     */
    private static Map<String, Violation> search(Program program, SearchConfig cfg, dev.whylock.engine.exec.RunConfig run,
            java.util.function.BooleanSupplier over, StrategySpec spec, java.util.Set<String> keys) {
        SearchStrategy s = spec.create();
        Map<String, Violation> found = new LinkedHashMap<>();
        Map<String, Violation> first = new LinkedHashMap<>();
        SearchConfig collectAll = cfg.withStopOn(java.util.Set.of());
        for (int n = 0; n < MINIMIZE_BUDGET && first.size() < keys.size() && !over.getAsBoolean() && s.beginExecution(); n++) {
            ExecutionOutcome o = new Execution(program, run, s).run();
            if (o.status() == ExecutionOutcome.Status.INTERRUPTED) {
                break;
            }
            s.endExecution(o);
            if (o.violations().stream().noneMatch(rv -> keys.contains(rv.kind().key() + ": " + rv.message()))) {
                continue; // nothing asked for: no trace to build
            }
            collect(found, o, n, collectAll);
            for (String key : keys) {
                Violation v = found.get(key);
                if (v != null) {
                    first.putIfAbsent(key, v);
                }
            }
        }
        return first;
    }
}
