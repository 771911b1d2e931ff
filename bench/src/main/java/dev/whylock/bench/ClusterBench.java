package dev.whylock.bench;

import dev.whylock.cluster.Address;
import dev.whylock.cluster.Cluster;
import dev.whylock.cluster.JobResolver;
import dev.whylock.cluster.Member;
import dev.whylock.engine.Program;
import dev.whylock.engine.analysis.Analyses;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.SplitSearch;
import dev.whylock.engine.search.StrategySpec;
import dev.whylock.engine.search.UnitWire;
import dev.whylock.linux.model.Models;
import dev.whylock.linux.model.ScenarioLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Issue 16 part 3, the cluster, on one built-in scenario's split DPOR search with the command line's
 * analyses observing:
 * (1) each work unit's run time on one thread, and its run time when sent as plain data (encoded,
 * run from its bytes, result decoded, all in this JVM): the minimum of 5 passes per unit, so that
 * the other load of a shared machine counts as little as possible;
 * (2) wall time of the search alone (1 worker), on one member with one slot (whose excess over the
 * units' run times is the cost per unit of the cluster), and on {@code local:N} (members in this
 * JVM), runs alternating, minimum and median;
 * (3) a model of P members of one slot: every round's units in unit order, each to the member free
 * first, each costing its run time plus the cost per unit, plus the coordinator's time between rounds.
 *
 * <pre>java FLAGS -cp benchmarks.jar dev.whylock.bench.ClusterBench SCENARIO RUNS N...</pre>
 */
public final class ClusterBench {

    private ClusterBench() {}

    static final int PASSES = 5;

    static Program program(String scenario) {
        return Models.get("sfp-v5.14").program(ScenarioLoader.builtin(scenario));
    }

    static SearchConfig cfg() {
        return SearchConfig.of(StrategySpec.dpor()).withMinimize(false);
    }

    /** One pass: per round, each unit's time (run here, or sent through the wire); and the whole search's time. */
    record Pass(List<long[]> rounds, long total, long bytesOut, long bytesIn) {}

    static Pass pass(String scenario, boolean wire) {
        Program p = program(scenario);
        List<long[]> rounds = new ArrayList<>();
        long[] bytes = new long[2];
        long start = System.nanoTime();
        SplitSearch.explore(p, cfg().withObservers(new Analyses().observers()), SplitSearch.DEFAULT_SPLIT_DEPTH,
                SplitSearch.DEFAULT_UNIT_EXECUTIONS, units -> {
                    long[] times = new long[units.size()];
                    List<SplitSearch.UnitResult> out = new ArrayList<>();
                    for (int i = 0; i < units.size(); i++) {
                        long t0 = System.nanoTime();
                        if (wire) {
                            byte[] sent = UnitWire.unit(units.get(i));
                            byte[] answer = SplitSearch.runSent(p, cfg(), sent, () -> false);
                            out.add(UnitWire.result(answer));
                            bytes[0] += sent.length;
                            bytes[1] += answer.length;
                        } else {
                            out.add(units.get(i).runHere());
                        }
                        times[i] = System.nanoTime() - t0;
                    }
                    rounds.add(times);
                    return out;
                });
        return new Pass(rounds, System.nanoTime() - start, bytes[0], bytes[1]);
    }

    /** Per unit, the minimum over {@code passes}. */
    static Pass fastest(List<Pass> passes) {
        Pass first = passes.get(0);
        List<long[]> rounds = new ArrayList<>();
        for (int r = 0; r < first.rounds().size(); r++) {
            long[] min = first.rounds().get(r).clone();
            for (Pass q : passes) {
                for (int i = 0; i < min.length; i++) {
                    min[i] = Math.min(min[i], q.rounds().get(r)[i]);
                }
            }
            rounds.add(min);
        }
        return new Pass(rounds, passes.stream().mapToLong(Pass::total).min().orElseThrow(), first.bytesOut(), first.bytesIn());
    }

    static long sum(Pass p) {
        return p.rounds().stream().flatMapToLong(Arrays::stream).sum();
    }

    static int units(Pass p) {
        return p.rounds().stream().mapToInt(r -> r.length).sum();
    }

    /** Modelled wall time on {@code members} members of one slot, {@code perUnit} ns added to every unit. */
    static double model(Pass here, double coordinator, int members, double perUnit) {
        double total = coordinator;
        for (long[] round : here.rounds()) {
            double[] free = new double[members];
            for (long t : round) {
                int m = 0;
                for (int k = 1; k < members; k++) {
                    if (free[k] < free[m]) {
                        m = k;
                    }
                }
                free[m] += t + perUnit;
            }
            total += Arrays.stream(free).max().orElse(0);
        }
        return total;
    }

