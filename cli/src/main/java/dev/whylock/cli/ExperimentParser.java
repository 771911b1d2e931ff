package dev.whylock.cli;

import dev.whylock.linux.model.Suggest;
import dev.whylock.engine.LockExperiment;
import dev.whylock.linux.model.Model;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code --remove LOCK[@SITE,...]} and {@code --replace LOCK[@SITE,...]=NEW} and checks them
 * against the model: the lock class must exist, and each site must be a function that takes it.
 */
final class ExperimentParser {
    private ExperimentParser() {}

    static List<LockExperiment> parse(Model model, List<String> removes, List<String> replaces) {
        List<LockExperiment> out = new ArrayList<>();
        for (String r : removes) {
            out.add(one(model, LockExperiment.Kind.REMOVE, r));
        }
        for (String r : replaces) {
            out.add(one(model, LockExperiment.Kind.REPLACE, r));
        }
        return out;
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
        if (!model.lockClasses().contains(e.lockClass())) {
            throw new UsageException(flag + " " + spec + ": model " + model.name() + " has no lock '" + e.lockClass() + "'"
                    + Suggest.didYouMean(e.lockClass(), model.lockClasses()) + " (locks: "
                    + String.join(", ", model.lockClasses()) + "; see 'whylock list locks')");
        }
        List<String> functions = model.sites().stream().filter(s -> s.startsWith(e.lockClass() + "@"))
                .map(s -> s.substring(e.lockClass().length() + 1)).toList();
        for (String site : e.sites().stream().sorted().toList()) {
            if (!functions.contains(site)) {
                throw new UsageException(flag + " " + spec + ": " + e.lockClass() + " is not taken in '" + site + "'"
                        + Suggest.didYouMean(site, functions) + " (it is taken in: " + String.join(", ", functions)
                        + "; see 'whylock list sites')");
            }
        }
        if (e.replacement() != null && !e.replacement().matches("[A-Za-z_][A-Za-z0-9_>.\\-]*")) {
            throw new UsageException(flag + " " + spec + ": '" + e.replacement() + "' is not a lock name; expected a name "
                    + "such as new_lock (letters, digits, '_', '->', '.')");
        }
        if (e.lockClass().equals(e.replacement())) {
            throw new UsageException(flag + " " + spec + ": replacing a lock by itself changes nothing; name a different lock after '='");
        }
        return e;
    }
}
