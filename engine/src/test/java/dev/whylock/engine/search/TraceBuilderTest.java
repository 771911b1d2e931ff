package dev.whylock.engine.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Values in traces must print the same in every run: no identity hash codes. */
class TraceBuilderTest {

    interface SocketOps {
        int attach();
    }

    @Test
    void anonymousAndLambdaValues_printTheirInterface_notAnIdentityHash() {
        SocketOps anon = new SocketOps() {
            @Override
            public int attach() {
                return 0;
            }
        };
        Supplier<String> lambda = () -> "x";
        assertEquals("&SocketOps", TraceBuilder.show(anon));
        assertEquals("&Supplier", TraceBuilder.show(lambda));
        assertEquals("&Object", TraceBuilder.show(new Object()));
    }

    @Test
    void arraysAndPlainValues_printTheirContents() {
        assertEquals("[1, 2]", TraceBuilder.show(new long[] {1, 2}));
        assertEquals("NULL", TraceBuilder.show(null));
        assertEquals("true", TraceBuilder.show(true));
        assertEquals("7", TraceBuilder.show(7));
    }
}
