package dev.whylock.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whylock.engine.result.Violation;
import dev.whylock.engine.why.InquiryBound;
import dev.whylock.engine.why.Necessity;
import dev.whylock.engine.why.ReplacementOutcome;
import dev.whylock.engine.why.ScenarioRun;
import dev.whylock.engine.why.SiteVerdict;
import dev.whylock.engine.why.StressComparison;
import dev.whylock.engine.why.StressCounts;
import dev.whylock.engine.why.SuggestedAnnotation;
import dev.whylock.engine.why.WhyReport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link WhyRun} as JSON and back. Top-level keys, in order: {@code lock, verdict, exhaustive,
 * executions, elapsedMillis, model, scenarios, bound, sites, siteVerdicts, allSites, baselines, locksets, protectsAlone,
 * assertions, baselineCycles, baselineRaces, replacements, stress, annotations, interrupted}.
 * Violations and traces have the same shape as in the run JSON ({@link RunJson}). {@code verdict} is
 * {@code necessary} when some removal broke something; {@code exhaustive} says whether every claim
 * of absence (not-needed verdicts, safe replacements) covered every execution within the bound.
 */
public final class WhyJson {

    private WhyJson() {}

    public static void write(WhyRun run, Appendable out) throws IOException {
        Json.write(tree(run), out);
    }

    public static String text(WhyRun run) {
        StringBuilder b = new StringBuilder();
        try {
            write(run, b);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return b.toString();
    }

    /** The JSON of a report without model or replay files. */
    public static String text(WhyReport report) {
        return text(WhyRun.of(null, report));
    }

    static ObjectNode tree(WhyRun run) {
        WhyReport w = run.report();
        ObjectNode o = Json.object();
        o.put("lock", w.lockClass());
        o.put("verdict", WhyVerdict.overall(w).key());
        o.put("exhaustive", WhyVerdict.exhaustive(w));
        o.put("executions", WhyVerdict.executions(w));
        o.put("elapsedMillis", w.elapsedMillis());
        o.put("model", run.model());
        o.set("scenarios", Json.strings(w.scenarios()));
        ObjectNode bound = o.putObject("bound");
        bound.put("maxExecutions", w.bound().maxExecutions());
        bound.put("timeLimitMillis", w.bound().timeLimitMillis());
        o.set("sites", Json.strings(w.sites()));
        ArrayNode verdicts = o.putArray("siteVerdicts");
        w.siteVerdicts().forEach(v -> verdicts.add(verdict(v, run)));
        o.set("allSites", w.allSites() == null ? null : verdict(w.allSites(), run));
        o.set("baselines", runs(w.baselines(), run));
        o.set("locksets", AnalysisJson.locksets(w.locksets()));
        o.set("protectsAlone", Json.strings(w.protectsAlone()));
        o.set("assertions", AnalysisJson.assertions(w.assertions()));
        o.set("baselineCycles", AnalysisJson.cycles(w.baselineCycles()));
        o.set("baselineRaces", AnalysisJson.races(w.baselineRaces()));
        ArrayNode reps = o.putArray("replacements");
        for (ReplacementOutcome r : w.replacements()) {
            ObjectNode ro = reps.addObject();
            ro.put("experiment", r.experiment());
            ro.put("safeWithinBound", r.safeWithinBound());
            ro.put("exhaustive", r.exhaustive());
            ro.set("cycles", AnalysisJson.cycles(r.cycles()));
            ro.set("newRaces", AnalysisJson.races(r.newRaces()));
            ArrayNode damage = ro.putArray("damage");
            for (Violation d : r.damage()) {
                String scenario = r.runs().stream().filter(x -> x.damage().stream().anyMatch(y -> y.key().equals(d.key())))
                        .map(ScenarioRun::scenario).findFirst().orElse(null);
                ObjectNode dn = TraceJson.violation(d, run.replayFile(r.experiment(), scenario, d));
                dn.put("scenario", scenario);
                damage.add(dn);
            }
            ro.set("runs", runs(r.runs(), run));
        }
        ArrayNode stress = o.putArray("stress");
        for (StressComparison s : w.stress()) {
            ObjectNode so = stress.addObject();
            so.put("scenario", s.scenario());
            so.put("experiment", s.experiment());
            so.put("stressRuns", s.stress().runs());
            so.put("stressFailures", s.stress().failures());
            so.put("firstFailureRun", s.stress().firstFailureRun());
            so.put("firstFailure", s.stress().firstFailure());
            so.put("dporExecutionsToCounterexample", s.dporExecutionsToCounterexample());
        }
        ArrayNode ann = o.putArray("annotations");
        for (SuggestedAnnotation a : w.annotations()) {
            ObjectNode ao = ann.addObject();
            ao.put("field", a.field());
            ao.put("lock", a.lockClass());
            ao.put("kernel", a.kernel());
            ao.put("java", a.java());
            ao.put("alone", a.alone());
        }
        o.put("interrupted", w.interrupted());
        return o;
    }

    private static ObjectNode verdict(SiteVerdict v, WhyRun run) {
        ObjectNode o = Json.object();
        o.put("lock", v.lockClass());
        o.put("site", v.site());
        o.put("experiment", v.experiment());
        o.put("necessity", v.necessity().key());
        o.put("damageKind", v.damageKind());
        o.put("scenario", v.scenario());
        o.set("counterexample", v.counterexample() == null ? null
                : TraceJson.violation(v.counterexample(), run.replayFile(v.experiment(), v.scenario(), v.counterexample())));
        o.put("executions", v.executions());
        o.put("exhaustive", v.exhaustive());
        o.set("assumed", violations(v.assumed()));
        o.set("runs", runs(v.runs(), run));
        return o;
    }

    private static ArrayNode runs(List<ScenarioRun> runs, WhyRun run) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (ScenarioRun r : runs) {
            ObjectNode o = a.addObject();
            o.put("scenario", r.scenario());
            o.put("experiment", r.experiment());
            o.put("reached", r.reached());
            o.put("executions", r.executions());
            o.put("exhaustive", r.exhaustive());
            o.put("stopReason", r.stopReason());
            o.put("elapsedMillis", r.elapsedMillis());
            ArrayNode damage = o.putArray("damage");
            r.damage().forEach(d -> damage.add(TraceJson.violation(d, run.replayFile(r.experiment(), r.scenario(), d))));
            o.set("assertions", violations(r.assertions()));
        }
        return a;
    }

