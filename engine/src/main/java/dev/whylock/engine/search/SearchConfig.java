package dev.whylock.engine.search;

import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.exec.RunConfig;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Everything about one exploration besides the program.
 *
 * @param stopOn         stop as soon as a violation of one of these kinds is found (empty: explore all)
 * @param minimize       after the search, look for a counterexample with fewer preemptions for each
 *                       violation by iterative preemption bounding
 * @param cancelled      polled between executions: Ctrl-C stops the search cleanly
 */
public record SearchConfig(
        StrategySpec strategy,
        RunConfig run,
        long maxExecutions,
        long timeLimitMillis,
        Ticker ticker,
        Set<ViolationKind> stopOn,
        boolean minimize,
        List<ExecutionObserver> observers,
        Progress progress,
        BooleanSupplier cancelled) {

    public SearchConfig {
        stopOn = Set.copyOf(stopOn);
        observers = List.copyOf(observers);
        if (maxExecutions <= 0) {
            throw new IllegalArgumentException("maxExecutions must be positive");
        }
    }

    public static SearchConfig of(StrategySpec strategy) {
        return new SearchConfig(strategy, RunConfig.defaults(), 1_000_000, 0, Ticker.FROZEN, Set.of(), true,
                List.of(), Progress.NONE, () -> false);
    }

    public SearchConfig withRun(RunConfig r) {
        return new SearchConfig(strategy, r, maxExecutions, timeLimitMillis, ticker, stopOn, minimize, observers, progress, cancelled);
    }

    public SearchConfig withStrategy(StrategySpec s) {
        return new SearchConfig(s, run, maxExecutions, timeLimitMillis, ticker, stopOn, minimize, observers, progress, cancelled);
    }

    public SearchConfig withMaxExecutions(long n) {
        return new SearchConfig(strategy, run, n, timeLimitMillis, ticker, stopOn, minimize, observers, progress, cancelled);
    }

    public SearchConfig withTimeLimit(long millis, Ticker t) {
        return new SearchConfig(strategy, run, maxExecutions, millis, t, stopOn, minimize, observers, progress, cancelled);
    }

    public SearchConfig withStopOn(Set<ViolationKind> kinds) {
        return new SearchConfig(strategy, run, maxExecutions, timeLimitMillis, ticker, kinds, minimize, observers, progress, cancelled);
    }

    public SearchConfig withMinimize(boolean m) {
        return new SearchConfig(strategy, run, maxExecutions, timeLimitMillis, ticker, stopOn, m, observers, progress, cancelled);
    }

    public SearchConfig withObservers(List<ExecutionObserver> o) {
        return new SearchConfig(strategy, run, maxExecutions, timeLimitMillis, ticker, stopOn, minimize, o, progress, cancelled);
    }

    public SearchConfig withProgress(Progress p) {
        return new SearchConfig(strategy, run, maxExecutions, timeLimitMillis, ticker, stopOn, minimize, observers, p, cancelled);
    }

    public SearchConfig withCancelled(BooleanSupplier c) {
        return new SearchConfig(strategy, run, maxExecutions, timeLimitMillis, ticker, stopOn, minimize, observers, progress, c);
    }
}
