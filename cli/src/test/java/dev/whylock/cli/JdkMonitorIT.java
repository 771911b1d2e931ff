package dev.whylock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JDK code that holds its own monitor while it calls back into the program (the inherited forEach
 * of a program's subclass of Vector) can leave a task blocked on that monitor while the task
 * holding it is switched away: the run says so and stops with exit 3 instead of hanging. The JDK's
 * synchronized collections called as such are modelled (their calls take the monitor in the model
 * first): the same program over a synchronized list runs to its answer.
 */
class JdkMonitorIT {

    @TempDir
    Path dir;

    @Test
    void aTaskStuckOnAJdkMonitor_isReportedInsteadOfHanging() throws Exception {
        String cp = JavaCommandTest.classPathOf(clitest.VectorCallback.class);
        WhylockProcess p = WhylockProcess.start(dir, "explore", "--java", "clitest.VectorCallback", "--class-path", cp);
        assertEquals(ExitCode.INTERNAL, p.waitFor(120), p.out() + p.err());
        assertTrue(p.err().contains("the program cannot go on: a task waits for the JVM monitor taken by "
                + "java.util.Vector.forEach, which JDK code took in another task"), p.err());
    }

    @Test
    void onTheThreadBackend_aTaskStuckOnAJdkMonitorHeldByAParkedTask_isReportedInsteadOfHanging() throws Exception {
        String cp = JavaCommandTest.classPathOf(clitest.PinnedVectorCallback.class);
        WhylockProcess p = WhylockProcess.start(dir, "explore", "--java", "clitest.PinnedVectorCallback", "--class-path", cp);
        assertEquals(ExitCode.INTERNAL, p.waitFor(120), p.out() + p.err());
        assertTrue(p.err().contains("the program cannot go on: a task waits for the JVM monitor of clitest.VectorCallback$Numbers "
                + "taken by java.util.Vector.forEach"), p.err());
    }

    @Test
    void aSynchronizedListsCallbacks_runUnderItsMonitorInTheModel() throws Exception {
        String cp = JavaCommandTest.classPathOf(clitest.SynchronizedCallback.class);
        WhylockProcess p = WhylockProcess.start(dir, "explore", "--java", "clitest.SynchronizedCallback", "--class-path", cp);
        assertEquals(ExitCode.OK, p.waitFor(120), p.out() + p.err());
        assertTrue(p.out().contains("NO VIOLATION in clitest.SynchronizedCallback"), p.out());
        assertTrue(p.out().contains("exhaustive  yes"), p.out());
    }
}
