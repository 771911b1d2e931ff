package dev.whylock.cli;

import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.Violation;
import dev.whylock.engine.why.ReplacementOutcome;
import dev.whylock.engine.why.ScenarioRun;
import dev.whylock.engine.why.SiteVerdict;
import dev.whylock.engine.why.WhyReport;
import dev.whylock.report.SavedResult;
import dev.whylock.report.WhyRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a why report: a replay file per counterexample (site verdicts, replacements and the
 * damage already in the code as written), then the JSON, then every output rendered from it.
 */
final class WhyOutput {
    private WhyOutput() {}

    static void write(Io io, CommonOptions common, boolean full, Map<String, ? extends Subject> scenarios, RunConfig.Timing timing,
            WhyRun run) {
        Replays replays = new Replays(io, common.json(io), scenarios, timing);
        WhyReport w = run.report();
        for (SiteVerdict v : w.verdicts()) {
            if (v.counterexample() != null) {
                run = replays.add(run, v.experiment(), v.scenario(), v.counterexample());
            }
            for (ScenarioRun s : v.runs()) {
                for (Violation d : s.damage()) {
                    run = replays.add(run, s.experiment(), s.scenario(), d);
                }
            }
        }
        for (ReplacementOutcome r : w.replacements()) {
            for (ScenarioRun s : r.runs()) {
                for (Violation v : s.damage()) {
                    run = replays.add(run, r.experiment(), s.scenario(), v);
                }
            }
        }
        for (ScenarioRun b : w.baselines()) {
            for (Violation v : b.damage()) {
                run = replays.add(run, null, b.scenario(), v);
            }
        }
        RunOutput.saveAndRender(io, common, run, full);
    }

    /** Writes replay files, numbered per file name: per run beside the JSON file, per scenario and experiment under .whylock/. */
    private static final class Replays {
        private final Io io;
        private final Path json;
        private final Map<String, ? extends Subject> scenarios;
        private final RunConfig.Timing timing;
        private final Map<String, Integer> numbers = new HashMap<>();

        Replays(Io io, Path json, Map<String, ? extends Subject> scenarios, RunConfig.Timing timing) {
            this.io = io;
            this.json = json;
            this.scenarios = scenarios;
            this.timing = timing;
        }

        WhyRun add(WhyRun run, LockExperiment experiment, String scenario, Violation v) {
            Subject ls = scenarios.get(scenario);
            if (ls == null || run.replayFile(experiment, scenario, v) != null) {
                return run;
            }
            List<LockExperiment> ex = new ArrayList<>();
            if (experiment != null) {
                ex.add(experiment);
            }
            RunInfo info = new RunInfo(ls, ex, timing, "dpor");
            int index = numbers.merge(json == null ? info.slug() : "", 1, Integer::sum);
            Path p = ReplayFiles.pathFor(io, json, info, index);
            RunOutput.write(p, ReplayFiles.of(info, v).text(), "replay file");
            return run.withReplayFile(experiment, scenario, v, io.show(p));
        }
    }
}
