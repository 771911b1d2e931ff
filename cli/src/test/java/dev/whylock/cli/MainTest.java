package dev.whylock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.search.Ticker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** How failures map to exit codes: bad input 2 with one paragraph, anything unexpected 3. */
class MainTest {

    private final StringWriter err = new StringWriter();
    private final Io io = new Io(new PrintWriter(new StringWriter()), new PrintWriter(err, true), null, Path.of("/tmp"), false,
            Ticker.FROZEN, Cancellation.manual(), 0);

    @Test
    void failed_unexpectedException_exits3WithoutAStackTrace() {
        CommandLine cl = Main.commandLine(io);
        int code = Main.failed(io, cl.getSubcommands().get("explore"), new IllegalStateException("boom"));
        assertEquals(ExitCode.INTERNAL, code);
        assertTrue(err.toString().startsWith("whylock explore: internal error: java.lang.IllegalStateException: boom"), err.toString());
        assertTrue(err.toString().contains("WHYLOCK_DEBUG=1"), err.toString());
        assertFalse(err.toString().contains("\tat "), err.toString());
    }

    @Test
    void failed_usageException_exits2WithItsMessageOnly() {
        CommandLine cl = Main.commandLine(io);
        int code = Main.failed(io, cl.getSubcommands().get("replay"), new UsageException("replay x: no such file"));
        assertEquals(ExitCode.USAGE, code);
        assertEquals("whylock replay: replay x: no such file", err.toString().strip());
    }
}
