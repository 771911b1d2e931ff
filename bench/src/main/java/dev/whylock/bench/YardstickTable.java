package dev.whylock.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns bench/yardstick.sh's results.tsv into the markdown tables of docs/performance.md: a summary
 * per tool, then one row per program with each tool's outcome.
 */
public final class YardstickTable {

    private YardstickTable() {}

    /** Also in the tables: a failure on a fixed program is a false alarm (counted apart). */
    static final List<String> TOOLS = List.of("whylock", "fray", "fray-memory", "lincheck", "lincheck-direct");

    static final Map<String, String> PATTERNS = Map.ofEntries(
            Map.entry("Reorder", "SCTBench reorder: a pair of plain fields written one after the other"),
            Map.entry("TwoStage", "SCTBench twostage: one update split over two locks"),
            Map.entry("TwoStageFixed", "twostage, fixed"),
            Map.entry("WrongLock", "SCTBench wronglock: each thread its own lock"),
            Map.entry("WrongLockFixed", "wronglock, fixed"),
            Map.entry("SplitWithdraw", "SCTBench account: check and debit in two critical sections"),
            Map.entry("LazyOrder", "SCTBench lazy: one order of three critical sections fails"),
            Map.entry("RingBuffer", "SCTBench circular buffer: unlocked fill count"),
            Map.entry("Deadlock", "SCTBench deadlock: two ReentrantLocks in opposite orders"),
            Map.entry("UncheckedPop", "SCTBench stack: emptiness tested outside the lock"),
            Map.entry("UncheckedPopFixed", "stack, fixed"),
            Map.entry("PoolMissedNotify", "JaConTeBe pool: missed notify"),
            Map.entry("PoolMissedNotifyFixed", "pool missed notify, fixed"),
            Map.entry("LoggerCallback", "JaConTeBe logger: lock-order inversion through a callback"),
            Map.entry("AppendOther", "JaConTeBe buffer: append reads the other buffer's length outside its lock"),
            Map.entry("CacheCheckThenAct", "JaConTeBe cache: check-then-act on a ConcurrentHashMap"),
            Map.entry("PoolEvictDeadlock", "JaConTeBe connection pool: close versus evict deadlock"));

    record Row(String tool, String program, String found, long executions, long millis, long rate, String claim) {
        boolean bug() {
            return claim.equals("bug found");
        }

        boolean proved() {
            return claim.startsWith("proved absent");
        }
    }

    public static void main(String[] args) throws IOException {
        Map<String, Map<String, Row>> byProgram = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String[] f = line.split("\t", -1);
            if (f.length < 7) {
                continue;
            }
            String simple = f[1].substring(f[1].lastIndexOf('.') + 1);
            Row r = new Row(f[0], simple, f[2], Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]), f[6]);
            byProgram.computeIfAbsent(simple, k -> new LinkedHashMap<>()).put(r.tool(), r);
        }
        long buggy = byProgram.keySet().stream().filter(p -> !p.endsWith("Fixed")).count();
        long fixed = byProgram.size() - buggy;
        StringBuilder out = new StringBuilder();
        out.append("| tool | bugs found (of ").append(buggy).append(") | executions to first bug (median, max) | absence proved (of ")
                .append(fixed).append(" fixed) | failures reported on a fixed program | executions/s (median over runs of the whole budget) |\n|---|---:|---:|---:|---:|---:|\n");
        for (String tool : TOOLS) {
            List<Row> rows = byProgram.values().stream().map(m -> m.get(tool)).filter(r -> r != null).toList();
            if (rows.isEmpty()) {
                out.append("| ").append(tool).append(" | did not run | | | | |\n");
                continue;
            }
            List<Long> toBug = rows.stream().filter(Row::bug).map(Row::executions).sorted().toList();
            // whylock's rate is its random walk of the whole budget; a peer's, a run that used the whole budget.
            List<Long> rates = rows.stream().filter(r -> r.tool().equals("whylock") || r.executions() >= 100).map(Row::rate).sorted().toList();
            out.append("| ").append(tool).append(" | ").append(rows.stream().filter(r -> !r.program().endsWith("Fixed") && r.bug()).count())
                    .append(" | ").append(toBug.isEmpty() ? "—" : toBug.get(toBug.size() / 2) + ", " + toBug.get(toBug.size() - 1))
                    .append(" | ").append(rows.stream().filter(Row::proved).count())
                    .append(" | ").append(rows.stream().filter(r -> r.program().endsWith("Fixed") && r.bug()).count())
                    .append(" | ").append(rates.isEmpty() ? "— (no run used the budget)" : String.format("%,d", rates.get(rates.size() / 2))).append(" |\n");
        }
        out.append("\n| program | pattern |");
        TOOLS.forEach(t -> out.append(' ').append(t).append(" |"));
        out.append("\n|---|---|");
        TOOLS.forEach(t -> out.append("---|"));
        out.append('\n');
        for (Map.Entry<String, Map<String, Row>> e : byProgram.entrySet()) {
            out.append("| ").append(e.getKey()).append(" | ").append(PATTERNS.getOrDefault(e.getKey(), "")).append(" |");
            for (String tool : TOOLS) {
                Row r = e.getValue().get(tool);
                out.append(' ').append(r == null ? "did not run" : cell(r)).append(" |");
            }
            out.append('\n');
        }
        System.out.print(out);
    }

    private static String cell(Row r) {
        String rate = String.format("%,d/s", r.rate());
        if (r.bug()) {
            String what = r.found().startsWith("deadlock") || r.found().startsWith("DeadlockException") ? "deadlock"
                    : r.found().replaceAll("^(exception: uncaught )?[\\w.]*(Exception|Error): ", "").replace("|", "/");
            return "**" + (r.program().endsWith("Fixed") ? "failure" : "bug") + "** at " + r.executions() + ": " + (what.length() > 40
                    ? what.substring(0, 37) + "..." : what) + " (" + String.format("%,d", r.millis()) + " ms; " + rate + ")";
        }
        if (r.proved()) {
            return "proved absent (" + r.executions() + " traces; " + rate + ")";
        }
        return "no bug: " + r.claim().replace("|", "/") + " (" + rate + ")";
    }
}
