package dev.whylock.cli;

import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.Mutex;
import dev.whylock.engine.exec.Op;
import dev.whylock.engine.exec.OpKind;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
import dev.whylock.engine.search.Ticker;
import dev.whylock.jvm.JavaProgram;
import dev.whylock.jvm.JavaTarget;
import dev.whylock.jvm.JavaTargetException;
import dev.whylock.linux.model.Suggest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The locks a Java program takes and where, as an exploration saw them: the catalogue that
 * {@code --remove}, {@code --replace}, {@code why} and {@code list locks --java} use. Java lock
 * names are {@code pkg.Class.field}, {@code pkg.Class.this} and {@code pkg.Class.class}; the name
 * without its package (or a shorter suffix) is accepted when only one lock ends that way. Sites
 * are {@code Class.method:LINE}; {@code Class.method} stands for all its lines.
 *
 * @param executions how many executions the catalogue was collected from
 * @param exhaustive whether those were every execution (DPOR): otherwise a rare lock may be missing
 */
record JavaLocks(String program, Map<String, SortedSet<String>> sites, long executions, boolean exhaustive) {

    /** Explores up to {@code maxExecutions} executions (and {@code timeLimitMillis}, 0: none) collecting acquisitions. */
    static JavaLocks discover(JavaTarget target, long maxExecutions, long timeLimitMillis, Ticker ticker) {
        Map<String, SortedSet<String>> sites = new TreeMap<>();
        try (JavaProgram p = JavaProgram.of(target)) {
            SearchConfig cfg = SearchConfig.of(StrategySpec.dpor()).withMinimize(false).withMaxExecutions(maxExecutions)
                    .withRun(RunConfig.defaults()).withTimeLimit(timeLimitMillis, ticker)
                    .withObservers(List.of(o -> {
                        for (Op op : o.log()) {
                            if ((op.kind() == OpKind.ACQUIRE || op.kind() == OpKind.TRYLOCK || op.kind() == OpKind.READ_LOCK) && op.target() instanceof Mutex m) {
                                sites.computeIfAbsent(m.lockClass(), k -> new TreeSet<>(JavaLocks::bySite)).add(op.site());
                            }
                        }
                    }));
            var r = Explorer.explore(p, cfg);
            return new JavaLocks(target.display(), sites, r.executions(), r.exhaustive());
        } catch (JavaTargetException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Sites in source order: by function, then by line number as a number. */
    static int bySite(String a, String b) {
        int ca = a.lastIndexOf(':');
        int cb = b.lastIndexOf(':');
        String fa = ca < 0 ? a : a.substring(0, ca);
        String fb = cb < 0 ? b : b.substring(0, cb);
        int c = fa.compareTo(fb);
        if (c != 0) {
            return c;
        }
        return Integer.compare(line(a), line(b));
    }

    private static int line(String site) {
        int c = site.lastIndexOf(':');
        try {
            return c < 0 ? 0 : Integer.parseInt(site.substring(c + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    Set<String> names() {
        return sites.keySet();
    }

    private String where() {
        return exhaustive ? "in any execution of " + program
                : "in the first " + executions + " executions of " + program;
    }

    /** The lock {@code given} names, or a {@link UsageException} starting with {@code what}. */
    String require(String given, String what) {
        if (sites.containsKey(given)) {
            return given;
        }
        List<String> ends = sites.keySet().stream().filter(n -> n.endsWith("." + given)).toList();
        if (ends.size() == 1) {
            return ends.get(0);
        }
        if (ends.size() > 1) {
            throw new UsageException(what + ": '" + given + "' could be " + String.join(" or ", ends) + "; give the qualified name");
        }
        throw new UsageException(what + ": no lock '" + given + "' is taken " + where() + Suggest.didYouMean(given, List.copyOf(sites.keySet()))
                + " (locks: " + (sites.isEmpty() ? "none" : String.join(", ", sites.keySet())) + "; see 'whylock list locks --java')");
    }

    /** The acquisition sites of {@code lock} that {@code given} ({@code Class.method} or {@code Class.method:LINE}) names. */
    Set<String> sitesOf(String lock, String given, String what) {
        int colon = given.lastIndexOf(':');
        String function = colon < 0 ? given : given.substring(0, colon);
        String line = colon < 0 ? null : given.substring(colon + 1);
        Set<String> out = new TreeSet<>();
        for (String s : sites.get(lock)) {
            int c = s.lastIndexOf(':');
            String f = c < 0 ? s : s.substring(0, c);
            String l = c < 0 ? "" : s.substring(c + 1);
            if ((function.equals(f) || function.endsWith("." + f)) && (line == null || line.equals(l))) {
                out.add(s);
            }
        }
        if (out.isEmpty()) {
            throw new UsageException(what + ": " + lock + " is not taken in '" + given + "' " + where()
                    + Suggest.didYouMean(given, List.copyOf(sites.get(lock))) + " (it is taken in: " + String.join(", ", sites.get(lock)) + ")");
        }
        return out;
    }

    /** Reads {@code --remove} and {@code --replace} against the catalogue; no acquisition may be changed twice. */
    List<LockExperiment> experiments(List<String> removes, List<String> replaces) {
        List<LockExperiment> out = new ArrayList<>();
        for (String r : removes) {
            out.add(one(LockExperiment.Kind.REMOVE, r));
        }
        for (String r : replaces) {
            out.add(one(LockExperiment.Kind.REPLACE, r));
        }
        for (int i = 0; i < out.size(); i++) {
            for (int j = i + 1; j < out.size(); j++) {
                LockExperiment a = out.get(i);
                LockExperiment b = out.get(j);
                Set<String> both = new TreeSet<>(a.sites().isEmpty() ? sites.get(a.lockClass()) : a.sites());
                both.retainAll(b.sites().isEmpty() ? sites.get(b.lockClass()) : b.sites());
                if (a.lockClass().equals(b.lockClass()) && !both.isEmpty()) {
                    throw new UsageException(a + " and " + b + " both change " + a.lockClass() + " in " + String.join(", ", both)
                            + "; each acquisition can be removed or replaced once");
                }
            }
        }
        return out;
    }

    private LockExperiment one(LockExperiment.Kind kind, String spec) {
        String flag = kind == LockExperiment.Kind.REMOVE ? "--remove" : "--replace";
        LockExperiment e;
        try {
            e = LockExperiment.parse(kind, spec);
        } catch (IllegalArgumentException ex) {
            throw new UsageException(flag + " " + spec + ": " + ex.getMessage() + "; expected "
                    + (kind == LockExperiment.Kind.REMOVE ? "LOCK or LOCK@Class.method[:LINE],..." : "LOCK[@Class.method[:LINE],...]=NEWLOCK")
                    + ", e.g. " + (kind == LockExperiment.Kind.REMOVE ? "com.example.Account.this@Bank.transfer" : "com.example.Account.this=com.example.Bank.lock"));
        }
        String lock = require(e.lockClass(), flag + " " + spec);
        Set<String> expanded = new TreeSet<>();
        for (String s : e.sites()) {
            expanded.addAll(sitesOf(lock, s, flag + " " + spec));
        }
        String replacement = e.replacement();
        if (replacement != null) {
            if (!replacement.matches("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}.]*")) {
                throw new UsageException(flag + " " + spec + ": '" + replacement + "' is not a lock name; expected a name such as "
                        + "com.example.Bank.lock");
            }
            String given = replacement;
            boolean existing = sites.containsKey(given) || sites.keySet().stream().filter(n -> n.endsWith("." + given)).count() == 1;
            replacement = existing ? require(given, flag + " " + spec) : given;
            if (replacement.equals(lock)) {
                throw new UsageException(flag + " " + spec + ": replacing a lock by itself changes nothing; name a different lock after '='");
            }
        }
        return new LockExperiment(kind, lock, expanded, replacement);
    }
}
