package dev.whylock.bench;

import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.search.Ticker;
import dev.whylock.linux.model.Models;
import dev.whylock.linux.model.Scenario;
import dev.whylock.linux.model.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 13: every built-in scenario of both models explored untimed and timed, as written and with
 * rtnl_mutex removed everywhere, side by side, each cell the kinds of violation found (data races
 * included, as {@code whylock explore} counts them) with the executions it took. The rows whose
 * timed verdict differs from the untimed one are marked; docs/timed.md explains each.
 *
 * <pre>java -cp bench/target/benchmarks.jar --add-exports java.base/jdk.internal.vm=ALL-UNNAMED -Xss4m \
 *     dev.whylock.bench.TimedScenarioTable [MAX_EXECUTIONS]</pre>
 */
public final class TimedScenarioTable {

    /** Executions per exploration unless given: the default bound of {@code whylock why}. */
    static final long DEFAULT_MAX = 100_000;

    private TimedScenarioTable() {}

    /** One scenario on one model: untimed and timed, as written and without rtnl. */
    public record Row(String model, String scenario, ScenarioRuns.Outcome untimed, ScenarioRuns.Outcome timed,
                      ScenarioRuns.Outcome untimedNoRtnl, ScenarioRuns.Outcome timedNoRtnl) {

        /** Whether timing changed what was found, as written or without rtnl. */
        public boolean differs() {
            return !untimed.kinds().equals(timed.kinds()) || !untimedNoRtnl.kinds().equals(timedNoRtnl.kinds());
        }
    }

    /** Explores {@code name} on {@code model} four ways. */
    public static Row row(String model, String name, long max, Ticker ticker) {
        Scenario s = ScenarioLoader.builtin(name).withModel(model);
        LockExperiment noRtnl = LockExperiment.remove("rtnl_mutex");
        return new Row(model, name,
                ScenarioRuns.explore(s, RunConfig.Timing.UNTIMED, max, ticker),
                ScenarioRuns.explore(s, RunConfig.Timing.TIMED, max, ticker),
                ScenarioRuns.explore(s, RunConfig.Timing.UNTIMED, max, ticker, noRtnl),
                ScenarioRuns.explore(s, RunConfig.Timing.TIMED, max, ticker, noRtnl));
    }

    public static String table(List<Row> rows) {
        StringBuilder b = new StringBuilder("| model | scenario | untimed | timed | untimed, rtnl removed | timed, rtnl removed | differs |\n"
                + "|---|---|---|---|---|---|:---:|\n");
        for (Row r : rows) {
            b.append(String.format("| %s | %s | %s | %s | %s | %s | %s |%n", r.model(), r.scenario(), r.untimed().cell(), r.timed().cell(),
                    r.untimedNoRtnl().cell(), r.timedNoRtnl().cell(), r.differs() ? "**yes**" : ""));
        }
        return b.toString();
    }

    public static void main(String[] args) {
        long max = args.length > 0 ? Long.parseLong(args[0]) : DEFAULT_MAX;
        Ticker ticker = System::nanoTime;
        List<Row> rows = new ArrayList<>();
        long start = ticker.nanos();
        for (String model : Models.names()) {
            for (String name : ScenarioLoader.builtinNames()) {
                Row r = row(model, name, max, ticker);
                rows.add(r);
                System.err.printf("%s %s%s%n", model, name, r.differs() ? " (differs)" : "");
            }
        }
        System.out.print(table(rows));
        System.out.printf("%n%d explorations in %.0f s%n", rows.size() * 4, (ticker.nanos() - start) / 1e9);
    }
}
