package dev.whylock.report;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files pin each report format. Run with {@code -Dwhylock.golden.update=true} to rewrite them
 * from the current code; otherwise any difference fails the test and names the first differing line.
 */
final class Golden {

    static final Path DIR = Path.of("src", "test", "resources", "golden");
    static final boolean UPDATE = Boolean.getBoolean("whylock.golden.update");

    private Golden() {}

    static void check(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        if (UPDATE) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file)) {
            fail("golden file " + file.toAbsolutePath() + " is missing; create it with: mvn -pl report test -Dwhylock.golden.update=true");
        }
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            fail("output differs from golden file " + file + " (" + firstDifference(expected, actual)
                    + "); if the change is intended, regenerate with -Dwhylock.golden.update=true and review the diff");
        }
    }

    static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String el = i < e.length ? e[i] : "<end of file>";
            String al = i < a.length ? a[i] : "<end of output>";
            if (!el.equals(al)) {
                return "line " + (i + 1) + ": expected [" + el + "] but got [" + al + "]";
            }
        }
        return "same lines, different line ends";
    }
}
