package dev.whylock.cli;

import dev.whylock.linux.model.Model;
import dev.whylock.linux.model.Suggest;
import java.util.List;
import java.util.Map;

/**
 * Lock class names as users type them: the model's names, the kernel's short spelling {@code rtnl}
 * for {@code rtnl_mutex}, and for a name the model does not have, a message that says what to type
 * instead (the field-qualified name of a short one, quotes around {@code ->}, the nearest name).
 */
final class LockNames {
    private LockNames() {}

    /** The kernel's own short names: rtnl_lock(), ASSERT_RTNL() and rtnl_is_locked() call rtnl_mutex "rtnl". */
    private static final Map<String, String> KERNEL_SPELLINGS = Map.of("rtnl", "rtnl_mutex");

    /** How far (in edits) a new lock's name must be from every existing one not to be taken for a typo. */
    static final int TYPO_EDITS = 2;

    /** The model's lock class that {@code given} names (itself or a kernel spelling), or null. */
    static String resolve(Model m, String given) {
        if (m.lockClasses().contains(given)) {
            return given;
        }
        String spelled = KERNEL_SPELLINGS.get(given);
        return spelled != null && m.lockClasses().contains(spelled) ? spelled : null;
    }

    /** {@code given} resolved, or a {@link UsageException} starting with {@code what} and saying what to type. */
    static String require(Model m, String given, String what) {
        String r = resolve(m, given);
        if (r == null) {
            throw new UsageException(what + ": model " + m.name() + " has no lock '" + given + "'" + hint(m, given) + " (locks: "
                    + String.join(", ", m.lockClasses()) + "; see 'whylock list locks')");
        }
        return r;
    }

    /**
     * What {@code given} probably meant: "; did you mean ..." or the advice to quote a name the shell
     * cut at {@code ->}, or "" when nothing is close.
     */
    static String hint(Model m, String given) {
        String h = cutOrShort(m, given);
        return h.isEmpty() ? Suggest.didYouMean(given, m.lockClasses()) : h;
    }

    /** The hint for a name the shell cut at {@code ->}, or for a struct field's short name; else "". */
    private static String cutOrShort(Model m, String given) {
        List<String> locks = m.lockClasses();
        if (given.endsWith("-") && locks.stream().anyMatch(l -> l.startsWith(given + ">"))) {
            String example = locks.stream().filter(l -> l.startsWith(given + ">")).findFirst().orElseThrow();
            return "; quote lock names that contain '->', e.g. '" + example + "': unquoted, the shell reads '>' as a redirection "
                    + "(and may have written a file named after the rest)";
        }
        List<String> field = locks.stream().filter(l -> l.endsWith("->" + given)).toList();
        if (!field.isEmpty()) {
            return "; did you mean '" + String.join("' or '", field) + "'? (quote it: the shell reads '>' as a redirection)";
        }
        return "";
    }

    /**
     * Checks the new lock of {@code --replace L=NEW}: a kernel spelling resolves to the model's lock;
     * an existing lock is used as is; any other name is a new lock class, unless it looks like a typo
     * of an existing one (within {@link #TYPO_EDITS} edits, a short name, a name cut by the shell).
     */
    static String replacement(Model m, String given, String what) {
        String r = resolve(m, given);
        if (r != null) {
            return r;
        }
        String hint = cutOrShort(m, given);
        String near = m.lockClasses().stream().filter(l -> Suggest.distance(given, l) <= TYPO_EDITS).findFirst().orElse(null);
        if (hint.isEmpty() && near != null) {
            hint = "; did you mean '" + near + "'?";
        }
        if (!hint.isEmpty()) {
            throw new UsageException(what + ": '" + given + "' is not a lock of model " + m.name() + hint
                    + " (a new lock class needs a name that is not within " + TYPO_EDITS + " edits of an existing lock: "
                    + String.join(", ", m.lockClasses()) + ")");
        }
        return given;
    }

    /** Whether {@code lock} is a lock class the model does not have: one an experiment introduces. */
    static boolean isNew(Model m, String lock) {
        return !m.lockClasses().contains(lock);
    }
}
