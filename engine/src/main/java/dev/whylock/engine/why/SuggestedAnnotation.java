package dev.whylock.engine.why;

import dev.whylock.engine.analysis.FieldLockset;
import dev.whylock.engine.analysis.LocksetReport;
import java.util.ArrayList;
import java.util.List;

/**
 * An annotation that static checkers can enforce, suggested from a field's lockset: the same for a
 * field whichever lock is asked about, naming every lock held at each of its shared accesses.
 *
 * @param field  the field name
 * @param locks  the locks held at every shared access of the field, sorted
 */
public record SuggestedAnnotation(String field, List<String> locks) {

    public SuggestedAnnotation {
        locks = List.copyOf(locks);
    }

    /** The C form, one {@code __guarded_by(L)} per lock, e.g. {@code __guarded_by(rtnl_mutex)}. */
    public String kernel() {
        return String.join(" ", locks.stream().map(l -> "__guarded_by(" + l + ")").toList());
    }

    /** The Java form, one {@code @GuardedBy("L")} per lock (either one alone is also true of the field). */
    public String java() {
        return String.join(" ", locks.stream().map(l -> "@GuardedBy(\"" + l + "\")").toList());
    }

    /** Whether {@code lockClass} is among the locks. */
    public boolean names(String lockClass) {
        return locks.contains(lockClass);
    }

    /** One annotation per shared field with a non-empty lockset, sorted by field. */
    public static List<SuggestedAnnotation> from(LocksetReport locksets) {
        List<SuggestedAnnotation> out = new ArrayList<>();
        for (FieldLockset f : locksets.fields()) {
            if (f.shared() && !f.locks().isEmpty()) {
                out.add(new SuggestedAnnotation(f.field(), f.locks()));
            }
        }
        return List.copyOf(out);
    }
}
