package dev.whylock.cli;

import dev.whylock.linux.model.Suggest;
import dev.whylock.engine.LockExperiment;
import dev.whylock.linux.model.Model;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code --remove LOCK[@SITE,...]} and {@code --replace LOCK[@SITE,...]=NEW} and checks them
 * against the model: the lock class must exist (or be its kernel spelling, {@code rtnl}), each site
 * must be a function that takes it, a new lock must not look like a typo of an existing one, and no
 * acquisition may be both removed and replaced.
 */
final class ExperimentParser {
    private ExperimentParser() {}

    /** One flag as given and what it means. */
    private record Given(String flag, String spec, LockExperiment experiment) {}

    /** Experiments that each run on their own (why's replacements, a replay file's header). */
    static List<LockExperiment> parse(Model model, List<String> removes, List<String> replaces) {
        return given(model, removes, replaces).stream().map(Given::experiment).toList();
    }

    /** Experiments applied together in one run (explore): no two may change the same acquisition. */
    static List<LockExperiment> combined(Model model, List<String> removes, List<String> replaces) {
        List<Given> given = given(model, removes, replaces);
        for (int i = 0; i < given.size(); i++) {
            for (int j = i + 1; j < given.size(); j++) {
                overlap(given.get(i), given.get(j));
            }
        }
        return given.stream().map(Given::experiment).toList();
    }

    private static List<Given> given(Model model, List<String> removes, List<String> replaces) {
        List<Given> given = new ArrayList<>();
        for (String r : removes) {
            given.add(new Given("--remove", r, one(model, LockExperiment.Kind.REMOVE, r)));
        }
        for (String r : replaces) {
            given.add(new Given("--replace", r, one(model, LockExperiment.Kind.REPLACE, r)));
        }
        return given;
    }

    private static LockExperiment one(Model model, LockExperiment.Kind kind, String spec) {
        String flag = kind == LockExperiment.Kind.REMOVE ? "--remove" : "--replace";
        LockExperiment e;
        try {
            e = LockExperiment.parse(kind, spec);
        } catch (IllegalArgumentException ex) {
            throw new UsageException(flag + " " + spec + ": " + ex.getMessage() + "; expected "
                    + (kind == LockExperiment.Kind.REMOVE ? "LOCK or LOCK@FUNCTION,..." : "LOCK=NEWLOCK or LOCK@FUNCTION,...=NEWLOCK")
                    + ", e.g. " + (kind == LockExperiment.Kind.REMOVE ? "rtnl_mutex@sfp_bus_add_upstream" : "rtnl_mutex=sfp_bus_lock"));
        }
        String lock = LockNames.require(model, e.lockClass(), flag + " " + spec);
        List<String> functions = model.sites().stream().filter(s -> s.startsWith(lock + "@"))
                .map(s -> s.substring(lock.length() + 1)).toList();
        for (String site : e.sites().stream().sorted().toList()) {
            if (!functions.contains(site)) {
                throw new UsageException(flag + " " + spec + ": " + lock + " is not taken in '" + site + "'"
                        + Suggest.didYouMean(site, functions) + " (it is taken in: " + String.join(", ", functions)
                        + "; see 'whylock list sites')");
            }
        }
        String replacement = e.replacement();
        if (replacement != null) {
            if (!replacement.matches("[A-Za-z_][A-Za-z0-9_>.\\-]*")) {
                throw new UsageException(flag + " " + spec + ": '" + replacement + "' is not a lock name; expected a name "
                        + "such as new_lock (letters, digits, '_', '->', '.')");
            }
            replacement = LockNames.replacement(model, replacement, flag + " " + spec);
            if (lock.equals(replacement)) {
                throw new UsageException(flag + " " + spec + ": replacing a lock by itself changes nothing; name a different lock "
                        + "after '='");
            }
        }
        return new LockExperiment(kind, lock, e.sites(), replacement);
    }

    /** Two flags may not both change one acquisition: it can be removed or replaced once, not both. */
    private static void overlap(Given a, Given b) {
        LockExperiment x = a.experiment();
        LockExperiment y = b.experiment();
        if (!x.lockClass().equals(y.lockClass())) {
            return;
        }
        String where;
        if (x.sites().isEmpty() || y.sites().isEmpty()) {
            where = x.sites().isEmpty() && y.sites().isEmpty() ? "in every function" : "in " + String.join(", ",
                    (x.sites().isEmpty() ? y : x).sites().stream().sorted().toList());
        } else {
            Set<String> both = new HashSet<>(x.sites());
            both.retainAll(y.sites());
            if (both.isEmpty()) {
                return;
            }
            where = "in " + String.join(", ", both.stream().sorted().toList());
        }
        throw new UsageException(a.flag() + " " + a.spec() + " and " + b.flag() + " " + b.spec() + " both change " + x.lockClass()
                + " " + where + "; each acquisition can be removed or replaced once: drop one of them, or name different "
                + "functions after '@'");
    }
}
