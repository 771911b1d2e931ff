package dev.whylock.engine.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Finds the shortest cycle through each lock-order edge and turns it into a lockdep-style report. */
final class LockCycles {

    /** More cycles than this are not listed (the edges are still all reported). */
    static final int MAX_CYCLES = 100;

    private LockCycles() {}

    static List<LockCycle> find(List<LockOrderEdge> edges) {
        Map<String, Map<String, LockOrderEdge>> graph = new HashMap<>();
        for (LockOrderEdge e : edges) {
            graph.computeIfAbsent(e.held(), k -> new LinkedHashMap<>()).put(e.acquired(), e);
        }
        Map<List<String>, LockCycle> found = new LinkedHashMap<>();
        for (LockOrderEdge e : edges) {
            List<String> path = shortestPath(graph, e.acquired(), e.held());
            if (path == null) {
                continue;
            }
            List<String> nodes = new ArrayList<>();
            nodes.add(e.held());
            nodes.addAll(path.subList(0, path.size() - 1));
            List<String> canon = rotate(nodes);
            if (!found.containsKey(canon) && found.size() < MAX_CYCLES) {
                found.put(canon, cycle(graph, canon));
            }
        }
        List<LockCycle> out = new ArrayList<>(found.values());
        out.sort(Comparator.comparing((LockCycle c) -> c.locks().size()).thenComparing(c -> String.join(" -> ", c.locks())));
        return out;
    }

    /** The nodes from {@code from} to {@code to} inclusive, breadth first, or null. */
    private static List<String> shortestPath(Map<String, Map<String, LockOrderEdge>> graph, String from, String to) {
        Map<String, String> parent = new HashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        parent.put(from, null);
        queue.add(from);
        while (!queue.isEmpty()) {
            String n = queue.poll();
            if (n.equals(to)) {
                List<String> path = new ArrayList<>();
                for (String x = n; x != null; x = parent.get(x)) {
                    path.add(0, x);
                }
                return path;
            }
            for (String next : new TreeSet<>(graph.getOrDefault(n, Map.of()).keySet())) {
                if (!parent.containsKey(next)) {
                    parent.put(next, n);
                    queue.add(next);
                }
            }
        }
        return null;
    }

    private static List<String> rotate(List<String> nodes) {
        int min = 0;
        for (int i = 1; i < nodes.size(); i++) {
            if (nodes.get(i).compareTo(nodes.get(min)) < 0) {
                min = i;
            }
        }
        List<String> out = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            out.add(nodes.get((min + i) % nodes.size()));
        }
        return List.copyOf(out);
    }

    private static LockCycle cycle(Map<String, Map<String, LockOrderEdge>> graph, List<String> locks) {
        int k = locks.size();
        List<LockOrderEdge> cycleEdges = new ArrayList<>(k);
        TreeSet<String> gate = null;
        for (int i = 0; i < k; i++) {
            LockOrderEdge e = graph.get(locks.get(i)).get(locks.get((i + 1) % k));
            cycleEdges.add(e);
            for (EdgeWitness w : e.witnesses()) {
                if (gate == null) {
                    gate = new TreeSet<>(w.alsoHeld());
                } else {
                    gate.retainAll(w.alsoHeld());
                }
            }
        }
        if (gate == null) {
            gate = new TreeSet<>();
        }
        gate.removeAll(locks);
        return new LockCycle(locks, cycleEdges, List.copyOf(gate), scenario(locks, cycleEdges));
    }

    /**
     * lockdep's "Possible unsafe locking scenario": CPU i takes lock i, then each CPU, last first,
     * tries to take the next lock (or flushes the work item that takes it, which then runs on an
     * extra column).
     */
    private static List<ScenarioLine> scenario(List<String> locks, List<LockOrderEdge> cycleEdges) {
        int k = locks.size();
        List<ScenarioLine> lines = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            lines.add(new ScenarioLine(i, "lock(" + locks.get(i) + ");", cycleEdges.get(i).witnesses().get(0).heldAt()));
        }
        int extra = k;
        for (int i = k - 1; i >= 0; i--) {
            EdgeWitness w = cycleEdges.get(i).witnesses().get(0);
            String next = locks.get((i + 1) % k);
            if (w.viaFlush()) {
                lines.add(new ScenarioLine(extra++, "lock(" + next + "); /* in " + w.flushedWork() + " */", w.acquiredAt()));
                lines.add(new ScenarioLine(i, "flush_work(" + w.flushedWork() + ");", w.flushedAt()));
            } else {
                lines.add(new ScenarioLine(i, "lock(" + next + ");", w.acquiredAt()));
            }
        }
        return List.copyOf(lines);
    }
}
