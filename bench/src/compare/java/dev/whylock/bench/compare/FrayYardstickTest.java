package dev.whylock.bench.compare;

import dev.whylock.bench.YardstickWhylock;
import java.nio.file.Path;
import kotlin.Unit;
import org.junit.jupiter.api.Test;
import org.pastalab.fray.core.command.Configuration;
import org.pastalab.fray.core.observers.TimelineCoverageType;
import org.pastalab.fray.core.randomness.ControlledRandomProvider;
import org.pastalab.fray.core.scheduler.POSScheduler;
import org.pastalab.fray.junit.plain.FrayInTestLauncher;

/**
 * Fray 0.9.2 on the yardstick classes (bench/yardstick.sh passes their names, the budget and the
 * results file as system properties): fray-junit's in-test launcher, POS, as shipped (memory
 * interleaving off) and with memory interleaving on. Each iteration calls the class's {@code main}.
 */
class FrayYardstickTest {

    @Test
    void yardstick() throws Exception {
        String names = System.getProperty("yardstick.classes");
        boolean underFray = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(a -> a.startsWith("-javaagent") && a.contains("fray"));
        if (names == null || !underFray) {
            return; // only bench/yardstick.sh runs it, and only in the surefire execution on Fray's JDK with its agent
        }
        int budget = Integer.parseInt(System.getProperty("yardstick.budget", "2000"));
        int seconds = Integer.parseInt(System.getProperty("yardstick.seconds", "60"));
        Path out = Path.of(System.getProperty("yardstick.out"));
        String[] all = names.split(",");
        measure(all[0], 10, seconds, false, null); // warm-up: Fray's instrumentation of the first classes
        for (boolean memory : new boolean[] {false, true}) {
            for (String name : all) {
                measure(name, budget, seconds, memory, out);
            }
        }
    }

    private static void measure(String name, int budget, int seconds, boolean memory, Path out) throws Exception {
        Configuration[] cfg = new Configuration[1];
        long t0 = System.nanoTime();
        Throwable bug = null;
        try {
            FrayInTestLauncher.INSTANCE.launchFray(() -> {
                try {
                    YardstickMain.reflect(name);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, new POSScheduler(), new ControlledRandomProvider(), budget, seconds, false, TimelineCoverageType.NONE, c -> {
                cfg[0] = c;
                if (memory) {
                    FrayCompareTest.interleaveMemory(c);
                }
                return Unit.INSTANCE;
            });
        } catch (Throwable t) {
            bug = t;
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (out == null) {
            return;
        }
        long done = cfg[0] == null ? -1 : cfg[0].getCurrentIteration() + (bug == null ? 0 : 1);
        String found = bug == null ? "none" : bug.getClass().getSimpleName() + ": " + bug.getMessage();
        String claim = bug != null ? "bug found" : "no bug in " + done + " random (POS) iterations; no claim of absence";
        YardstickWhylock.record(out, memory ? "fray-memory" : "fray", name, found, done, ms, done * 1000 / Math.max(1, ms), claim);
    }
}
