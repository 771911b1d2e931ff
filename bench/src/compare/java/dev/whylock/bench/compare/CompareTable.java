package dev.whylock.bench.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns {@code results.tsv} (one line per tool, program and variant, from the comparison runs)
 * into the markdown table of docs/performance.md.
 *
 * <p>{@code java -cp ... dev.whylock.bench.compare.CompareTable bench/target/compare/results.tsv}
 */
public final class CompareTable {

    private CompareTable() {}

    record Line(String tool, String program, String variant, String found, long executions, long millis, String claim) {}

    public static void main(String[] args) throws IOException {
        Map<String, Map<String, Line>> byKey = new LinkedHashMap<>();
        for (String l : Files.readAllLines(Path.of(args[0]))) {
            String[] f = l.split("\t", -1);
            if (f.length < 7) {
                continue;
            }
            Line line = new Line(f[0], f[1], f[2], f[3], Long.parseLong(f[4]), Long.parseLong(f[5]), f[6]);
            byKey.computeIfAbsent(f[1] + "\t" + f[0], k -> new LinkedHashMap<>()).put(f[2], line);
        }
        StringBuilder b = new StringBuilder();
        b.append("| program | tool | bug found (buggy variant) | time to first bug | executions to first bug "
                + "| fixed variant: executions, time | executions/s (fixed) | verdict on the fixed variant |\n");
        b.append("|---|---|---|---:|---:|---:|---:|---|\n");
        List<String> programs = new ArrayList<>();
        for (String k : byKey.keySet()) {
            String p = k.split("\t")[0];
            if (!programs.contains(p)) {
                programs.add(p);
            }
        }
        for (String p : Programs.NAMES) {
            for (String tool : List.of("whylock", "whylock-random", "fray", "fray-memory", "lincheck")) {
                Map<String, Line> v = byKey.get(p + "\t" + tool);
                if (v == null) {
                    continue;
                }
                Line bug = v.get("buggy");
                Line ok = v.get("fixed");
                String found = bug == null ? "—" : bug.found().equals("none") ? "**no** (" + bug.claim() + ")" : bug.found();
                String ttf = bug == null || bug.found().equals("none") ? "—" : bug.millis() == 0 ? "<1 ms" : String.format("%,d ms", bug.millis());
                String etf = bug == null || bug.found().equals("none") ? "—"
                        : bug.executions() < 0 ? "?" : String.format("%,d", bug.executions());
                String fixed = ok == null ? "—" : String.format("%,d in %,d ms", ok.executions(), ok.millis());
                String rate = ok == null || ok.millis() == 0 || ok.executions() <= 0 ? "—"
                        : String.format("%,.0f", ok.executions() * 1000.0 / ok.millis());
                String verdict = ok == null ? "—" : ok.found().equals("none") ? ok.claim() : "reported: " + ok.found();
                b.append(String.format("| %s | %s | %s | %s | %s | %s | %s | %s |%n", p, tool, esc(found), ttf, etf, fixed, rate,
                        esc(verdict)));
            }
        }
        System.out.print(b);
    }

    static String esc(String s) {
        return s.replace("|", "\\|");
    }
}
