package dev.whylock.bench.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One line per measurement, appended to {@code ${compare.out}/results.tsv}; bench/compare.sh turns
 * the file into the table of docs/performance.md.
 */
final class Results {

    private Results() {}

    /**
     * @param tool       fray, lincheck or whylock
     * @param variant    buggy or fixed
     * @param found      what the tool reported (first line), or "none"
     * @param executions iterations/invocations/executions the tool ran
     * @param millis     wall time of the tool's run
     * @param claim      what the tool claims at the end, e.g. "no bug in 1000 samples" or "exhaustive"
     */
    static synchronized void record(String tool, String program, String variant, String found, long executions, long millis,
                                    String claim) {
        String dir = System.getProperty("compare.out", "target/compare");
        String line = String.join("\t", tool, program, variant, clean(found), Long.toString(executions), Long.toString(millis),
                clean(claim)) + "\n";
        try {
            Files.createDirectories(Path.of(dir));
            Files.writeString(Path.of(dir, "results.tsv"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        System.out.print("RESULT " + line);
    }

    static String clean(String s) {
        if (s == null) {
            return "none";
        }
        String one = s.strip().replace('\t', ' ').replace('\r', ' ');
        int nl = one.indexOf('\n');
        if (nl >= 0) {
            one = one.substring(0, nl);
        }
        return one.length() > 120 ? one.substring(0, 117) + "..." : one;
    }
}
