package dev.whylock.bench;

import dev.whylock.engine.LockExperiment;
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
 * Issue 13: when does a timed finding depend on when a scenario's thread acts? In the timed mode a
 * thread's ops follow each other at the same instant unless a {@code delay} separates them. This
 * program puts {@code delay: N} before op {@code K} of thread {@code T} of a built-in scenario, for
 * each N in a range, explores each timed, and prints what was found for each N, merging runs of N
 * with the same outcome.
 *
 * <pre>java -cp bench/target/benchmarks.jar --add-exports java.base/jdk.internal.vm=ALL-UNNAMED -Xss4m \
 *     dev.whylock.bench.DelaySweep MODEL SCENARIO THREAD K FROM TO [STEP] [remove-rtnl]</pre>
 */
public final class DelaySweep {

    private DelaySweep() {}

    /** One delay tried and what the timed exploration found. */
    public record Point(long delay, String outcome, boolean damage) {}

    /** {@code s} with {@code delay: ms} before op {@code k} (0-based) of thread {@code thread}. */
    public static Scenario withDelay(Scenario s, String thread, int k, long ms) {
        Map<String, List<OpCall>> threads = new LinkedHashMap<>();
        s.threads().forEach((name, ops) -> {
            List<OpCall> out = new ArrayList<>(ops);
            if (name.equals(thread)) {
                out.add(k, OpCall.of("delay", Map.of("ms", Long.toString(ms))));
            }
            threads.put(name, out);
        });
        if (!s.threads().containsKey(thread)) {
            throw new IllegalArgumentException(s.name() + " has no thread '" + thread + "' (threads: " + s.threads().keySet() + ")");
        }
        return new Scenario(s.model(), s.name() + "+delay" + ms, s.setup(), threads, s.background(), s.check(), s.source(),
                s.workRuns(), s.timing());
    }

    /** Explores the scenario with each delay from {@code from} to {@code to} (step {@code step}), timed. */
    public static List<Point> sweep(String model, String scenario, String thread, int k, long from, long to, long step,
            boolean removeRtnl, Ticker ticker) {
        Scenario base = ScenarioLoader.builtin(scenario).withModel(model);
        List<Point> out = new ArrayList<>();
        for (long ms = from; ms <= to; ms += step) {
            LockExperiment[] ex = removeRtnl ? new LockExperiment[] {LockExperiment.remove("rtnl_mutex")} : new LockExperiment[0];
            ScenarioRuns.Outcome o = ScenarioRuns.explore(withDelay(base, thread, k, ms), RunConfig.Timing.TIMED,
                    TimedScenarioTable.DEFAULT_MAX, ticker, ex);
            out.add(new Point(ms, o.result().hasViolation() ? String.join(", ", o.kinds()) : "clean", o.damage()));
        }
        return out;
    }

    /** Consecutive delays with the same outcome, one line each: {@code 300..311 ms: clean}. */
    public static String ranges(List<Point> points) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < points.size(); ) {
            int j = i;
            while (j + 1 < points.size() && points.get(j + 1).outcome().equals(points.get(i).outcome())) {
                j++;
            }
            long a = points.get(i).delay();
            long z = points.get(j).delay();
            b.append(a == z ? a + " ms" : a + ".." + z + " ms").append(": ").append(points.get(i).outcome()).append('\n');
            i = j + 1;
        }
        return b.toString();
    }

    public static void main(String[] args) {
        if (args.length < 6) {
            System.err.println("usage: DelaySweep MODEL SCENARIO THREAD K FROM TO [STEP] [remove-rtnl]");
            System.exit(2);
        }
        long step = args.length > 6 ? Long.parseLong(args[6]) : 1;
        boolean noRtnl = args.length > 7 && args[7].equals("remove-rtnl");
        List<Point> points = sweep(args[0], args[1], args[2], Integer.parseInt(args[3]), Long.parseLong(args[4]),
                Long.parseLong(args[5]), step, noRtnl, System::nanoTime);
        System.out.printf("%s %s: delay before op %s of thread %s%s, timed%n", args[0], args[1], args[3], args[2],
                noRtnl ? ", rtnl_mutex removed" : "");
        System.out.print(ranges(points));
    }
}