    private static ArrayNode violations(List<Violation> vs) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        vs.forEach(v -> a.add(TraceJson.violation(v, null)));
        return a;
    }

    /** Reads a report written by {@link #write}, with its model and replay files. */
    public static WhyRun read(String json) throws ResultFormatException {
        JsonNode n = Json.parse(json);
        Map<String, String> replays = new HashMap<>();
        String w = "why";
        JsonNode b = Json.required(n, "bound", w);
        InquiryBound bound;
        try {
            bound = new InquiryBound(Json.number(b, "maxExecutions", w + ".bound"), Json.number(b, "timeLimitMillis", w + ".bound"));
        } catch (IllegalArgumentException e) {
            throw new ResultFormatException(w + ".bound: " + e.getMessage());
        }
        List<SiteVerdict> verdicts = new ArrayList<>();
        JsonNode vs = Json.array(n, "siteVerdicts", w);
        for (int i = 0; i < vs.size(); i++) {
            verdicts.add(readVerdict(vs.get(i), w + ".siteVerdicts[" + i + "]", replays));
        }
        JsonNode all = Json.required(n, "allSites", w);
        List<ReplacementOutcome> reps = new ArrayList<>();
        JsonNode rs = Json.array(n, "replacements", w);
        for (int i = 0; i < rs.size(); i++) {
            JsonNode r = rs.get(i);
            String at = w + ".replacements[" + i + "]";
            String experiment = Json.text(r, "experiment", at);
            List<Violation> damage = new ArrayList<>();
            JsonNode dn = Json.array(r, "damage", at);
            for (int k = 0; k < dn.size(); k++) {
                Violation d = TraceJson.readViolation(dn.get(k), at + ".damage[" + k + "]");
                remember(replays, experiment, Json.textOr(dn.get(k), "scenario", null), d, dn.get(k));
                damage.add(d);
            }
            reps.add(new ReplacementOutcome(experiment, readRuns(Json.array(r, "runs", at), at + ".runs", replays),
                    AnalysisJson.readCycles(Json.array(r, "cycles", at), at + ".cycles"),
                    AnalysisJson.readRaces(Json.array(r, "newRaces", at), at + ".newRaces"), damage, Json.bool(r, "exhaustive", at)));
        }
        List<StressComparison> stress = new ArrayList<>();
        for (JsonNode s : Json.array(n, "stress", w)) {
            stress.add(new StressComparison(Json.text(s, "scenario", w + ".stress"), Json.text(s, "experiment", w + ".stress"),
                    new StressCounts(Json.numberOr(s, "stressRuns", 0), Json.numberOr(s, "stressFailures", 0),
                            Json.numberOr(s, "firstFailureRun", 0), Json.textOr(s, "firstFailure", null)),
                    Json.numberOr(s, "dporExecutionsToCounterexample", 0)));
        }
        List<SuggestedAnnotation> ann = new ArrayList<>();
        for (JsonNode a : Json.array(n, "annotations", w)) {
            ann.add(new SuggestedAnnotation(Json.text(a, "field", w + ".annotations"), Json.text(a, "lock", w + ".annotations"),
                    Json.text(a, "kernel", w + ".annotations"), Json.text(a, "java", w + ".annotations"), Json.boolOr(a, "alone", false)));
        }
        WhyReport report = new WhyReport(Json.text(n, "lock", w), bound, Json.stringList(n, "scenarios", w),
                readRuns(Json.array(n, "baselines", w), w + ".baselines", replays), Json.stringList(n, "sites", w), verdicts,
                all.isNull() ? null : readVerdict(all, w + ".allSites", replays),
                AnalysisJson.readLocksets(Json.required(n, "locksets", w), w + ".locksets"), Json.stringList(n, "protectsAlone", w),
                AnalysisJson.readAssertions(Json.array(n, "assertions", w), w + ".assertions"),
                AnalysisJson.readCycles(Json.array(n, "baselineCycles", w), w + ".baselineCycles"),
                AnalysisJson.readRaces(Json.array(n, "baselineRaces", w), w + ".baselineRaces"), reps, stress, ann,
                Json.number(n, "elapsedMillis", w), Json.boolOr(n, "interrupted", false));
        return new WhyRun(Json.textOr(n, "model", null), report, replays);
    }

    private static void remember(Map<String, String> replays, String experiment, String scenario, Violation v, JsonNode node) {
        String path = Json.textOr(node, "replay", null);
        if (path != null) {
            replays.put(WhyRun.key(experiment, scenario, v), path);
        }
    }

    private static SiteVerdict readVerdict(JsonNode v, String at, Map<String, String> replays) throws ResultFormatException {
        JsonNode cx = Json.required(v, "counterexample", at);
        String experiment = Json.text(v, "experiment", at);
        String scenario = Json.text(v, "scenario", at);
        Violation counterexample = null;
        if (!cx.isNull()) {
            counterexample = TraceJson.readViolation(cx, at + ".counterexample");
            remember(replays, experiment, scenario, counterexample, cx);
        }
        return new SiteVerdict(Json.text(v, "lock", at), Json.text(v, "site", at), experiment,
                necessity(Json.text(v, "necessity", at), at), Json.text(v, "damageKind", at), scenario, counterexample,
                Json.number(v, "executions", at), Json.bool(v, "exhaustive", at),
                readViolations(Json.array(v, "assumed", at), at + ".assumed"), readRuns(Json.array(v, "runs", at), at + ".runs", replays));
    }

    private static Necessity necessity(String key, String at) throws ResultFormatException {
        for (Necessity n : Necessity.values()) {
            if (n.key().equals(key)) {
                return n;
            }
        }
        throw new ResultFormatException(at + ".necessity: unknown verdict '" + key + "'");
    }

    private static List<ScenarioRun> readRuns(JsonNode a, String where, Map<String, String> replays) throws ResultFormatException {
        List<ScenarioRun> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            JsonNode r = a.get(i);
            String at = where + "[" + i + "]";
            String scenario = Json.text(r, "scenario", at);
            String experiment = Json.text(r, "experiment", at);
            List<Violation> damage = new ArrayList<>();
            JsonNode dn = Json.array(r, "damage", at);
            for (int k = 0; k < dn.size(); k++) {
                Violation d = TraceJson.readViolation(dn.get(k), at + ".damage[" + k + "]");
                remember(replays, experiment, scenario, d, dn.get(k));
                damage.add(d);
            }
            out.add(new ScenarioRun(scenario, experiment, Json.boolOr(r, "reached", true),
                    Json.number(r, "executions", at), Json.bool(r, "exhaustive", at), Json.textOr(r, "stopReason", "unknown"),
                    Json.numberOr(r, "elapsedMillis", 0), damage, readViolations(Json.array(r, "assertions", at), at + ".assertions")));
        }
        return out;
    }

    private static List<Violation> readViolations(JsonNode a, String where) throws ResultFormatException {
        List<Violation> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            out.add(TraceJson.readViolation(a.get(i), where + "[" + i + "]"));
        }
        return out;
    }
}
