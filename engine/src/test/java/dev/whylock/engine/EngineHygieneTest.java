package dev.whylock.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** House rules of the engine, checked on its sources: deterministic, and independent of the model. */
class EngineHygieneTest {

    static List<Path> mainSources() throws IOException {
        Path root = Path.of("src/main/java");
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    static List<String> offending(String pattern) throws IOException {
        List<String> out = new ArrayList<>();
        for (Path p : mainSources()) {
            List<String> lines = Files.readAllLines(p);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(pattern)) {
                    out.add(p + ":" + (i + 1));
                }
            }
        }
        return out;
    }

    @Test
    void engineSources_exist() throws IOException {
        assertTrue(mainSources().size() > 20, "the test must run from the engine module directory");
    }

    @Test
    void engine_neverImportsTheModel() throws IOException {
        assertEquals(List.of(), offending("dev.whylock.linux"));
    }

    @Test
    void engine_hasNoHiddenNondeterminism() throws IOException {
        assertEquals(List.of(), offending("new Random("));
        assertEquals(List.of(), offending("System.nanoTime("));
        assertEquals(List.of(), offending("System.currentTimeMillis("));
        assertEquals(List.of(), offending("Thread.sleep("));
    }

    @Test
    void engine_neverTouchesTheTerminal() throws IOException {
        assertEquals(List.of(), offending("System.out"));
        assertEquals(List.of(), offending("System.err"));
    }
}
