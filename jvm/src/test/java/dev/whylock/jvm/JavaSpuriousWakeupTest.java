package dev.whylock.jvm;

import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.exec.RunConfig;
import java.util.List;
import jvmtest.SpuriousWakeups;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Spurious wake-ups as an option for compiled Java ({@code --spurious-wakeups N}): a wait guarded
 * by {@code if} is clean without them and found with them (Object.wait and Condition.await); with
 * {@code while} it stays clean, and the search says it was bounded (the waiter could have woken
 * spuriously once more). DPOR executions pinned: 2 without, 4 with, as the engine's own {@code if}
 * instead of {@code while} litmus program (JavaSyncLitmusTest).
 */
class JavaSpuriousWakeupTest {

    @ParameterizedTest
    @CsvSource({
        "waitWithIf,    0, 2, true,  ''",
        "waitWithIf,    1, 4, true,  EXCEPTION",
        "waitWithWhile, 0, 2, true,  ''",
        "waitWithWhile, 1, 4, false, ''",
        "awaitWithIf,   0, 2, true,  ''",
        "awaitWithIf,   1, 4, true,  EXCEPTION"})
    void ifGuardedWait_isFoundOnlyWithSpuriousWakeups(String method, int spurious, long executions, boolean exhaustive, String kind) {
        List<ViolationKind> kinds = kind.isEmpty() ? List.of() : List.of(ViolationKind.valueOf(kind));
        PrimitiveChecks.check(SpuriousWakeups.class, method, RunConfig.defaults(), spurious, executions, exhaustive, kinds);
    }
}
