package dev.whylock.bench;

import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.search.Ticker;
import dev.whylock.engine.why.InquiryBound;
import dev.whylock.engine.why.InquiryMember;
import dev.whylock.engine.why.LockInquiry;
import dev.whylock.engine.why.Scenario;
import dev.whylock.engine.why.WhyReport;
import dev.whylock.linux.model.Model;
import dev.whylock.linux.model.Models;
import dev.whylock.linux.model.ScenarioLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Issue 16, a cluster: what {@code why --cluster} could gain with 10 and 100 members, from measured
 * pieces. In one JVM, round after round, it runs the default why report (no stress runs) alone,
 * which times each exploration (the report's elapsed times), then with every exploration sent
 * through its wire form to a receiving end in the same JVM, one at a time
 * ({@link LockInquiry#withRemote}, one slot). The difference of the two totals, per exploration
 * sent, is the wire's cost {@code o} (serialisation, no network); the best round of each is used. The model:
 * the baselines, then the other explorations, each list-scheduled in the inquiry's order on P
 * members with one slot (each exploration to the member free first, costing its time plus o), plus
 * the coordinator's own time (the report's total minus its explorations). It leaves out what a real
 * cluster adds (network latency, members' own JIT warm-up) and what parallel runs waste (a
 * verdict's later scenarios started before its break is known), so it is an upper bound.
 *
 * <pre>java -Xss4m --add-exports java.base/jdk.internal.vm=ALL-UNNAMED -cp benchmarks.jar dev.whylock.bench.WhyClusterModel [ROUNDS]</pre>
 */
public final class WhyClusterModel {

    private WhyClusterModel() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        String lock = "rtnl_mutex";
        Model m = Models.get(Models.DEFAULT);
        List<Scenario> scenarios = m.inquiryScenarios("untimed").stream()
                .map(n -> new Scenario(n, m.program(ScenarioLoader.builtin(n)))).toList();
        List<LockExperiment> replacements = m.suggestedReplacements(lock).stream()
                .map(s -> LockExperiment.parse(LockExperiment.Kind.REPLACE, s)).toList();
        Set<String> declared = Set.copyOf(m.sites().stream().filter(s -> s.startsWith(lock + "@"))
                .map(s -> s.substring(lock.length() + 1)).toList());
        Set<String> unvalidated = Set.copyOf(m.unvalidatedLockClasses());
        InquiryMember member = new InquiryMember(scenarios, InquiryBound.defaults(), RunConfig.defaults(), true, Ticker.FROZEN);
        double bestAlone = Double.MAX_VALUE;
        double bestSent = Double.MAX_VALUE;
        long[] bestRuns = null;
        int sentCount = 0;
        long requestBytes = 0;
        long answerBytes = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            WhyReport alone = new LockInquiry(lock, scenarios).withReplacements(replacements).withUnvalidatedLocks(unvalidated)
                    .withDeclaredSites(declared).withTicker(System::nanoTime).run();
            double aloneTime = (System.nanoTime() - t0) / 1e9;
            long[] bytes = new long[3];
            long t1 = System.nanoTime();
            WhyReport sent = new LockInquiry(lock, scenarios).withReplacements(replacements).withUnvalidatedLocks(unvalidated)
                    .withDeclaredSites(declared).withTicker(System::nanoTime).withRemote((request, cancelled) -> {
                        byte[] answer = member.run(request, () -> false);
                        bytes[0] += request.length;
                        bytes[1] += answer.length;
                        bytes[2]++;
                        return answer;
                    }, 1).run();
            double sentTime = (System.nanoTime() - t1) / 1e9;
            if (!withoutTimes(alone).equals(withoutTimes(sent))) {
                throw new IllegalStateException("the report through the wire differs from the report alone");
            }
            if (aloneTime < bestAlone) {
                bestAlone = aloneTime;
                bestRuns = explorationTimes(alone);
            }
            if (sentTime < bestSent) {
                bestSent = sentTime;
                sentCount = (int) bytes[2];
                requestBytes = bytes[0] / bytes[2];
                answerBytes = bytes[1] / bytes[2];
            }
            System.out.printf("round %d: alone %.2f s, through the wire %.2f s, %d explorations sent%n", r, aloneTime, sentTime, bytes[2]);
        }
        int baselines = scenarios.size();
        double explorations = Arrays.stream(bestRuns).sum() / 1e9;
        double o = Math.max(0, bestSent - bestAlone) / sentCount;
        double coordinator = Math.max(0, bestAlone - explorations);
        double[] ran = Arrays.stream(bestRuns).filter(x -> x > 0).mapToDouble(x -> x / 1e6).sorted().toArray();
        System.out.printf("%nexplorations: %d (%d baselines), %d of them 1 ms or more: median %.0f ms, max %.0f ms; sum %.2f s%n",
                bestRuns.length, baselines, ran.length, ran[ran.length / 2], ran[ran.length - 1], explorations);
        System.out.printf("report alone %.2f s (coordinator's own %.2f s); through the wire %.2f s: o = %.2f ms per exploration sent; "
                + "%,d bytes out and %,d back per exploration%n", bestAlone, coordinator, bestSent, o * 1e3, requestBytes, answerBytes);
        System.out.println("\nmembers\tmodelled_s\tspeed_up\tefficiency\tspeed_up_o0");
        for (int p : new int[] {1, 2, 4, 10, 100}) {
            double t = coordinator + schedule(bestRuns, 0, baselines, p, o) + schedule(bestRuns, baselines, bestRuns.length, p, o);
            double t0 = coordinator + schedule(bestRuns, 0, baselines, p, 0) + schedule(bestRuns, baselines, bestRuns.length, p, 0);
            System.out.printf("%d\t%.2f\t%.2fx\t%.0f%%\t%.2fx%n", p, t, bestAlone / t, 100 * bestAlone / t / p, bestAlone / t0);
        }
    }

    /** Every exploration's elapsed time, in the order the inquiry starts them (0 for those it never ran). */
    static long[] explorationTimes(WhyReport r) {
        List<dev.whylock.engine.why.ScenarioRun> all = new ArrayList<>(r.baselines());
        r.siteVerdicts().forEach(v -> all.addAll(v.runs()));
        if (r.allSites() != null) {
            all.addAll(r.allSites().runs());
        }
        r.replacements().forEach(x -> all.addAll(x.runs()));
        return all.stream().mapToLong(x -> x.elapsedMillis() * 1_000_000L).toArray();
    }

    /** The report with every elapsed time set to 0. */
    static String withoutTimes(WhyReport r) {
        return r.toString().replaceAll("elapsedMillis=\\d+", "elapsedMillis=0");
    }

    /** Makespan of explorations {@code from..to} in order on {@code p} members, each to the one free first. */
    static double schedule(long[] nanos, int from, int to, int p, double o) {
        double[] free = new double[p];
        double end = 0;
        for (int i = from; i < to; i++) {
            int k = 0;
            for (int j = 1; j < p; j++) {
                if (free[j] < free[k]) {
                    k = j;
                }
            }
            free[k] += nanos[i] / 1e9 + o;
            end = Math.max(end, free[k]);
        }
        return end;
    }
}
