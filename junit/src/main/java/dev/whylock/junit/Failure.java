package dev.whylock.junit;

import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.result.ReplayFile;
import dev.whylock.engine.result.Violation;
import dev.whylock.engine.search.Replayer;
import dev.whylock.jvm.JavaResult;
import dev.whylock.report.ColumnTrace;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The failure of a {@link WhylockTest}: its message (the counterexample in Java terms) and its replay file. */
final class Failure {
    private Failure() {}

    /** {@code target/whylock/} under Maven (a {@code target} directory exists), else {@code .whylock/}. */
    static Path replayFile(Class<?> c, Method m) {
        Path dir = Files.isDirectory(Path.of("target")) ? Path.of("target", "whylock") : Path.of(".whylock");
        return dir.resolve(c.getName() + "." + m.getName() + ".replay");
    }

    static void writeReplay(Path file, Class<?> c, Method m, Violation v) throws IOException {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("model", "java");
        h.put("java-class", c.getName());
        h.put("java-method", m.getName());
        h.put("scenario", c.getName() + "#" + m.getName());
        h.put("violation", v.key());
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, ReplayFile.of(h, v).text());
    }

    static String message(ExplorationResult r, JavaResult jr, String test, Path file) {
        Violation v = r.violations().get(0);
        StringBuilder b = new StringBuilder();
        b.append("whylock: ").append(v.kind().key()).append(" in ").append(test).append(": ").append(v.message()).append('\n');
        b.append("  found in ").append(r.executions()).append(r.executions() == 1 ? " execution" : " executions")
                .append(r.exhaustive() ? "" : " (not exhaustive)").append("; the counterexample with the fewest preemptions, one column per thread:\n\n");
        trace(v, b);
        b.append("\n  replay: @WhylockTest(replay = \"").append(file.toString().replace('\\', '/')).append("\")\n");
        if (r.violations().size() > 1) {
            b.append("  also found (").append(r.violations().size() - 1).append(" more):\n");
            r.violations().stream().skip(1).forEach(o -> b.append("    ").append(o.key()).append('\n'));
        }
        if (!jr.notControlled().isEmpty()) {
            b.append("  not controlled: ").append(String.join("; ", jr.notControlled())).append('\n');
        }
        return b.toString();
    }

    static String replayed(Replayer.Outcome o, String key, Path file) {
        Violation v = o.violations().stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow();
        StringBuilder b = new StringBuilder("whylock: replayed ").append(file).append(": ").append(key).append("\n\n");
        trace(v, b);
        return b.toString();
    }

    private static void trace(Violation v, StringBuilder b) {
        try {
            ColumnTrace.print(v, "  ", b);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
