package dev.whylock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.whylock.jvm.guard.GuardSuggestions;
import dev.whylock.report.GuardedByCheck;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The saved @GuardedBy check mirrors the jvm module's: a status added there must be added to the saved result too. */
class JavaGuardsTest {

    @Test
    void everySuggestionStatus_hasItsSavedStatus_ofTheSameName() {
        assertEquals(Arrays.stream(GuardSuggestions.Status.values()).map(Enum::name).toList(),
                Arrays.stream(GuardedByCheck.Status.values()).map(Enum::name).toList());
    }
}
