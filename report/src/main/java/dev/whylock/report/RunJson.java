package dev.whylock.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whylock.engine.analysis.AnalysisReport;
import dev.whylock.engine.analysis.AssertionReport;
import dev.whylock.engine.analysis.LockOrderReport;
import dev.whylock.engine.analysis.LocksetReport;
import dev.whylock.engine.analysis.RaceReport;
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
 * program, analysis}). Readers must ignore keys they do not know.
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
        AnalysisReport a = report.analysis();
        o.set("locksets", a == null ? Json.object() : AnalysisJson.locksets(a.locksets().fields()));
        o.set("lockOrder", a == null ? Json.MAPPER.createArrayNode() : AnalysisJson.edges(a.lockOrder().edges()));
        o.put("blocked", r.blocked());
        o.put("steps", r.steps());
        o.put("bounded", r.bounded());
        o.put("stopReason", r.stopReason());
        o.put("strategy", r.strategy());
        o.put("seed", r.seed());
        o.put("timing", report.timing());
        o.put("program", r.program());
        o.set("analysis", a == null ? null : analysisExtras(a));
        return o;
    }

    /** The parts of the analyses beyond the stable {@code locksets} and {@code lockOrder} keys. */
    private static ObjectNode analysisExtras(AnalysisReport a) {
        ObjectNode x = Json.object();
        x.put("executions", a.locksets().executions());
        x.set("protection", AnalysisJson.protection(a.locksets().locks()));
        x.put("deadlockedExecutions", a.lockOrder().deadlockedExecutions());
        x.set("lockClasses", Json.strings(a.lockOrder().lockClasses()));
        x.set("cycles", AnalysisJson.cycles(a.lockOrder().cycles()));
        x.set("races", AnalysisJson.races(a.races().races()));
        x.set("assertions", AnalysisJson.assertions(a.assertions().sites()));
        return x;
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
                replays, analysis(n, where));
    }

    private static AnalysisReport analysis(JsonNode n, String where) throws ResultFormatException {
        JsonNode x = n.get("analysis");
        if (x == null || x.isNull()) {
            return null;
        }
        String at = where + ".analysis";
        long executions = Json.number(x, "executions", at);
        LocksetReport sets = new LocksetReport(executions,
                AnalysisJson.readLocksets(Json.required(n, "locksets", where), where + ".locksets"),
                AnalysisJson.readProtection(Json.array(x, "protection", at), at + ".protection"));
        LockOrderReport order = new LockOrderReport(executions, Json.numberOr(x, "deadlockedExecutions", 0),
                Json.stringListOr(x, "lockClasses"), AnalysisJson.readEdges(Json.array(n, "lockOrder", where), where + ".lockOrder"),
                AnalysisJson.readCycles(Json.array(x, "cycles", at), at + ".cycles"));
        return new AnalysisReport(sets, new RaceReport(executions, AnalysisJson.readRaces(Json.array(x, "races", at), at + ".races")),
                order, new AssertionReport(executions, AnalysisJson.readAssertions(Json.array(x, "assertions", at), at + ".assertions")));
    }
}
