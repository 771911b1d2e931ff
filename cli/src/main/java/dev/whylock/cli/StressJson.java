package dev.whylock.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.result.Step;
import dev.whylock.engine.result.Violation;
import java.util.List;
import java.util.Map;

/**
 * The JSON result of PRODUCT.md ("JSON result"): the stable top-level keys first, then extras
 * (strategy, seed, stop reason) that readers may ignore.
 */
final class ResultJson {
    private ResultJson() {}

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** {@code replays} maps each violation's index to its replay file path as shown to the user. */
    static ObjectNode of(RunInfo info, ExplorationResult r, List<String> replays) {
        ObjectNode root = head(info, r.verdict(), r.exhaustive(), r.executions(), r.elapsedMillis());
        ArrayNode vs = root.putArray("violations");
        for (int i = 0; i < r.violations().size(); i++) {
            Violation v = r.violations().get(i);
            ObjectNode o = vs.addObject();
            o.put("kind", v.kind().key());
            o.put("message", v.message());
            o.put("task", v.task());
            o.put("damage", v.kind().damage());
            o.put("preemptions", v.trace().preemptions());
            ArrayNode steps = o.putArray("trace");
            for (Step s : v.trace().steps()) {
                ObjectNode st = steps.addObject();
                st.put("step", s.index() + 1);
                st.put("task", s.task());
                st.put("operation", s.op());
                st.put("object", s.object());
                st.put("site", s.site());
                if (s.value() != null) {
                    st.put("value", s.value());
                }
                if (s.note() != null) {
                    st.put("note", s.note());
                }
                if (s.preemption()) {
                    st.put("preemption", true);
                }
            }
            o.put("replay", replays.get(i));
        }
        root.putObject("locksets");
        root.putArray("lockOrder");
        root.put("strategy", info.strategy());
        root.put("seed", r.seed());
        root.put("stopReason", r.stopReason());
        root.put("blocked", r.blocked());
        root.put("steps", r.steps());
        root.put("bounded", r.bounded());
        root.put("whylockVersion", Version.VERSION);
        return root;
    }

    /** The keys every result has, in contract order. */
    static ObjectNode head(RunInfo info, String verdict, boolean exhaustive, long executions, long elapsedMillis) {
        ObjectNode root = MAPPER.createObjectNode();
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
