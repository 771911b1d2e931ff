package dev.whylock.engine.analysis;

import dev.whylock.engine.Field;
import dev.whylock.engine.exec.ExecutionOutcome;
import dev.whylock.engine.exec.Op;
import dev.whylock.engine.exec.OpKind;
import dev.whylock.engine.search.MergeableObserver;
import dev.whylock.engine.search.TraceBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Happens-before data-race detection over every explored execution (FastTrack-style: the last
 * write and the reads since it are kept as epochs per field instance), one report per field and
 * pair of sites.
 */
public final class RaceDetector implements MergeableObserver {

    /** An access remembered as an epoch, with what the report needs about it. */
    private record Epoch(int task, int clock, int step, List<String> locks) {}

    private static final class Location {
        Epoch write;
        final Map<Integer, Epoch> reads = new HashMap<>(4);
    }

    private final Map<String, DataRace> races = new LinkedHashMap<>();
    private long executions;

    @Override
    public void onExecution(ExecutionOutcome outcome) {
        executions++;
        VectorClocks hb = new VectorClocks(outcome);
        HeldLocks held = new HeldLocks();
        Map<Integer, Location> locations = new HashMap<>();
        List<Op> log = outcome.log();
        for (int i = 0; i < log.size(); i++) {
            Op op = log.get(i);
            hb.apply(i, op);
            held.apply(op);
            if ((op.kind() != OpKind.READ && op.kind() != OpKind.WRITE) || ((Field<?>) op.target()).kind() != Field.Kind.MEMORY) {
                continue;
            }
            // Ordered accesses of a plain field (Field.getOrdered) take part like plain ones: the
            // clocks order each after every earlier ordered access of the field, so only a pair
            // with at least one plain access can be unordered, and that pair is a race.
            int t = op.task();
            Location loc = locations.computeIfAbsent(((Field<?>) op.target()).id(), k -> new Location());
            Epoch now = new Epoch(t, hb.own(t), i, held.classes(t));
            if (loc.write != null && !hb.ordered(loc.write.task(), loc.write.clock(), t)) {
                report(outcome, loc.write, now);
            }
            if (op.kind() == OpKind.READ) {
                loc.reads.put(t, now);
            } else {
                for (Epoch r : loc.reads.values()) {
                    if (!hb.ordered(r.task(), r.clock(), t)) {
                        report(outcome, r, now);
                    }
                }
                loc.reads.clear();
                loc.write = now;
            }
        }
    }

    private void report(ExecutionOutcome o, Epoch first, Epoch second) {
        Op a = o.log().get(first.step());
        Op b = o.log().get(second.step());
        RaceAccess ra = access(o, a, first);
        RaceAccess rb = access(o, b, second);
        String field = ((Field<?>) b.target()).name();
        DataRace probe = new DataRace(field, ra, rb, null, List.of(), executions, 1);
        DataRace old = races.get(probe.key());
        if (old != null && old.second().step() <= second.step()) {
            races.put(probe.key(), new DataRace(old.field(), old.first(), old.second(), old.trace(), old.decisions(),
                    old.execution(), old.occurrences() + 1));
            return;
        }
        races.put(probe.key(), new DataRace(field, ra, rb, TraceBuilder.build(o, second.step() + 1), o.decisions(),
                old == null ? executions : old.execution(), old == null ? 1 : old.occurrences() + 1));
    }

    private static RaceAccess access(ExecutionOutcome o, Op op, Epoch e) {
        boolean write = op.kind() == OpKind.WRITE;
        return new RaceAccess(o.taskNames().get(e.task()), String.valueOf(op.site()), e.step(), write,
                TraceBuilder.show(write ? op.arg() : op.result()), e.locks());
    }

    @Override
    public MergeableObserver fresh() {
        return new RaceDetector();
    }

    /**
     * Exact: a race first seen later is numbered after this one's executions, and the witness kept
     * is the first with the earliest second access, as {@link #report} keeps it one report at a time.
     */
    @Override
    public void absorb(MergeableObserver later) {
        RaceDetector o = (RaceDetector) later;
        o.races.forEach((key, b) -> {
            DataRace old = races.get(key);
            if (old == null) {
                races.put(key, new DataRace(b.field(), b.first(), b.second(), b.trace(), b.decisions(), executions + b.execution(),
                        b.occurrences()));
            } else {
                DataRace w = b.second().step() < old.second().step() ? b : old;
                races.put(key, new DataRace(w.field(), w.first(), w.second(), w.trace(), w.decisions(), old.execution(),
                        old.occurrences() + b.occurrences()));
            }
        });
        executions += o.executions;
    }

    /** The races found so far, sorted by field and sites. */
    public RaceReport result() {
        List<DataRace> out = new ArrayList<>(races.values());
        out.sort(java.util.Comparator.comparing(DataRace::key));
        return new RaceReport(executions, out);
    }
}
