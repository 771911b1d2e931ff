package dev.whylock.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.result.Step;
import dev.whylock.engine.result.Trace;
import dev.whylock.engine.result.Violation;
import java.util.ArrayList;
import java.util.List;

/** Violations and their traces as JSON, both ways; shared by the run and why codecs. */
final class TraceJson {

    private TraceJson() {}

    /** {@code kind, message, task, trace, preemptions, tasks, replay, decisions, execution}. */
    static ObjectNode violation(Violation v, String replay) {
        ObjectNode o = Json.object();
        o.put("kind", v.kind().key());
        o.put("message", v.message());
        o.put("task", v.task());
        o.set("trace", steps(v.trace()));
        o.put("preemptions", v.trace().preemptions());
        o.set("tasks", Json.strings(v.trace().tasks()));
        o.put("replay", replay);
        ArrayNode d = o.putArray("decisions");
        v.decisions().forEach(d::add);
        o.put("execution", v.execution());
        return o;
    }

    static ArrayNode steps(Trace t) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (Step s : t.steps()) {
            ObjectNode o = a.addObject();
            o.put("index", s.index());
            o.put("task", s.task());
            o.put("operation", s.op());
            o.put("object", s.object());
            o.put("site", s.site());
            o.put("value", s.value());
            o.put("preemption", s.preemption());
            o.put("note", s.note());
        }
        return a;
    }

    static Violation readViolation(JsonNode n, String where) throws ResultFormatException {
        String kindKey = Json.text(n, "kind", where);
        ViolationKind kind;
        try {
            kind = ViolationKind.fromKey(kindKey);
        } catch (IllegalArgumentException e) {
            throw new ResultFormatException(where + ".kind: unknown violation kind '" + kindKey + "'");
        }
        Trace t = readTrace(n, where);
        List<Integer> decisions = new ArrayList<>();
        JsonNode d = n.get("decisions");
        if (d != null && d.isArray()) {
            d.forEach(e -> decisions.add(e.asInt()));
        }
        return new Violation(kind, Json.text(n, "message", where), Json.textOr(n, "task", null), t, decisions,
                Json.numberOr(n, "execution", 0));
    }

    /** The {@code trace}, {@code preemptions} and {@code tasks} keys of {@code n} as a trace. */
    static Trace readTrace(JsonNode n, String where) throws ResultFormatException {
        JsonNode trace = Json.array(n, "trace", where);
        List<Step> steps = new ArrayList<>();
        int preemptions = 0;
        for (int i = 0; i < trace.size(); i++) {
            Step s = readStep(trace.get(i), where + ".trace[" + i + "]", i);
            preemptions += s.preemption() ? 1 : 0;
            steps.add(s);
        }
        List<String> tasks = n.has("tasks") ? Json.stringList(n, "tasks", where) : tasksOf(steps);
        return new Trace(steps, (int) Json.numberOr(n, "preemptions", preemptions), tasks);
    }

    private static Step readStep(JsonNode s, String where, int position) throws ResultFormatException {
        return new Step((int) Json.numberOr(s, "index", position), Json.text(s, "task", where), Json.text(s, "operation", where),
                Json.text(s, "object", where), Json.text(s, "site", where), Json.textOr(s, "value", null),
                Json.textOr(s, "note", null), Json.boolOr(s, "preemption", false));
    }

    private static List<String> tasksOf(List<Step> steps) {
        return steps.stream().map(Step::task).distinct().toList();
    }
}
