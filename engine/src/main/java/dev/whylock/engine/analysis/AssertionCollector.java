package dev.whylock.engine.analysis;

import dev.whylock.engine.exec.ExecutionOutcome;
import dev.whylock.engine.exec.ExecutionOutcome.AssertionCheck;
import dev.whylock.engine.search.MergeableObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts, over every explored execution, how often each lock assertion site ran and failed. */
public final class AssertionCollector implements MergeableObserver {

    private record Key(String lockClass, String site, boolean holder) implements Comparable<Key>, java.io.Serializable {
        @Override
        public int compareTo(Key o) {
            int c = lockClass.compareTo(o.lockClass);
            if (c == 0) {
                c = site.compareTo(o.site);
            }
            return c != 0 ? c : Boolean.compare(holder, o.holder);
        }
    }

    private final Map<Key, long[]> counts = new TreeMap<>();
    private long executions;

    @Override
    public void onExecution(ExecutionOutcome outcome) {
        executions++;
        for (AssertionCheck a : outcome.assertions()) {
            long[] c = counts.computeIfAbsent(new Key(a.lockClass(), String.valueOf(a.site()), a.holder()), k -> new long[2]);
            c[0]++;
            if (!a.passed()) {
                c[1]++;
            }
        }
    }

    @Override
    public MergeableObserver fresh() {
        return new AssertionCollector();
    }

    @Override
    public void absorb(MergeableObserver later) {
        AssertionCollector o = (AssertionCollector) later;
        executions += o.executions;
        o.counts.forEach((k, c) -> {
            long[] mine = counts.computeIfAbsent(k, x -> new long[2]);
            mine[0] += c[0];
            mine[1] += c[1];
        });
    }

    /** The assertion sites seen so far, sorted by lock class, site and form. */
    public AssertionReport result() {
        List<AssertionSite> sites = new ArrayList<>();
        for (Map.Entry<Key, long[]> e : counts.entrySet()) {
            Key k = e.getKey();
            sites.add(new AssertionSite(k.lockClass(), k.site(), k.holder(), e.getValue()[0], e.getValue()[1]));
        }
        return new AssertionReport(executions, sites);
    }
}
