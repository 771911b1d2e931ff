package dev.whylock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JDK code that holds its own monitor while it calls back into the program (a synchronized list's
 * forEach) can leave a task blocked on that monitor while the task holding it is switched away:
 * the run says so and stops with exit 3 instead of hanging.
 */
class JdkMonitorIT {

    @TempDir
    Path dir;

    @Test
    void aTaskStuckOnAJdkMonitor_isReportedInsteadOfHanging() throws Exception {
        String cp = JavaCommandTest.classPathOf(clitest.SynchronizedCallback.class);
        WhylockProcess p = WhylockProcess.start(dir, "explore", "--java", "clitest.SynchronizedCallback", "--class-path", cp);
        assertEquals(ExitCode.INTERNAL, p.waitFor(120), p.out() + p.err());
        assertTrue(p.err().contains("the program cannot go on: a task waits for the JVM monitor taken by "
                + "java.util.Collections$SynchronizedCollection.forEach, which JDK code took in another task"), p.err());
    }
}
