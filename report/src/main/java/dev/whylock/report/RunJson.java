package dev.whylock.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.result.Violation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link RunReport} as JSON and back: the saved result that text and HTML are rendered from.
 *
 * <p>The stable top-level keys of the product contract come first, in this order: {@code verdict,
 * exhaustive, executions, elapsedMillis, model, scenario, experiments, violations, locksets,
 * lockOrder}; extra keys follow ({@code blocked, steps, bounded, stopReason, strategy, seed, timing,
 * program}). Readers must ignore keys they do not know.
 */
public final class RunJson {

    private RunJson() {}

    /** Writes {@code report} as pretty-printed JSON with "\n" line ends. */
    public static void write(RunReport report, Appendable out) throws IOException {
        Json.write(tree(report), out);
    }

    /** The JSON text of {@code report}. */
    public static String text(RunReport report) {
        StringBuilder b = new StringBuilder();
        try {
            write(report, b);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return b.toString();
    }

    static ObjectNode tree(RunReport report) {
        ExplorationResult r = report.result();
        ObjectNode o = Json.object();
        o.put("verdict", r.verdict());
        o.put("exhaustive", r.exhaustive());
        o.put("executions", r.executions());
        o.put("elapsedMillis", r.elapsedMillis());
        o.put("model", report.model());
        o.put("scenario", report.scenario());
        o.set("experiments", Json.strings(r.experiments()));
        ArrayNode vs = o.putArray("violations");
        for (int i = 0; i < r.violations().size(); i++) {
            vs.add(TraceJson.violation(r.violations().get(i), report.replayFile(i)));
        }
        ObjectNode sets = o.putObject("locksets");
        for (FieldLockset f : report.locksets()) {
            ObjectNode row = sets.putObject(f.field());
            row.set("locks", Json.strings(f.locks()));
            row.put("accesses", f.accesses());
        }
        ArrayNode order = o.putArray("lockOrder");
        for (LockOrderEdge e : report.lockOrder()) {
            ObjectNode edge = order.addObject();
            edge.put("from", e.from());
            edge.put("to", e.to());
            edge.set("sites", Json.strings(e.sites()));
        }
        o.put("blocked", r.blocked());
        o.put("steps", r.steps());
        o.put("bounded", r.bounded());
        o.put("stopReason", r.stopReason());
        o.put("strategy", r.strategy());
        o.put("seed", r.seed());
        o.put("timing", report.timing());
        o.put("program", r.program());
        return o;
    }

    /** Reads a report written by {@link #write}; keys beyond the stable ones are optional. */
    public static RunReport read(String json) throws ResultFormatException {
        return fromTree(Json.parse(json), "result");
    }

    static RunReport fromTree(JsonNode n, String where) throws ResultFormatException {
        List<Violation> violations = new ArrayList<>();
        Map<Integer, String> replays = new HashMap<>();
        JsonNode vs = Json.array(n, "violations", where);
        for (int i = 0; i < vs.size(); i++) {
            violations.add(TraceJson.readViolation(vs.get(i), where + ".violations[" + i + "]"));
            String replay = Json.textOr(vs.get(i), "replay", null);
            if (replay != null) {
                replays.put(i, replay);
            }
        }
        String verdict = Json.text(n, "verdict", where);
        if (!verdict.equals(violations.isEmpty() ? "no-violation" : "violation")) {
            throw new ResultFormatException(where + ".verdict: '" + verdict + "' contradicts the " + violations.size() + " violations listed");
        }
        ExplorationResult r = new ExplorationResult(Json.textOr(n, "program", Json.textOr(n, "scenario", "program")),
                Json.textOr(n, "strategy", "unknown"), Json.numberOr(n, "seed", 0), Json.bool(n, "exhaustive", where),
                Json.number(n, "executions", where), Json.numberOr(n, "blocked", 0), Json.numberOr(n, "steps", 0),
                Json.boolOr(n, "bounded", false), Json.number(n, "elapsedMillis", where),
                Json.textOr(n, "stopReason", "unknown"), Json.stringList(n, "experiments", where), violations);
        return new RunReport(Json.text(n, "model", where), Json.text(n, "scenario", where), Json.textOr(n, "timing", null), r,
                replays, locksets(n, where), lockOrder(n, where));
    }

    private static List<FieldLockset> locksets(JsonNode n, String where) throws ResultFormatException {
        List<FieldLockset> out = new ArrayList<>();
        JsonNode sets = Json.required(n, "locksets", where);
        if (!sets.isObject()) {
            throw new ResultFormatException(where + ".locksets: expected an object mapping field to locks");
        }
        for (Map.Entry<String, JsonNode> e : sets.properties()) {
            JsonNode row = e.getValue();
            // Accept both {"locks": [...]} and a bare list of locks.
            List<String> locks = row.isArray() ? Json.stringListOr(sets, e.getKey()) : Json.stringList(row, "locks", where + ".locksets." + e.getKey());
            out.add(new FieldLockset(e.getKey(), locks, Json.numberOr(row, "accesses", 0)));
        }
        return out;
    }

    private static List<LockOrderEdge> lockOrder(JsonNode n, String where) throws ResultFormatException {
        List<LockOrderEdge> out = new ArrayList<>();
        JsonNode order = Json.array(n, "lockOrder", where);
        for (int i = 0; i < order.size(); i++) {
            JsonNode e = order.get(i);
            String at = where + ".lockOrder[" + i + "]";
            out.add(new LockOrderEdge(Json.text(e, "from", at), Json.text(e, "to", at), Json.stringListOr(e, "sites")));
        }
        return out;
    }
}
