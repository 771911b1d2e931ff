package dev.whylock.bench;

import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.Program;
import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
import dev.whylock.engine.search.Ticker;
import dev.whylock.engine.stress.Stress;
import dev.whylock.engine.stress.StressResult;
import dev.whylock.linux.model.Models;
import dev.whylock.linux.model.ScenarioLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * "Run it and see" versus exploration on the kernel model (the 2021 netdev dispute, measured): for
 * each lock experiment that breaks the model, how many real-thread stress runs see a failure out of
 * a fixed budget, versus the executions and time DPOR and PCT need to find it.
 *
 * <pre>java -cp bench/target/benchmarks.jar --add-exports java.base/jdk.internal.vm=ALL-UNNAMED -Xss4m \
 *     dev.whylock.bench.StressVersusExploration [stressRuns] [stressSeconds] [pctSeeds] [caseLabel]</pre>
 */
public final class StressVersusExploration {

    private StressVersusExploration() {}

    static final LockExperiment NO_RTNL = LockExperiment.remove("rtnl_mutex",
            "sfp_bus_add_upstream", "sfp_bus_del_upstream", "sfp_register_socket", "sfp_unregister_socket");

    static final LockExperiment NO_RTNL_AT_ALL = LockExperiment.remove("rtnl_mutex");

    /** A scenario and the experiment applied to it. */
    record Case(String label, String scenario, List<LockExperiment> experiments) {}

    static List<Case> cases() {
        List<Case> cs = new ArrayList<>();
        String[][] az = {
            {"A", "ethtool-module-eeprom-vs-cage-unbind"},
            {"B", "module-event-vs-phylink-destroy"},
            {"C", "module-insert-vs-phylink-create"},
            {"D", "module-phy-vs-ethtool-phydev"},
            {"E", "ndo-open-vs-bus-registration"},
        };
        for (String[] s : az) {
            cs.add(new Case(s[0], s[1], List.of(NO_RTNL)));
        }
        for (String[] s : az) {
            cs.add(new Case(s[0], s[1], List.of(NO_RTNL_AT_ALL)));
        }
        cs.add(new Case("4.3", "phylink-create-under-rtnl", List.of()));
        return cs;
    }

    static Program program(String scenario) {
        return Models.get("sfp-v5.14").program(ScenarioLoader.builtin(scenario));
    }

    static Set<ViolationKind> damage() {
        Set<ViolationKind> s = EnumSet.noneOf(ViolationKind.class);
        for (ViolationKind k : ViolationKind.values()) {
            if (k.damage() && k != ViolationKind.DATA_RACE && k != ViolationKind.LOCK_ORDER) {
                s.add(k);
            }
        }
        return s;
    }

    /** Executions (including sleep-set-blocked ones), time and what was found, stopping at the first damage. */
    record Found(long executions, long millis, String kind, String stop) {}

    static Found explore(Program p, List<LockExperiment> ex, StrategySpec s, long budget, Ticker ticker) {
        SearchConfig cfg = SearchConfig.of(s).withRun(RunConfig.defaults().withExperiments(ex)).withMinimize(false)
                .withStopOn(damage()).withMaxExecutions(budget).withTimeLimit(0, ticker);
        long t0 = ticker.nanos();
        ExplorationResult r = Explorer.explore(p, cfg);
        long ms = (ticker.nanos() - t0) / 1_000_000;
        String kind = r.violations().stream().filter(v -> damage().contains(v.kind())).map(v -> v.kind().key())
                .distinct().sorted().collect(Collectors.joining(", "));
        return new Found(r.executions() + r.blocked(), ms, kind.isEmpty() ? "none" : kind, r.stopReason().key());
    }

    public static void main(String[] args) {
        int stressRuns = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        long stressSeconds = args.length > 1 ? Long.parseLong(args[1]) : 60;
        int pctSeeds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        String only = args.length > 3 ? args[3] : null; // a case label (A..E, 4.3): measure only that case
        long hangMillis = 2_000;
        long pctBudget = 2_000;
        Ticker ticker = System::nanoTime;
        StringBuilder b = new StringBuilder();
        StringBuilder notes = new StringBuilder();
        b.append("| case | scenario | experiment | stress: failed / runs (first failing run) | stress wall time | stress failures seen "
                + "| DPOR: executions to first damage (time) | DPOR found | PCT d=2: executions to first damage, per seed | PCT d=3: same | PCT found |\n");
        b.append("|---|---|---|---|---:|---|---|---|---|---|---|\n");
        for (Case c : cases()) {
            if (only != null && !only.equals(c.label())) {
                continue;
            }
            Program p = program(c.scenario());
            long deadline = ticker.nanos() + stressSeconds * 1_000_000_000L;
            StressResult st = Stress.run(p, c.experiments(), stressRuns, hangMillis, 1, false, ticker,
                    () -> ticker.nanos() >= deadline);
            Found d = explore(p, c.experiments(), StrategySpec.dpor(), 1_000_000, ticker);
            List<String> pct = new ArrayList<>();
            Set<String> pctKinds = new java.util.TreeSet<>();
            for (int depth : new int[] {2, 3}) {
                List<String> per = new ArrayList<>();
                long totalMs = 0;
                for (int seed = 1; seed <= pctSeeds; seed++) {
                    Found f = explore(p, c.experiments(), StrategySpec.pct(seed, depth), pctBudget, ticker);
                    totalMs += f.millis();
                    per.add(f.stop().equals("first-violation") ? Long.toString(f.executions()) : ">" + pctBudget);
                    if (!f.kind().equals("none")) {
                        pctKinds.addAll(Arrays.asList(f.kind().split(", ")));
                    }
                }
                pct.add(String.join(", ", per) + " (" + String.format("%,d", totalMs) + " ms total)");
            }
            String failures = st.failures().isEmpty() ? "none" : st.failures().entrySet().stream()
                    .map(e -> abbreviate(e.getKey()) + " ×" + e.getValue()).collect(Collectors.joining("; "));
            b.append(String.format("| %s | %s | %s | %,d / %,d (%s) | %,d ms | %s | %s (%,d ms) | %s | %s | %s | %s |%n",
                    c.label(), c.scenario(), describe(c.experiments()),
                    st.failedRuns(), st.runs(), st.firstFailureRun() == 0 ? "never" : "#" + st.firstFailureRun(),
                    st.elapsedMillis(), failures,
                    d.stop().equals("first-violation") ? String.format("%,d", d.executions())
                            : "none in " + String.format("%,d", d.executions()) + " (" + d.stop() + ")",
                    d.millis(), d.kind(), pct.get(0), pct.get(1), pctKinds.isEmpty() ? "none" : String.join(", ", pctKinds)));
            for (var e : st.failures().entrySet()) {
                notes.append(String.format("- %s %s (%s): stress saw ×%d: `%s`%n", c.label(), c.scenario(), describe(c.experiments()),
                        e.getValue(), e.getKey().replace('\n', ' ').replace("`", "'")));
            }
            System.err.println("done " + c.scenario());
        }
        System.out.print(b);
        System.out.println();
        System.out.println("Stress failure messages in full:");
        System.out.println();
        System.out.print(notes);
    }

    private static String describe(List<LockExperiment> ex) {
        if (ex.isEmpty()) {
            return "none (as written)";
        }
        return ex.get(0).sites().isEmpty() ? "remove rtnl_mutex everywhere" : "remove rtnl_mutex @ add/del_upstream, (un)register_socket";
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', ' ').replace("|", "\\|");
        return one.length() > 60 ? one.substring(0, 57) + "..." : one;
    }
}