    public static void main(String[] args) {
        String scenario = args.length > 0 ? args[0] : "module-hotplug";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Integer> ns = counts(args, 2, List.of(1, 2, 4));
        List<Pass> heres = new ArrayList<>();
        List<Pass> wires = new ArrayList<>();
        for (int i = 0; i < 3 + PASSES; i++) { // 3 of warm-up
            Pass h = pass(scenario, false);
            Pass w = pass(scenario, true);
            if (i >= 3) {
                heres.add(h);
                wires.add(w);
            }
        }
        Pass here = fastest(heres);
        Pass wire = fastest(wires);
        int units = units(here);
        long[] all = here.rounds().stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double coordinator = Math.max(0, here.total() - sum(here));
        double wireCost = (sum(wire) - sum(here)) / (double) units;
        System.out.printf("%s: %d units in %d rounds (units per round:", scenario, units, here.rounds().size());
        here.rounds().forEach(r -> System.out.print(" " + r.length));
        System.out.printf("); a unit alone: median %.2f ms, mean %.2f ms, max %.2f ms, all %.0f ms; whole search alone %.0f ms, so "
                + "%.0f ms between rounds; sent as plain data: %.2f ms more per unit (encode, decode, both ways), %d bytes out and %d back "
                + "per unit (minimum of %d passes per unit)%n", all[all.length / 2] / 1e6, sum(here) / 1e6 / units, all[all.length - 1] / 1e6,
                sum(here) / 1e6, here.total() / 1e6, coordinator / 1e6, wireCost / 1e6, wire.bytesOut() / units, wire.bytesIn() / units,
                PASSES);

        JobResolver resolver = spec -> JobResolver.Job.search(program(spec.get(0)), cfg());
        List<Cluster> clusters = new ArrayList<>();
        Member single = Member.start("127.0.0.1", 6101, List.of("127.0.0.1:6101"), "bench/2", resolver, 1);
        List<String> names = new ArrayList<>();
        try {
            clusters.add(Cluster.connect(Address.parse(single.address()), "bench/2", null, Duration.ofSeconds(30)));
            names.add("1 member, 1 slot");
            for (int n : ns) {
                clusters.add(Cluster.connect(Address.parse("local:" + n), "bench/1", resolver, Duration.ofSeconds(30)));
                names.add("local:" + n + " (" + Math.max(1, Runtime.getRuntime().availableProcessors() / n) + " slot(s) each)");
            }
            Program p = program(scenario);
            for (Cluster c : clusters) { // warm-up: members load the model and compile
                c.explore(p, cfg().withObservers(new Analyses().observers()), List.of(scenario));
            }
            List<List<Double>> times = new ArrayList<>();
            clusters.forEach(c -> times.add(new ArrayList<>()));
            List<Double> alone = new ArrayList<>();
            ExplorationResult expected = null;
            for (int r = 0; r < runs; r++) {
                long t0 = System.nanoTime();
                expected = SplitSearch.explore(p, cfg().withObservers(new Analyses().observers()), 1, SplitSearch.DEFAULT_SPLIT_DEPTH,
                        SplitSearch.DEFAULT_UNIT_EXECUTIONS);
                alone.add((System.nanoTime() - t0) / 1e9);
                System.out.printf("run %d: alone %.2f s", r + 1, alone.get(r));
                for (int i = 0; i < clusters.size(); i++) {
                    long s = System.nanoTime();
                    ExplorationResult got = clusters.get(i).explore(p, cfg().withObservers(new Analyses().observers()), List.of(scenario));
                    times.get(i).add((System.nanoTime() - s) / 1e9);
                    if (!got.equals(expected)) {
                        throw new IllegalStateException(names.get(i) + " gave another result");
                    }
                    System.out.printf(", %s %.2f s", names.get(i), times.get(i).get(r));
                }
                System.out.printf(" (load %s)%n", SplitBench.load());
            }
            double baseMin = min(alone);
            double baseMed = median(alone);
            System.out.printf("alone (1 worker): min %.2f s, median %.2f s, %d executions%n", baseMin, baseMed, expected.executions());
            for (int i = 0; i < clusters.size(); i++) {
                System.out.printf("%s: min %.2f s, median %.2f s; speed-up over alone %.2fx (min), %.2fx (median)%n", names.get(i),
                        min(times.get(i)), median(times.get(i)), baseMin / min(times.get(i)), baseMed / median(times.get(i)));
            }
            double perUnit = Math.max(wireCost, (min(times.get(0)) * 1e9 - coordinator - sum(here)) / units);
            System.out.printf("cost per unit on a member beyond its run time (1 member, 1 slot, fastest run): %.2f ms, of which the "
                    + "plain-data form %.2f ms%n", perUnit / 1e6, wireCost / 1e6);
            double t1 = model(here, coordinator, 1, 0);
            for (int m : new int[] {1, 2, 4, 10, 100}) {
                double tm = model(here, coordinator, m, perUnit);
                double tw = model(here, coordinator, m, wireCost);
                double t0 = model(here, coordinator, m, 0);
                System.out.printf("model, %3d members: %.3f s, speed-up %.2fx, efficiency %.0f%% (with only the plain-data cost: %.2fx, %.0f%%; "
                        + "free units: %.2fx, %.0f%%)%n", m, tm / 1e9, t1 / tm, 100 * t1 / tm / m, t1 / tw, 100 * t1 / tw / m, t1 / t0,
                        100 * t1 / t0 / m);
            }
        } finally {
            clusters.forEach(Cluster::close);
            single.close();
        }
    }

    /** The numbers {@code args[from..]} (worker or member counts), or {@code otherwise} if there are none. */
    static List<Integer> counts(String[] args, int from, List<Integer> otherwise) {
        List<Integer> out = new ArrayList<>();
        for (int i = from; i < args.length; i++) {
            out.add(Integer.parseInt(args[i]));
        }
        return out.isEmpty() ? otherwise : out;
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(s.size() / 2);
    }

    static double min(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }
}
