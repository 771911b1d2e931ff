package dev.whylock.bench.compare;

import org.jetbrains.lincheck.Lincheck;

/**
 * Lincheck 3.7 on one comparison program, through {@code Lincheck.runConcurrentTest} (model checking
 * of a plain concurrent test), one JVM per run: a run that found a hang leaves state behind that made
 * later runs in the same JVM report hangs on correct programs. Invocations are counted in a system
 * property, because Lincheck restores static fields between invocations.
 *
 * <p>{@code java -XX:+EnableDynamicAgentLoading -cp ... dev.whylock.bench.compare.LincheckRun PROGRAM buggy|fixed BUDGET}
 */
public final class LincheckRun {

    private LincheckRun() {}

    public static void main(String[] args) {
        String name = args[0];
        boolean buggy = args[1].equals("buggy");
        int budget = Integer.parseInt(args[2]);
        // Attach Lincheck's agent and instrument once before timing, so that the figures are per run, not per JVM.
        Lincheck.runConcurrentTest(1, () -> { });
        System.setProperty("lincheck.invocations", "0");
        long t0 = System.nanoTime();
        Throwable bug = null;
        try {
            Lincheck.runConcurrentTest(budget, () -> {
                System.getProperties().merge("lincheck.invocations", "1", (x, y) -> Long.toString(Long.parseLong((String) x) + 1));
                Programs.run(name, buggy);
            });
        } catch (Throwable t) {
            bug = t;
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long done = Long.parseLong(System.getProperty("lincheck.invocations"));
        if (bug != null) {
            String m = String.valueOf(bug.getMessage());
            System.out.println(m.substring(0, Math.min(m.length(), 4000)));
        }
        String found = bug == null ? "none" : bug.getClass().getSimpleName() + ": " + firstMeaningfulLine(bug.getMessage());
        String claim = bug != null ? "bug found"
                : done < budget ? "no bug; stopped after " + done + " of " + budget + " invocations"
                : "no bug in " + done + " invocations; no claim of absence";
        Results.record("lincheck", name, buggy ? "buggy" : "fixed", found, done, ms, claim);
        System.exit(0);
    }

    static String firstMeaningfulLine(String m) {
        if (m == null) {
            return "";
        }
        for (String l : m.split("\n")) {
            String s = l.strip().replaceAll("^[=|\\- ]+", "").replaceAll("[=|\\- ]+$", "");
            if (!s.isEmpty()) {
                return s;
            }
        }
        return "";
    }
}
