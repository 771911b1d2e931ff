package dev.whylock.engine.why;

import dev.whylock.engine.analysis.FieldLockset;
import dev.whylock.engine.analysis.LocksetReport;
import java.util.ArrayList;
import java.util.List;

/**
 * An annotation that static checkers can enforce, suggested from a field's lockset.
 *
 * @param field      the field name
 * @param lockClass  the lock held at every shared access of the field
 * @param kernel     the C form, e.g. {@code __guarded_by(rtnl_mutex)}
 * @param java       the Java form, e.g. {@code @GuardedBy("rtnl_mutex")}
 * @param alone      whether it is the only lock in the field's lockset
 */
public record SuggestedAnnotation(String field, String lockClass, String kernel, String java, boolean alone) {

    /** The annotation of {@code field} with {@code lockClass}. */
    public static SuggestedAnnotation of(String field, String lockClass, boolean alone) {
        return new SuggestedAnnotation(field, lockClass, "__guarded_by(" + lockClass + ")",
                "@GuardedBy(\"" + lockClass + "\")", alone);
    }

    /** One annotation per (shared field, lock in its lockset), sorted by field then lock. */
    public static List<SuggestedAnnotation> from(LocksetReport locksets) {
        List<SuggestedAnnotation> out = new ArrayList<>();
        for (FieldLockset f : locksets.fields()) {
            if (!f.shared()) {
                continue;
            }
            for (String lock : f.locks()) {
                out.add(of(f.field(), lock, f.locks().size() == 1));
            }
        }
        return List.copyOf(out);
    }
}
