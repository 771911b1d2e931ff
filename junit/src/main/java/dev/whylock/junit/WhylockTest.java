package dev.whylock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test method whylock explores: every interleaving of the threads it starts (up to the bound),
 * each execution with fresh classes, so static state starts over. It fails with an
 * {@link AssertionError} that carries the counterexample, one column per thread in Java terms,
 * and the path of its replay file when any interleaving throws, fails an assertion, deadlocks or
 * races on a non-volatile field. {@code @WhylockTest(replay = "...")} re-runs exactly that
 * interleaving, for a debugger.
 *
 * <p>The class's {@code @BeforeAll}, {@code @BeforeEach}, {@code @AfterEach} and {@code @AfterAll}
 * methods run inside every execution, around the test method, on a new instance (no-argument
 * constructor).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(WhylockExtension.class)
public @interface WhylockTest {

    /** A replay file written by a failed run: re-run exactly that interleaving instead of exploring. */
    String replay() default "";

    /** At most this many executions (the exploration is then not exhaustive, and the test passes if none failed). */
    long maxExecutions() default 100_000;

    /** At most this many seconds of exploration (0: no limit). */
    long timeLimitSeconds() default 0;

    /** Whether a data race on a non-volatile field fails the test (default: it does). */
    boolean dataRaces() default true;

    /**
     * How many times each thread may wake up spuriously (without a notify or signal) from an untimed
     * {@code Object.wait} or {@code Condition.await} in an execution, as the JVM allows (default 0:
     * never). A replay needs the same value as the run that wrote it.
     */
    int spuriousWakeups() default 0;
}
