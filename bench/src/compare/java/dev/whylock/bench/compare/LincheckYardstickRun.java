package dev.whylock.bench.compare;

import dev.whylock.bench.YardstickWhylock;
import java.nio.file.Path;
import org.jetbrains.lincheck.Lincheck;

/**
 * Lincheck 3.7 on one yardstick class, {@code Lincheck.runConcurrentTest} calling its {@code main},
 * one JVM per class (see {@link LincheckRun} for why). Invocations are counted in a system property.
 *
 * <p>{@code java -XX:+EnableDynamicAgentLoading -cp ... dev.whylock.bench.compare.LincheckYardstickRun RESULTS.tsv CLASS BUDGET [direct]}:
 * {@code main} called by reflection (as Fray's test calls it), or with {@code direct} by a direct call.
 */
public final class LincheckYardstickRun {

    private LincheckYardstickRun() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        String name = args[1];
        int budget = Integer.parseInt(args[2]);
        boolean direct = args.length > 3 && args[3].equals("direct");
        Lincheck.runConcurrentTest(1, () -> { });
        System.setProperty("lincheck.invocations", "0");
        long t0 = System.nanoTime();
        Throwable bug = null;
        try {
            Lincheck.runConcurrentTest(budget, () -> {
                System.getProperties().merge("lincheck.invocations", "1", (x, y) -> Long.toString(Long.parseLong((String) x) + 1));
                try {
                    if (direct) {
                        YardstickMain.run(name);
                    } else {
                        YardstickMain.reflect(name);
                    }
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
        if (bug != null) {
            String m = String.valueOf(bug.getMessage());
            System.out.println(m.substring(0, Math.min(m.length(), 6000)));
        }
        String found = bug == null ? "none" : bug.getClass().getSimpleName() + ": " + LincheckRun.firstMeaningfulLine(bug.getMessage());
        String claim = bug != null ? "bug found"
                : done < budget ? "no bug; stopped after " + done + " of " + budget + " invocations"
                : "no bug in " + done + " invocations; no claim of absence";
        YardstickWhylock.record(out, direct ? "lincheck-direct" : "lincheck", name, found, done, ms, done * 1000 / Math.max(1, ms), claim);
        System.exit(0);
    }
}
