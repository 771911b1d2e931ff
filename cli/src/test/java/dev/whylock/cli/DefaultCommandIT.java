package dev.whylock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code whylock} with no arguments answers "why is rtnl_mutex needed?" over every built-in scenario. */
class DefaultCommandIT {

    @TempDir
    Path dir;

    @Test
    void noArguments_runsWhyRtnlMutex_exits0WithNecessarySites() {
        Cli.Result r = Cli.run(dir);
        assertEquals(ExitCode.OK, r.code(), r.toString());
        assertTrue(r.out().startsWith("rtnl_mutex is NECESSARY"), r.out());
        assertTrue(r.out().contains("NECESSARY  rtnl_mutex@"), r.out());
        assertTrue(r.out().contains("whylock replay "), r.out());
    }
}
