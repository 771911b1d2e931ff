package dev.whylock.bench.compare;

import dev.whylock.bench.YardstickWhylock;
import java.nio.file.Path;
import org.jetbrains.lincheck.Lincheck;

/**
 * Lincheck 3.7 on one yardstick class, {@code Lincheck.runConcurrentTest} calling its {@code main},
 * one JVM per class (see {@link LincheckRun} for why). Invocations are counted in a system property.
 *
 * <p>{@code java -XX:+EnableDynamicAgentLoading -cp ... dev.whylock.bench.compare.LincheckYardstickRun RESULTS.tsv CLASS BUDGET}
 */
public final class LincheckYardstickRun {

    private LincheckYardstickRun() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        String name = args[1];
        int budget = Integer.parseInt(args[2]);
        Lincheck.runConcurrentTest(1, () -> { });
        System.setProperty("lincheck.invocations", "0");
        long t0 = System.nanoTime();
        Throwable bug = null;
        try {
            Lincheck.runConcurrentTest(budget, () -> {
                System.getProperties().merge("lincheck.invocations", "1", (x, y) -> Long.toString(Long.parseLong((String) x) + 1));
                try {
                    YardstickMain.run(name);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (Throwable t) {
            bug = t;
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long done = Long.parseLong(System.getProperty("lincheck.invocations"));
        String found = bug == null ? "none" : bug.getClass().getSimpleName() + ": " + LincheckRun.firstMeaningfulLine(bug.getMessage());
        String claim = bug != null ? "bug found"
                : done < budget ? "no bug; stopped after " + done + " of " + budget + " invocations"
                : "no bug in " + done + " invocations; no claim of absence";
        YardstickWhylock.record(out, "lincheck", name, found, done, ms, done * 1000 / Math.max(1, ms), claim);
        System.exit(0);
    }
}
