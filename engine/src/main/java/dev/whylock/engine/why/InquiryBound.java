package dev.whylock.engine.why;

/**
 * The bound of every exploration in an inquiry.
 *
 * @param maxExecutions    executions per exploration (one scenario under one experiment)
 * @param timeLimitMillis  wall time per exploration, 0 for none (measured with the inquiry's ticker)
 */
public record InquiryBound(long maxExecutions, long timeLimitMillis) {

    public InquiryBound {
        if (maxExecutions <= 0) {
            throw new IllegalArgumentException("maxExecutions must be positive");
        }
        if (timeLimitMillis < 0) {
            throw new IllegalArgumentException("timeLimitMillis must not be negative");
        }
    }

    /** 100,000 executions, no time limit. */
    public static InquiryBound defaults() {
        return new InquiryBound(100_000, 0);
    }
}
