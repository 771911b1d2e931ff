package dev.whylock.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whylock.engine.analysis.AccessSite;
import dev.whylock.engine.analysis.AssertionSite;
import dev.whylock.engine.analysis.DataRace;
import dev.whylock.engine.analysis.EdgeWitness;
import dev.whylock.engine.analysis.EraserState;
import dev.whylock.engine.analysis.FieldLockset;
import dev.whylock.engine.analysis.LockCycle;
import dev.whylock.engine.analysis.LockOrderEdge;
import dev.whylock.engine.analysis.LockProtection;
import dev.whylock.engine.analysis.RaceAccess;
import dev.whylock.engine.analysis.ScenarioLine;
import dev.whylock.engine.result.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The engine's analysis records as JSON and back; shared by the run and why codecs. */
final class AnalysisJson {

    private AnalysisJson() {}

    /** {@code field -> {locks, state, sharedAccesses, exclusiveAccesses, sites}}, in the given order. */
    static ObjectNode locksets(List<FieldLockset> rows) {
        ObjectNode o = Json.object();
        for (FieldLockset f : rows) {
            ObjectNode row = o.putObject(f.field());
            row.set("locks", Json.strings(f.locks()));
            row.put("state", f.state().key());
            row.put("sharedAccesses", f.sharedAccesses());
            row.put("exclusiveAccesses", f.exclusiveAccesses());
            ArrayNode sites = row.putArray("sites");
            for (AccessSite s : f.sites()) {
                ObjectNode a = sites.addObject();
                a.put("function", s.function());
                a.put("write", s.write());
                a.set("locksHeld", Json.strings(s.locksHeld()));
                a.put("count", s.count());
            }
        }
        return o;
    }

