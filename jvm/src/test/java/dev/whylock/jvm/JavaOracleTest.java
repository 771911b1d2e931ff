package dev.whylock.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.whylock.engine.analysis.RaceDetector;
import dev.whylock.engine.exec.ExecutionOutcome;
import dev.whylock.engine.exec.Op;
import dev.whylock.engine.exec.OpKind;
import dev.whylock.engine.exec.RawViolation;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.result.StopReason;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The search's promise on plain Java, checked against an oracle that shares none of its
 * reasoning: for generated Java programs (compiled with javac, rewritten like any application),
 * DPOR and plain enumeration of every schedule ({@code dfs} without bound) must show the same set
 * of behaviours, a behaviour being what each thread observed (every value read and every result,
 * in order) plus the violations. And the JVM itself as a second, independent oracle: every final
 * state a real-thread run of a clean, data-race-free program ends in must be one the exploration
 * reached (the search's instrumentation cannot hide an operation from it).
 *
 * <p>{@code -Dwhylock.oracle.programs=N} sets the number of programs (default and at most 100 here:
 * each is compiled Java, and loaded afresh for each of its executions), {@code -Dwhylock.oracle.seed=S}
 * the first seed.
 */
class JavaOracleTest {

    static final int PROGRAMS = Math.min(Integer.getInteger("whylock.oracle.programs", 100), 100);
    static final long FIRST_SEED = Long.getLong("whylock.oracle.seed", 1L);
    static final int BRUTE_FORCE_LIMIT = 3_000;
    /** Real-thread runs per race-free clean program (each in a fresh class loader, assertions on). */
    static final int REAL_RUNS = 30;

    /**
     * The final states of {@code runs} real runs of {@code className}'s main, each in a fresh class
     * loader on real threads, leaving out runs in which any thread threw.
     */
    static Set<String> realRunStates(Path classes, String className, int runs) throws Exception {
        Set<String> states = new TreeSet<>();
        java.util.concurrent.atomic.AtomicBoolean threw = new java.util.concurrent.atomic.AtomicBoolean();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> threw.set(true));
        try {
            for (int i = 0; i < runs; i++) {
                threw.set(false);
                try (java.net.URLClassLoader l = new java.net.URLClassLoader(new java.net.URL[] {classes.toUri().toURL()},
                        ClassLoader.getPlatformClassLoader())) {
                    l.setDefaultAssertionStatus(true);
                    Class<?> c = Class.forName(className, true, l);
                    try {
                        c.getMethod("main", String[].class).invoke(null, (Object) new String[0]);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        continue;
                    }
                    if (!threw.get()) {
                        states.add((String) c.getField("result").get(null));
                    }
                }
            }
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
        return states;
    }

    static String behaviour(ExecutionOutcome o) {
        Map<String, StringBuilder> perTask = new TreeMap<>();
        for (Op op : o.log()) {
            StringBuilder b = perTask.computeIfAbsent(o.taskNames().get(op.task()), k -> new StringBuilder());
            b.append(op.kind().label());
            if (op.site() != null) {
                b.append('@').append(op.site());
            }
            if (op.result() != null || op.kind() == OpKind.READ) {
                b.append('=').append(op.result());
            }
            b.append(' ');
        }
        Set<String> violations = new TreeSet<>();
        for (RawViolation v : o.violations()) {
            violations.add(v.kind() + ": " + v.message());
        }
        return perTask + " " + violations;
    }

    /** A search's result, its behaviours, the final states main published ({@code result}) and the data races seen. */
    record Run(ExplorationResult result, Set<String> behaviours, Set<String> finalStates, int races) {}

    /** The value main published last in {@code result} in one execution, or null. */
    static String finalState(ExecutionOutcome o) {
        String state = null;
        for (Op op : o.log()) {
            if (op.kind() == OpKind.WRITE && op.target() instanceof dev.whylock.engine.Field<?> f && f.name().endsWith(".result")) {
                state = String.valueOf(op.arg());
            }
        }
        return state;
    }

    /**
     * An estimate of the interleavings, from one execution: the multinomial of the started threads'
     * step counts (main only starts, joins and checks, after them), so that programs far beyond
     * brute force are skipped early.
     */
    static double interleavingEstimate(JavaProgram p) {
        double[] estimate = new double[1];
        Explorer.explore(p, SearchConfig.of(StrategySpec.dfs(-1)).withMinimize(false).withMaxExecutions(1)
                .withObservers(List.of(o -> {
                    Map<Integer, Integer> perTask = new TreeMap<>();
                    for (Op op : o.log()) {
                        if (op.task() != 0) {
                            perTask.merge(op.task(), 1, Integer::sum);
                        }
                    }
                    double log = 0;
                    int total = 0;
                    for (int n : perTask.values()) {
                        for (int k = 1; k <= n; k++) {
                            total++;
                            log += Math.log(total) - Math.log(k);
                        }
                    }
                    estimate[0] = Math.exp(log);
                })));
        return estimate[0];
    }

    static Run explore(JavaProgram p, StrategySpec spec) {
        return explore(p, spec, dev.whylock.engine.exec.RunConfig.defaults());
    }

    static Run explore(JavaProgram p, StrategySpec spec, dev.whylock.engine.exec.RunConfig run) {
        return explore(p, spec, run, new RaceDetector());
    }

    static Run explore(JavaProgram p, StrategySpec spec, dev.whylock.engine.exec.RunConfig run, RaceDetector races) {
        Set<String> seen = new HashSet<>();
        Set<String> finals = new TreeSet<>();
        SearchConfig cfg = SearchConfig.of(spec).withRun(run).withMinimize(false).withMaxExecutions(BRUTE_FORCE_LIMIT)
                .withObservers(List.of(o -> {
                    seen.add(behaviour(o));
                    String state = finalState(o);
                    if (state != null) {
                        finals.add(state);
                    }
                }, races));
        ExplorationResult r = Explorer.explore(p, cfg);
        return new Run(r, seen, finals, races.result().races().size());
    }

    @Test
    void dpor_onGeneratedJavaPrograms_showsExactlyTheBehavioursOfBruteForce() throws Exception {
        Path dir = Files.createTempDirectory("whylock-oracle");
        List<RandomJava.Source> sources = new ArrayList<>();
        for (long seed = FIRST_SEED; seed < FIRST_SEED + 3L * PROGRAMS; seed++) {
            sources.add(RandomJava.draw(seed));
        }
        RandomJava.compile(sources, dir);
        JavaTarget base = JavaTarget.parse(sources.get(0).className(), dir.resolve("classes").toString());
        int checked = 0;
        int skipped = 0;
        long brute = 0;
        long dpor = 0;
        long fresh = 0;
        int realChecked = 0;
        long realStates = 0;
        int withHandles = 0;
        List<String> failures = new ArrayList<>();
        for (RandomJava.Source s : sources) {
            if (checked == PROGRAMS) {
                break;
            }
            JavaTarget t = new JavaTarget(s.className(), "main", base.classPath());
            Run b;
            Run d;
            try (JavaProgram p = JavaProgram.of(t)) {
                if (interleavingEstimate(p) > 30 * BRUTE_FORCE_LIMIT) {
                    skipped++;
                    continue;
                }
                b = explore(p, StrategySpec.dfs(-1));
            }
            if (b.result().stopReason() != StopReason.EXHAUSTED) {
                skipped++;
                continue;
            }
            try (JavaProgram p = JavaProgram.of(t)) {
                d = explore(p, StrategySpec.dpor());
                if (!p.notes().isEmpty()) {
                    failures.add(s.className() + ": not everything ran under control: " + p.notes().notControlled() + "\n" + s.text());
                }
            }
            // The same search with every execution in a fresh class loader: static state reset by
            // defining the classes again, not by re-running their initialisers.
            Run f;
            try (JavaProgram p = JavaProgram.of(t).freshLoaders(true)) {
                f = explore(p, StrategySpec.dpor());
            }
            checked++;
            if (java.util.regex.Pattern.compile("(V|X\\d|HITS)\\.\\w+\\(").matcher(s.text()).find()) {
                withHandles++;
            }
            fresh += f.result().executions();
            if (!f.behaviours().equals(d.behaviours()) || f.result().executions() != d.result().executions()
                    || !f.result().violations().equals(d.result().violations())) {
                failures.add(s.className() + ": fresh class loaders differ from re-initialised statics: executions "
                        + f.result().executions() + " vs " + d.result().executions() + "\n" + s.text());
            }
            brute += b.result().executions();
            dpor += d.result().executions();
            Set<String> missing = new TreeSet<>(b.behaviours());
            missing.removeAll(d.behaviours());
            Set<String> extra = new TreeSet<>(d.behaviours());
            extra.removeAll(b.behaviours());
            if (!missing.isEmpty() || !extra.isEmpty() || d.result().exhaustive() != b.result().exhaustive()) {
                failures.add(s.className() + ": missing " + missing.size() + " " + missing.stream().limit(1).toList()
                        + ", extra " + extra.size() + "\n" + s.text());
            }
            // The JVM itself as a second oracle: a data-race-free program behaves sequentially
            // consistently (JLS 17.4.5), so every final state a real run without an exception ends in
            // must be one the exploration reached. Only for programs the search finds clean (no
            // deadlock a real run could hang in).
            if (d.result().exhaustive() && d.result().violations().isEmpty() && d.races() == 0) {
                realChecked++;
                Set<String> real = realRunStates(dir.resolve("classes"), s.className(), REAL_RUNS);
                realStates += real.size();
                Set<String> unexplored = new TreeSet<>(real);
                unexplored.removeAll(d.finalStates());
                if (!unexplored.isEmpty()) {
                    failures.add(s.className() + ": real runs ended in states the exploration never reached: " + unexplored
                            + " (explored: " + d.finalStates() + ")\n" + s.text());
                }
            }
        }
        System.out.printf("java oracle: %d programs compared (%d skipped as too large for brute force, %d with VarHandle or updater calls): "
                + "%d brute-force executions, %d DPOR executions (%d in fresh class loaders); %d race-free clean programs run %d times "
                + "each on real threads, %d distinct final states; %d disagreements%n", checked, skipped, withHandles, brute, dpor, fresh,
                realChecked, REAL_RUNS, realStates, failures.size());
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + checked + " programs disagree; first:\n" + failures.get(0));
        }
        assertEquals(PROGRAMS, checked, "too many programs skipped: " + skipped);
        assertTrue(PROGRAMS < 20 || withHandles > PROGRAMS / 10, "too few programs with VarHandle or updater calls: " + withHandles);
    }
}
