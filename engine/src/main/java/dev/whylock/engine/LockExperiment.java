package dev.whylock.engine;

import java.util.Set;

/**
 * A lock experiment: {@code remove LOCK[@SITE,...]} makes the named acquisitions no-ops (still
 * recorded), {@code replace LOCK[@SITE,...]=NEW} makes them take another lock instead (one new lock
 * per instance of the original). Assertions keep checking the original lock.
 */
public record LockExperiment(Kind kind, String lockClass, Set<String> sites, String replacement) implements java.io.Serializable {

    public enum Kind { REMOVE, REPLACE }

    public LockExperiment {
        sites = Set.copyOf(sites);
        if ((kind == Kind.REPLACE) != (replacement != null)) {
            throw new IllegalArgumentException("a replacement lock is required exactly for replace experiments");
        }
    }

    public static LockExperiment remove(String lockClass, String... sites) {
        return new LockExperiment(Kind.REMOVE, lockClass, Set.of(sites), null);
    }

    public static LockExperiment replace(String lockClass, String replacement, String... sites) {
        return new LockExperiment(Kind.REPLACE, lockClass, Set.of(sites), replacement);
    }

    /** Whether this experiment applies to an acquisition of {@code cls} at {@code site}. */
    public boolean matches(String cls, String site) {
        return lockClass.equals(cls) && (sites.isEmpty() || sites.contains(site));
    }

    /**
     * Parses the command-line form: {@code LOCK}, {@code LOCK@f1,f2} for remove, and
     * {@code LOCK[@f1,f2]=NEW} for replace.
     */
    public static LockExperiment parse(Kind kind, String spec) {
        String body = spec;
        String repl = null;
        if (kind == Kind.REPLACE) {
            int eq = spec.lastIndexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new IllegalArgumentException("--replace needs LOCK[@SITE,...]=NEWLOCK, got '" + spec + "'");
            }
            body = spec.substring(0, eq);
            repl = spec.substring(eq + 1);
        }
        int at = body.indexOf('@');
        String cls = at < 0 ? body : body.substring(0, at);
        if (cls.isEmpty()) {
            throw new IllegalArgumentException("missing lock class in '" + spec + "'");
        }
        Set<String> sites = Set.of();
        if (at >= 0) {
            String list = body.substring(at + 1);
            if (list.isEmpty()) {
                throw new IllegalArgumentException("empty site list after '@' in '" + spec + "'");
            }
            sites = Set.of(list.split(","));
        }
        return new LockExperiment(kind, cls, sites, repl);
    }

    /**
     * Parses the form {@link #toString()} writes: {@code remove LOCK[@SITE,...]} or
     * {@code replace LOCK[@SITE,...]=NEW}.
     */
    public static LockExperiment parse(String text) {
        if (text.startsWith("remove ")) {
            return parse(Kind.REMOVE, text.substring("remove ".length()));
        }
        if (text.startsWith("replace ")) {
            return parse(Kind.REPLACE, text.substring("replace ".length()));
        }
        throw new IllegalArgumentException("expected 'remove LOCK[@SITE,...]' or 'replace LOCK[@SITE,...]=NEW', got '" + text + "'");
    }

    /** The command-line form. */
    public String spec() {
        StringBuilder b = new StringBuilder(lockClass);
        if (!sites.isEmpty()) {
            b.append('@').append(String.join(",", sites.stream().sorted().toList()));
        }
        if (replacement != null) {
            b.append('=').append(replacement);
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return (kind == Kind.REMOVE ? "remove " : "replace ") + spec();
    }
}
