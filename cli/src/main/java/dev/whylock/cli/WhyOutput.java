package dev.whylock.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.analysis.AssertionSite;
import dev.whylock.engine.analysis.FieldLockset;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.Violation;
import dev.whylock.engine.why.ReplacementOutcome;
import dev.whylock.engine.why.ScenarioRun;
import dev.whylock.engine.why.SiteVerdict;
import dev.whylock.engine.why.StressComparison;
import dev.whylock.engine.why.WhyReport;
import dev.whylock.linux.model.Model;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a why report: a replay file per counterexample, then the JSON and HTML asked for, then
 * the text on stdout. The text and JSON here are interim renderings until the report module
 * renders {@link WhyReport}.
 */
final class WhyOutput {
    private WhyOutput() {}

    static void write(Io io, CommonOptions common, Model model, Map<String, LoadedScenario> scenarios, WhyReport w) {
        Path json = common.json(io);
        Map<Violation, String> replays = new IdentityHashMap<>();
        Map<String, Integer> n = new HashMap<>();
        for (SiteVerdict v : verdicts(w)) {
            if (v.counterexample() != null) {
                replay(io, json, scenarios, model, v.scenario(), v.experiment(), v.counterexample(), replays, n);
            }
        }
        for (ReplacementOutcome r : w.replacements()) {
            for (ScenarioRun run : r.runs()) {
                for (Violation v : run.damage()) {
                    replay(io, json, scenarios, model, run.scenario(), r.experiment(), v, replays, n);
                }
            }
        }
        for (ScenarioRun b : w.baselines()) {
            for (Violation v : b.damage()) {
                replay(io, json, scenarios, model, b.scenario(), null, v, replays, n);
            }
        }
        String text = WhyText.render(model.name(), w, replays);
        if (json != null) {
            RunOutput.write(json, ResultJson.text(json(model.name(), w, replays)), "--json");
        }
        if (common.html != null) {
            RunOutput.write(io.resolve(common.html), Html.page("whylock: why " + w.lockClass(), text), "--html");
        }
        if (common.traceOut != null) {
            StringBuilder b = new StringBuilder();
            for (SiteVerdict v : verdicts(w)) {
                if (v.counterexample() != null) {
                    b.append(v.experiment()).append(" in ").append(v.scenario()).append('\n');
                    java.io.StringWriter sw = new java.io.StringWriter();
                    TraceText.print(new java.io.PrintWriter(sw), v.counterexample().trace(), "  ");
                    b.append(sw).append('\n');
                }
            }
            RunOutput.write(io.resolve(common.traceOut), b.isEmpty() ? "no counterexample\n" : b.toString(), "--trace-out");
        }
        if (!common.quiet) {
            io.out().print(text);
            io.out().flush();
        }
    }

    static List<SiteVerdict> verdicts(WhyReport w) {
        List<SiteVerdict> all = new ArrayList<>(w.siteVerdicts());
        if (w.allSites() != null) {
            all.add(w.allSites());
        }
        return all;
    }

    private static void replay(Io io, Path json, Map<String, LoadedScenario> scenarios, Model model, String scenario,
            String experiment, Violation v, Map<Violation, String> replays, Map<String, Integer> n) {
        LoadedScenario ls = scenarios.get(scenario);
        if (ls == null || replays.containsKey(v)) {
            return;
        }
        List<LockExperiment> ex = new ArrayList<>();
        if (experiment != null) {
            LockExperiment.Kind kind = experiment.startsWith("remove ") ? LockExperiment.Kind.REMOVE : LockExperiment.Kind.REPLACE;
            ex.add(LockExperiment.parse(kind, experiment.substring(experiment.indexOf(' ') + 1)));
        }
        RunInfo info = new RunInfo(ls, ex, RunConfig.Timing.UNTIMED, "dpor");
        // Numbered per file name: per run beside the JSON file, per scenario and experiment under .whylock/.
        int index = n.merge(json == null ? info.slug() : "", 1, Integer::sum);
        Path p = ReplayFiles.pathFor(io, json, info, index);
        RunOutput.write(p, ReplayFiles.of(info, v).text(), "replay file");
        replays.put(v, io.show(p));
    }

    static ObjectNode json(String model, WhyReport w, Map<Violation, String> replays) {
        ObjectNode o = ResultJson.MAPPER.createObjectNode();
        o.put("lock", w.lockClass());
        o.put("model", model);
        o.put("complete", !w.interrupted());
        o.put("maxExecutions", w.bound().maxExecutions());
        o.put("timeLimitMillis", w.bound().timeLimitMillis());
        o.put("elapsedMillis", w.elapsedMillis());
        ArrayNode sc = o.putArray("scenarios");
        w.scenarios().forEach(sc::add);
        ArrayNode sites = o.putArray("sites");
        for (SiteVerdict v : verdicts(w)) {
            ObjectNode s = sites.addObject();
            s.put("site", v.allSites() ? "all" : v.site());
            s.put("experiment", v.experiment());
            s.put("verdict", v.necessity().key());
            s.put("damage", v.damageKind());
            s.put("scenario", v.scenario());
            s.put("message", v.counterexample() == null ? null : v.counterexample().message());
            s.put("executions", v.executions());
            s.put("exhaustive", v.exhaustive());
            s.put("assumptionsBroken", v.assumed().size());
            s.put("replay", v.counterexample() == null ? null : replays.get(v.counterexample()));
        }
        ObjectNode sets = o.putObject("locksets");
        for (FieldLockset f : w.locksets()) {
            ArrayNode locks = sets.putArray(f.field());
            f.locks().forEach(locks::add);
        }
        ArrayNode alone = o.putArray("protectsAlone");
        w.protectsAlone().forEach(alone::add);
        ArrayNode asserts = o.putArray("assertions");
        for (AssertionSite a : w.assertions()) {
            asserts.addObject().put("check", a.form()).put("site", a.site()).put("checks", a.checks()).put("failures", a.failures());
        }
        ArrayNode repl = o.putArray("replacements");
        for (ReplacementOutcome r : w.replacements()) {
            ObjectNode ro = repl.addObject();
            ro.put("experiment", r.experiment());
            ro.put("safeWithinBound", r.safeWithinBound());
            ro.put("exhaustive", r.exhaustive());
            ro.put("newDeadlockCycles", r.cycles().size());
            ro.put("newRaces", r.newRaces().size());
            ArrayNode d = ro.putArray("damage");
            r.damage().forEach(v -> d.addObject().put("kind", v.kind().key()).put("message", v.message()).put("replay", replays.get(v)));
        }
        ArrayNode stress = o.putArray("stress");
        for (StressComparison s : w.stress()) {
            stress.addObject().put("experiment", s.experiment()).put("scenario", s.scenario()).put("runs", s.stress().runs())
                    .put("failedRuns", s.stress().failures()).put("dporExecutionsToCounterexample", s.dporExecutionsToCounterexample());
        }
        o.put("whylockVersion", Version.VERSION);
        return o;
    }
}
