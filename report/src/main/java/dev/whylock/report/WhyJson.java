package dev.whylock.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whylock.engine.why.WhyReport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link WhyRun} as JSON and back. {@code schemaVersion} and {@code result: "why"} come first,
 * then the summary every reader wants ({@code lock, verdict, exhaustive, executions,
 * elapsedMillis, model, timing, entryPoints}; timing only when recorded), then {@code replays} (counterexample key to replay file),
 * then every component of the engine's {@link WhyReport} under its own name, and last, for a Java
 * program, {@code guardedBy} (the {@code @GuardedBy} check). The summary is
 * computed by the engine ({@link WhyReport#verdict()}) and recomputed on reading.
 * docs/result-schema.json describes every key.
 */
public final class WhyJson {

    private WhyJson() {}

    public static void write(WhyRun run, Appendable out) throws IOException {
        Json.write(tree(run), out);
    }

    public static String text(WhyRun run) {
        return Json.text(tree(run));
    }

    /** The JSON of a report without model or replay files. */
    public static String text(WhyReport report) {
        return text(WhyRun.of(null, report));
    }

    static ObjectNode tree(WhyRun run) {
        WhyReport w = run.report();
        ObjectNode o = Json.head("why");
        o.put("lock", w.lockClass());
        o.set("verdict", Json.tree(w.verdict()));
        o.put("exhaustive", w.exhaustive());
        o.put("executions", w.executions());
        o.put("elapsedMillis", w.elapsedMillis());
        o.put("model", run.model());
        if (run.timing() != null) {
            o.put("timing", run.timing());
        }
        o.set("entryPoints", Json.tree(run.entryPoints()));
        o.set("replays", Json.tree(new TreeMap<>(run.replayFiles())));
        o.setAll((ObjectNode) Json.tree(w));
        if (run.guardedBy() != null) {
            o.set("guardedBy", Json.tree(run.guardedBy()));
        }
        return o;
    }

    /** Reads a report written by {@link #write}, with its model, entry points and replay files. */
    public static WhyRun read(String json) throws ResultFormatException {
        return fromTree(Json.parse(json));
    }

    static WhyRun fromTree(ObjectNode n) throws ResultFormatException {
        WhyReport report = Json.bind(n, WhyReport.class, "why report");
        List<WhyRun.EntryPoint> points = new ArrayList<>();
        JsonNode ep = n.path("entryPoints");
        for (int i = 0; i < ep.size(); i++) {
            points.add(Json.bind(ep.get(i), WhyRun.EntryPoint.class, "entryPoints[" + i + "]"));
        }
        Map<String, String> replays = new TreeMap<>();
        n.path("replays").properties().forEach(e -> replays.put(e.getKey(), e.getValue().asText()));
        return new WhyRun(Json.textOr(n, "model"), report, points, replays, Json.textOr(n, "timing"),
                Json.optional(n, "guardedBy", GuardedByCheck.class));
    }
}
