package dev.whylock.bench;

import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.search.Ticker;
import dev.whylock.linux.model.OpCall;
import dev.whylock.linux.model.Scenario;
import dev.whylock.linux.model.ScenarioLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 13: the shortest {@code rtnl_hold} that opens the sfp_probe window, found by exploring.
 * For a hold of N virtual ms, the built-in scenario {@code cage-probe-after-mac-rtnl-busy} (MAC
 * first, module present at cage probe, another task holding rtnl for N ms) is explored in the timed
 * mode; the hold "breaks it" when some interleaving dereferences a NULL {@code sfp->sfp_bus}.
 * Bisection between a hold that does not break it and one that does finds the threshold; every
 * hold tried is printed with its outcome, and the holds around the threshold are explored too, so
 * the table shows that the outcome switches there once.
 *
 * <pre>java -cp bench/target/benchmarks.jar --add-exports java.base/jdk.internal.vm=ALL-UNNAMED -Xss4m \
 *     dev.whylock.bench.ProbeWindowThreshold [sfp-v5.14|sfp-v6.5 ...]</pre>
 */
public final class ProbeWindowThreshold {

    /** The built-in scenario whose {@code rtnl_hold} is varied. */
    public static final String SCENARIO = "cage-probe-after-mac-rtnl-busy";
    /** Executions per exploration: far above what one needs (the explorations here take a few). */
    static final long MAX_EXECUTIONS = 100_000;

    private ProbeWindowThreshold() {}

    /** One hold tried: how long, whether the NULL {@code sfp->sfp_bus} dereference was found, the exploration's size. */
    public record Probe(long holdMillis, boolean breaks, long executions, boolean exhaustive, String outcome) {}

    /** The threshold and every hold tried, in the order tried. */
    public record Threshold(String model, long millis, List<Probe> probes) {}

    /** The built-in scenario for {@code model} with its {@code rtnl_hold} set to {@code ms}. */
    public static Scenario withHold(String model, long ms) {
        Scenario s = ScenarioLoader.builtin(SCENARIO).withModel(model);
        Map<String, List<OpCall>> threads = new LinkedHashMap<>();
        int holds = 0;
        for (Map.Entry<String, List<OpCall>> t : s.threads().entrySet()) {
            List<OpCall> ops = new ArrayList<>();
            for (OpCall c : t.getValue()) {
                if (c.op().equals("rtnl_hold")) {
                    c = OpCall.of("rtnl_hold", Map.of("ms", Long.toString(ms)));
                    holds++;
                }
                ops.add(c);
            }
            threads.put(t.getKey(), ops);
        }
        if (holds != 1) {
            throw new IllegalStateException(SCENARIO + " should hold rtnl once, found " + holds + " rtnl_hold ops");
        }
        return new Scenario(s.model(), s.name() + "@" + ms + "ms", s.setup(), threads, s.background(), s.check(), s.source(),
                s.workRuns(), s.timing());
    }

    /** Explores the scenario with a hold of {@code ms} in the timed mode. */
    public static Probe probe(String model, long ms, Ticker ticker) {
        ScenarioRuns.Outcome o = ScenarioRuns.explore(withHold(model, ms), RunConfig.Timing.TIMED, MAX_EXECUTIONS, ticker);
        boolean breaks = o.result().violations().stream().anyMatch(v -> v.kind() == ViolationKind.NULL_DEREFERENCE
                && v.message().contains("sfp->sfp_bus"));
        return new Probe(ms, breaks, o.result().executions(), o.result().exhaustive(), o.cell());
    }

    /**
     * The shortest hold in {@code [1, high]} that breaks it, by bisection; {@code high} must break it
     * and a hold of 1 ms must not. The holds next to the answer are explored as well.
     */
    public static Threshold find(String model, long high, Ticker ticker) {
        List<Probe> probes = new ArrayList<>();
        Probe top = probe(model, high, ticker);
        Probe bottom = probe(model, 1, ticker);
        probes.add(top);
        probes.add(bottom);
        if (!top.breaks() || bottom.breaks()) {
            throw new IllegalStateException("bisection needs a clean 1 ms hold and a breaking " + high + " ms hold: " + probes);
        }
        long lo = 1; // clean
        long hi = high; // breaks
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            Probe p = probe(model, mid, ticker);
            probes.add(p);
            if (p.breaks()) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        for (long around : new long[] {hi - 2, hi + 1, 2 * hi}) {
            if (around > 1 && probes.stream().noneMatch(p -> p.holdMillis() == around)) {
                probes.add(probe(model, around, ticker));
            }
        }
        return new Threshold(model, hi, probes);
    }

    /** The table of holds tried, sorted by hold. */
    public static String table(Threshold t) {
        StringBuilder b = new StringBuilder("| model | rtnl_hold (ms) | NULL sfp->sfp_bus | executions | exhaustive | outcome |\n"
                + "|---|---:|:---:|---:|:---:|---|\n");
        t.probes().stream().sorted(java.util.Comparator.comparingLong(Probe::holdMillis)).forEach(p -> b.append(String.format(
                "| %s | %d | %s | %d | %s | %s |%n", t.model(), p.holdMillis(), p.breaks() ? "**yes**" : "no", p.executions(),
                p.exhaustive() ? "yes" : "no", p.outcome())));
        return b.toString();
    }

    public static void main(String[] args) {
        Ticker ticker = System::nanoTime;
        List<String> models = args.length == 0 ? List.of("sfp-v5.14", "sfp-v6.5") : List.of(args);
        for (String model : models) {
            Threshold t = find(model, 400, ticker);
            System.out.println(model + ": the shortest rtnl_hold that lets DEV_ATTACH reach sfp_module_insert(NULL) is "
                    + t.millis() + " ms (" + t.probes().size() + " holds explored)");
            System.out.print(table(t));
            System.out.println();
        }
    }
}
