package dev.whylock.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.analysis.AnalysisReport;
import dev.whylock.engine.analysis.FieldLockset;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.result.StopReason;
import dev.whylock.engine.result.Violation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link RunReport} as JSON and back: the saved result that text and HTML are rendered from.
 *
 * <p>{@code schemaVersion} and {@code result: "run"} come first, then the stable keys of the
 * product contract in this order: {@code verdict, exhaustive, executions, elapsedMillis, model,
 * scenario, experiments, violations, locksets, lockOrder}; then {@code blocked, steps, bounded,
 * stopReason, strategy, seed, timing, program}, the optional {@code newLockClasses, neverReached,
 * notControlled, notReset}, {@code analysis}, and for a Java program {@code guardedBy}. Readers
 * ignore keys they do not know.
 * docs/result-schema.json describes every key.
 */
public final class RunJson {

    private RunJson() {}

    /** Writes {@code report} as pretty-printed JSON with "\n" line ends. */
    public static void write(RunReport report, Appendable out) throws IOException {
        Json.write(tree(report), out);
    }

    /** The JSON text of {@code report}. */
    public static String text(RunReport report) {
        return Json.text(tree(report));
    }

    static ObjectNode tree(RunReport report) {
        ExplorationResult r = report.result();
        ObjectNode o = Json.head("run");
        o.put("verdict", r.verdict());
        o.put("exhaustive", r.exhaustive());
        o.put("executions", r.executions());
        o.put("elapsedMillis", r.elapsedMillis());
        o.put("model", report.model());
        o.put("scenario", report.scenario());
        o.set("experiments", Json.tree(r.experiments()));
        ArrayNode vs = o.putArray("violations");
        for (int i = 0; i < r.violations().size(); i++) {
            ObjectNode v = (ObjectNode) Json.tree(r.violations().get(i));
            v.put("replay", report.replayFile(i));
            vs.add(v);
        }
        AnalysisReport a = report.analysis();
        ObjectNode locksets = o.putObject("locksets");
        if (a != null) {
            for (FieldLockset f : a.locksets().fields()) {
                locksets.set(f.field(), Json.tree(f));
            }
        }
        o.set("lockOrder", Json.tree(a == null ? List.of() : a.lockOrder().edges()));
        o.put("blocked", r.blocked());
        o.put("steps", r.steps());
        o.put("bounded", r.bounded());
        o.set("stopReason", Json.tree(r.stopReason()));
        o.put("strategy", r.strategy());
        o.put("seed", r.seed());
        o.put("timing", report.timing());
        o.put("program", r.program());
        if (!report.newLockClasses().isEmpty()) {
            o.set("newLockClasses", Json.tree(report.newLockClasses()));
        }
        if (!report.neverReached().isEmpty()) {
            o.set("neverReached", Json.tree(report.neverReached()));
        }
        if (!report.notControlled().isEmpty()) {
            o.set("notControlled", Json.tree(report.notControlled()));
        }
        if (!report.notReset().isEmpty()) {
            o.set("notReset", Json.tree(report.notReset()));
        }
        if (a != null) {
            o.set("analysis", Json.tree(a));
        }
        if (report.guardedBy() != null) {
            o.set("guardedBy", Json.tree(report.guardedBy()));
        }
        return o;
    }

    /** Reads a report written by {@link #write}. */
    public static RunReport read(String json) throws ResultFormatException {
        return fromTree(Json.parse(json));
    }

    static RunReport fromTree(ObjectNode n) throws ResultFormatException {
        List<Violation> violations = new ArrayList<>();
        Map<Integer, String> replays = new HashMap<>();
        JsonNode vs = n.path("violations");
        for (int i = 0; i < vs.size(); i++) {
            violations.add(Json.bind(vs.get(i), Violation.class, "violations[" + i + "]"));
            String replay = Json.textOr(vs.get(i), "replay");
            if (replay != null) {
                replays.put(i, replay);
            }
        }
        String verdict = Json.text(n, "verdict");
        if (!verdict.equals(violations.isEmpty() ? "no-violation" : "violation")) {
            throw new ResultFormatException("verdict: '" + verdict + "' contradicts the " + violations.size() + " violations listed");
        }
        List<LockExperiment> experiments = new ArrayList<>();
        JsonNode ex = n.path("experiments");
        for (int i = 0; i < ex.size(); i++) {
            experiments.add(Json.bind(ex.get(i), LockExperiment.class, "experiments[" + i + "]"));
        }
        ExplorationResult r = new ExplorationResult(Json.text(n, "program"), Json.text(n, "strategy"), Json.number(n, "seed"),
                Json.bool(n, "exhaustive"), Json.number(n, "executions"), Json.number(n, "blocked"), Json.number(n, "steps"),
                Json.bool(n, "bounded"), Json.number(n, "elapsedMillis"), Json.bind(n.get("stopReason"), StopReason.class, "stopReason"),
                experiments, violations);
        AnalysisReport a = n.hasNonNull("analysis") ? Json.bind(n.get("analysis"), AnalysisReport.class, "analysis") : null;
        return new RunReport(Json.textOr(n, "model"), Json.textOr(n, "scenario"), Json.textOr(n, "timing"), r, replays, a,
                strings(n, "newLockClasses"), strings(n, "neverReached"), strings(n, "notControlled"), strings(n, "notReset"),
                Json.optional(n, "guardedBy", GuardedByCheck.class));
    }

    /** An optional array of strings; missing is empty. */
    private static List<String> strings(ObjectNode n, String key) throws ResultFormatException {
        List<String> out = new ArrayList<>();
        JsonNode a = n.path(key);
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).isTextual()) {
                throw new ResultFormatException(key + "[" + i + "]: expected a string, found " + a.get(i).getNodeType());
            }
            out.add(a.get(i).asText());
        }
        return out;
    }
}
