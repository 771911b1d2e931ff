package dev.whylock.jvm.guard;

import dev.whylock.engine.analysis.EraserState;
import dev.whylock.engine.analysis.FieldLockset;
import dev.whylock.jvm.instrument.JavaNames;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code @GuardedBy} suggestions for the application's fields from their locksets: a field written
 * while shared, with a lock held at every shared access, is guarded by that lock. The suggestion
 * is written as the source would spell it from the field's class ({@code this}, {@code lock},
 * {@code Outer.this}, {@code Registry.LOCK}, {@code Registry.class}).
 */
public final class GuardSuggestions {

    /** What to do about one field. */
    public enum Status {
        /** Not annotated: add {@code @GuardedBy(expression)}. */
        SUGGESTED,
        /** Already annotated with the lock the locksets found. */
        ALREADY_ANNOTATED,
        /** Annotated with another lock than the one held at every access. */
        ANNOTATED_DIFFERENTLY,
        /** A lock guards it, but no annotation expression can name that lock from the field's class. */
        CANNOT_NAME
    }

    /**
     * One field's suggestion.
     *
     * @param lock       the lock held at every shared access (the first nameable one when several are)
     * @param expression the annotation value naming it from the field's class, or null
     * @param family     the annotation to use: the one the class imports, else Error Prone's
     * @param note       for CANNOT_NAME and ANNOTATED_DIFFERENTLY, why
     */
    public record Suggestion(GuardDeclarations.FieldInfo field, List<String> locks, String lock, String expression,
            GuardFamily family, Status status, String note) {

        /** The annotation as it would be written, e.g. {@code @GuardedBy("lock")}. */
        public String annotation() {
            return expression == null ? null : "@GuardedBy(\"" + expression + "\")";
        }
    }

    private GuardSuggestions() {}

    /** The suggestions for every application field that is written while shared and has a non-empty lockset. */
    public static List<Suggestion> of(List<FieldLockset> locksets, GuardDeclarations declarations, SourceFiles sources) {
        List<Suggestion> out = new ArrayList<>();
        for (FieldLockset fl : locksets) {
            GuardDeclarations.FieldInfo f = declarations.fields().get(fl.field());
            if (f == null || fl.state() != EraserState.SHARED_MODIFIED || fl.locks().isEmpty()) {
                continue;
            }
            String lock = fl.locks().get(0);
            String expression = null;
            for (String l : fl.locks()) {
                expression = expression(declarations, f, l);
                if (expression != null) {
                    lock = l;
                    break;
                }
            }
            GuardFamily family = sources.familyOf(f.owner(), declarations);
            Status status;
            String note = null;
            if (f.guard() != null) {
                String named = declarations.lockOf(f.owner(), f.guard());
                status = fl.locks().contains(named) ? Status.ALREADY_ANNOTATED : Status.ANNOTATED_DIFFERENTLY;
                if (status == Status.ANNOTATED_DIFFERENTLY) {
                    note = "annotated @GuardedBy(\"" + f.guard() + "\"), but " + (named.startsWith("cannot") ? named
                            : named + " was not held at every access") + "; held at every access: " + String.join(", ", fl.locks());
                }
                family = f.family();
            } else if (expression == null) {
                status = Status.CANNOT_NAME;
                note = "guarded by " + String.join(", ", fl.locks()) + ", which no @GuardedBy expression on "
                        + JavaNames.simple(f.owner()) + " can name (a lock in a local variable or in another object)";
            } else {
                status = Status.SUGGESTED;
            }
            out.add(new Suggestion(f, fl.locks(), lock, expression, family, status, note));
        }
        return out;
    }

    /** How the source of {@code field}'s class names {@code lock}, or null when it cannot. */
    static String expression(GuardDeclarations d, GuardDeclarations.FieldInfo field, String lock) {
        int dot = lock.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        String cls = lock.substring(0, dot);
        String member = lock.substring(dot + 1);
        String owner = field.owner();
        if (member.equals("this")) {
            for (String c = owner; c != null; c = outer(c)) {
                if (JavaNames.qualified(c).equals(cls)) {
                    return c.equals(owner) ? "this" : last(c) + ".this";
                }
            }
            return null;
        }
        if (member.equals("class")) {
            return cls.substring(cls.lastIndexOf('.') + 1) + ".class";
        }
        for (GuardDeclarations.FieldInfo f : d.fields().values()) {
            if (JavaNames.qualified(f.owner()).equals(cls) && f.name().equals(member)) {
                if (f.owner().equals(owner)) {
                    return member;
                }
                return f.isStatic() ? JavaNames.simple(f.owner()) + "." + member : null;
            }
        }
        return null;
    }

    private static String outer(String internalName) {
        int d = internalName.lastIndexOf('$');
        return d < 0 ? null : internalName.substring(0, d);
    }

    private static String last(String internalName) {
        String s = JavaNames.simple(internalName);
        return s.substring(s.lastIndexOf('.') + 1);
    }
}
