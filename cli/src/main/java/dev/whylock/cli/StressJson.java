package dev.whylock.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whylock.engine.LockExperiment;
import java.util.Map;

/**
 * The JSON result of a stress run, which has no traces and so no {@code RunReport}: the stable
 * top-level keys of PRODUCT.md ("JSON result") first, then stress-only extras readers may ignore.
 */
final class StressJson {
    private StressJson() {}

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** The saved-result schema version (docs/result-schema.json), the same as run and why results. */
    static final int SCHEMA_VERSION = 2;

    /** The keys every result has, in contract order. */
    static ObjectNode head(RunInfo info, String verdict, boolean exhaustive, long executions, long elapsedMillis) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("result", "stress");
        root.put("verdict", verdict);
        root.put("exhaustive", exhaustive);
        root.put("executions", executions);
        root.put("elapsedMillis", elapsedMillis);
        root.put("model", info.modelName());
        root.put("scenario", info.scenarioName());
        ArrayNode ex = root.putArray("experiments");
        for (LockExperiment e : info.experiments()) {
            ex.add(e.toString());
        }
        return root;
    }

    /** The result of a stress run: failures counted by message, without traces (real threads leave none). */
    static ObjectNode stress(RunInfo info, long runs, long failedRuns, long firstFailure, Map<String, Integer> failures, long millis) {
        ObjectNode root = head(info, failedRuns > 0 ? "violation" : "no-violation", false, runs, millis);
        ArrayNode vs = root.putArray("violations");
        failures.forEach((key, count) -> {
            ObjectNode o = vs.addObject();
            int colon = key.indexOf(": ");
            o.put("kind", colon < 0 ? "unknown" : key.substring(0, colon));
            o.put("message", colon < 0 ? key : key.substring(colon + 2));
            o.put("runs", count);
            o.putArray("trace");
            o.putNull("replay");
        });
        root.putObject("locksets");
        root.putArray("lockOrder");
        root.put("strategy", "stress");
        root.put("failedRuns", failedRuns);
        root.put("firstFailureRun", firstFailure);
        root.put("whylockVersion", Version.VERSION);
        return root;
    }

    static String text(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