    static List<FieldLockset> readLocksets(JsonNode o, String where) throws ResultFormatException {
        if (!o.isObject()) {
            throw new ResultFormatException(where + ": expected an object mapping field to its lockset");
        }
        List<FieldLockset> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : o.properties()) {
            JsonNode row = e.getValue();
            String at = where + "." + e.getKey();
            List<AccessSite> sites = new ArrayList<>();
            JsonNode sitesNode = row.get("sites");
            if (sitesNode != null && sitesNode.isArray()) {
                for (JsonNode a : sitesNode) {
                    sites.add(new AccessSite(Json.text(a, "function", at), Json.boolOr(a, "write", false),
                            Json.stringListOr(a, "locksHeld"), Json.numberOr(a, "count", 0)));
                }
            }
            out.add(new FieldLockset(e.getKey(), state(Json.textOr(row, "state", "shared-modified")),
                    Json.stringList(row, "locks", at), Json.numberOr(row, "sharedAccesses", 0),
                    Json.numberOr(row, "exclusiveAccesses", 0), sites));
        }
        return out;
    }

    private static EraserState state(String key) throws ResultFormatException {
        for (EraserState s : EraserState.values()) {
            if (s.key().equals(key)) {
                return s;
            }
        }
        throw new ResultFormatException("unknown lockset state '" + key + "'");
    }

    /** {@code [{from, to, sites, witnesses}]}: {@code sites} are the acquisition sites of {@code to}. */
    static ArrayNode edges(List<LockOrderEdge> edges) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (LockOrderEdge e : edges) {
            ObjectNode o = a.addObject();
            o.put("from", e.held());
            o.put("to", e.acquired());
            o.set("sites", Json.strings(e.witnesses().stream().map(EdgeWitness::acquiredAt).distinct().toList()));
            ArrayNode ws = o.putArray("witnesses");
            for (EdgeWitness w : e.witnesses()) {
                ObjectNode wo = ws.addObject();
                wo.put("heldAt", w.heldAt());
                wo.put("acquiredAt", w.acquiredAt());
                wo.put("task", w.task());
                wo.put("flushedWork", w.flushedWork());
                wo.put("flushedAt", w.flushedAt());
                wo.set("alsoHeld", Json.strings(w.alsoHeld()));
            }
        }
        return a;
    }

    static List<LockOrderEdge> readEdges(JsonNode a, String where) throws ResultFormatException {
        List<LockOrderEdge> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            JsonNode e = a.get(i);
            String at = where + "[" + i + "]";
            List<EdgeWitness> ws = new ArrayList<>();
            JsonNode wn = e.get("witnesses");
            if (wn != null && wn.isArray()) {
                for (JsonNode w : wn) {
                    ws.add(new EdgeWitness(Json.textOr(w, "heldAt", null), Json.textOr(w, "acquiredAt", null),
                            Json.textOr(w, "task", null), Json.textOr(w, "flushedWork", null), Json.textOr(w, "flushedAt", null),
                            Json.stringListOr(w, "alsoHeld")));
                }
            } else {
                // A hand-written edge with only sites: one witness per site.
                for (String site : Json.stringListOr(e, "sites")) {
                    ws.add(new EdgeWitness(null, site, null, null, null, List.of()));
                }
            }
            out.add(new LockOrderEdge(Json.text(e, "from", at), Json.text(e, "to", at), ws));
        }
        return out;
    }

    static ArrayNode cycles(List<LockCycle> cycles) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (LockCycle c : cycles) {
            ObjectNode o = a.addObject();
            o.set("locks", Json.strings(c.locks()));
            o.put("deadlockPossible", c.deadlockPossible());
            o.set("gateLocks", Json.strings(c.gateLocks()));
            o.set("edges", edges(c.edges()));
            ArrayNode lines = o.putArray("scenario");
            for (ScenarioLine l : c.scenario()) {
                ObjectNode lo = lines.addObject();
                lo.put("cpu", l.cpu());
                lo.put("action", l.action());
                lo.put("site", l.site());
            }
        }
        return a;
    }

    static List<LockCycle> readCycles(JsonNode a, String where) throws ResultFormatException {
        List<LockCycle> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            JsonNode c = a.get(i);
            String at = where + "[" + i + "]";
            List<ScenarioLine> lines = new ArrayList<>();
            for (JsonNode l : Json.array(c, "scenario", at)) {
                lines.add(new ScenarioLine((int) Json.number(l, "cpu", at), Json.text(l, "action", at), Json.textOr(l, "site", null)));
            }
            out.add(new LockCycle(Json.stringList(c, "locks", at), readEdges(Json.array(c, "edges", at), at + ".edges"),
                    Json.stringListOr(c, "gateLocks"), lines));
        }
        return out;
    }

    static ArrayNode races(List<DataRace> races) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (DataRace r : races) {
            ObjectNode o = a.addObject();
            o.put("field", r.field());
            o.set("first", access(r.first()));
            o.set("second", access(r.second()));
            o.set("trace", TraceJson.steps(r.trace()));
            o.put("preemptions", r.trace().preemptions());
            o.set("tasks", Json.strings(r.trace().tasks()));
            ArrayNode d = o.putArray("decisions");
            r.decisions().forEach(d::add);
            o.put("execution", r.execution());
            o.put("occurrences", r.occurrences());
        }
        return a;
    }

    private static ObjectNode access(RaceAccess x) {
        ObjectNode o = Json.object();
        o.put("task", x.task());
        o.put("site", x.site());
        o.put("step", x.step());
        o.put("write", x.write());
        o.put("value", x.value());
        o.set("locksHeld", Json.strings(x.locksHeld()));
        return o;
    }

    static List<DataRace> readRaces(JsonNode a, String where) throws ResultFormatException {
        List<DataRace> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            JsonNode r = a.get(i);
            String at = where + "[" + i + "]";
            Trace t = TraceJson.readTrace(r, at);
            List<Integer> decisions = new ArrayList<>();
            JsonNode d = r.get("decisions");
            if (d != null) {
                d.forEach(x -> decisions.add(x.asInt()));
            }
            out.add(new DataRace(Json.text(r, "field", at), readAccess(Json.required(r, "first", at), at + ".first"),
                    readAccess(Json.required(r, "second", at), at + ".second"), t, decisions,
                    Json.numberOr(r, "execution", 0), Json.numberOr(r, "occurrences", 1)));
        }
        return out;
    }

    private static RaceAccess readAccess(JsonNode x, String at) throws ResultFormatException {
        return new RaceAccess(Json.text(x, "task", at), Json.text(x, "site", at), (int) Json.numberOr(x, "step", -1),
                Json.bool(x, "write", at), Json.textOr(x, "value", null), Json.stringListOr(x, "locksHeld"));
    }

    static ArrayNode assertions(List<AssertionSite> sites) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (AssertionSite s : sites) {
            ObjectNode o = a.addObject();
            o.put("lock", s.lockClass());
            o.put("site", s.site());
            o.put("form", s.form());
            o.put("checks", s.checks());
            o.put("failures", s.failures());
        }
        return a;
    }

    static List<AssertionSite> readAssertions(JsonNode a, String where) throws ResultFormatException {
        List<AssertionSite> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            JsonNode s = a.get(i);
            String at = where + "[" + i + "]";
            out.add(new AssertionSite(Json.text(s, "lock", at), Json.text(s, "site", at),
                    "lockdep_assert_held".equals(Json.textOr(s, "form", "")), Json.numberOr(s, "checks", 0),
                    Json.numberOr(s, "failures", 0)));
        }
        return out;
    }

    static ArrayNode protection(List<LockProtection> locks) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (LockProtection p : locks) {
            ObjectNode o = a.addObject();
            o.put("lock", p.lockClass());
            o.set("alone", Json.strings(p.alone()));
            o.set("withOthers", Json.strings(p.withOthers()));
        }
        return a;
    }

    static List<LockProtection> readProtection(JsonNode a, String where) throws ResultFormatException {
        List<LockProtection> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            JsonNode p = a.get(i);
            out.add(new LockProtection(Json.text(p, "lock", where + "[" + i + "]"), Json.stringListOr(p, "alone"),
                    Json.stringListOr(p, "withOthers")));
        }
        return out;
    }
}
