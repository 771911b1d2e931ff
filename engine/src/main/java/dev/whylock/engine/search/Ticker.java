package dev.whylock.engine.search;

/** A source of wall-clock time in nanoseconds, injected so that the engine itself stays deterministic. */
@FunctionalInterface
public interface Ticker {

    long nanos();

    /** A ticker that never advances: elapsed times are 0 and time limits never trigger. */
    Ticker FROZEN = () -> 0L;
}
