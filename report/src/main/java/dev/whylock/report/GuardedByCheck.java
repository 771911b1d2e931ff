package dev.whylock.report;

import dev.whylock.engine.result.Violation;
import java.util.List;
import java.util.Objects;

/**
 * The {@code @GuardedBy} check of a Java program ({@code why --java}, {@code lockset --java}): the
 * annotations on the fields it touched, checked against every explored execution of the code as
 * written, and the annotations its locksets suggest. Saved under {@code guardedBy} in the JSON;
 * rendered by {@link GuardedByText} and {@link GuardedByHtml}.
 *
 * @param executions  how many executions were checked
 * @param exhaustive  whether they were every execution within the bound
 * @param guards      the annotations on the fields the program touched, in class-file order
 * @param suggestions one per shared, written field with a lock held at every shared access
 */
public record GuardedByCheck(long executions, boolean exhaustive, List<Guard> guards, List<Suggestion> suggestions) {

    public GuardedByCheck {
        guards = List.copyOf(guards);
        suggestions = List.copyOf(suggestions);
    }

    /**
     * One annotation and what the executions did to it.
     *
     * @param field      the field, e.g. {@code ConnectionPool.free}
     * @param expression the annotation's value as written, e.g. {@code lock}
     * @param lock       the lock it names, e.g. {@code com.example.ConnectionPool.lock}; null when it names none whylock sees
     * @param unchecked  why it could not be checked (e.g. {@code cannot check: no field 'x' in Pool}); null when checked
     * @param accesses   the accesses outside the field's initialisers that were checked
     * @param breaches   the accesses without the lock, one per site and kind of access
     */
    public record Guard(String field, String expression, String lock, String unchecked, long accesses, List<Breach> breaches) {
        public Guard {
            Objects.requireNonNull(field, "field");
            if ((lock == null) == (unchecked == null)) {
                throw new IllegalArgumentException("a guard names its lock or says why it is unchecked, not " + (lock == null ? "neither" : "both"));
            }
            breaches = List.copyOf(breaches);
        }

        public boolean checkable() {
            return lock != null;
        }
    }

    /**
     * An access to a guarded field without its lock.
     *
     * @param site           where, e.g. {@code ConnectionPool.release:29}
     * @param write          a write (else a read)
     * @param counterexample the shortest execution that reached it (fewest preemptions, then fewest steps)
     */
    public record Breach(String site, boolean write, Violation counterexample) {
        public Breach {
            Objects.requireNonNull(counterexample, "counterexample");
        }
    }

    /** What to do about a field the locksets found guarded. */
    public enum Status {
        /** Not annotated: add the annotation. */
        SUGGESTED("suggested"),
        /** Already annotated with a lock held at every access. */
        ALREADY_ANNOTATED("already-annotated"),
        /** Annotated with another lock than the ones held at every access. */
        ANNOTATED_DIFFERENTLY("annotated-differently"),
        /** A lock guards it, but no annotation expression can name that lock from the field's class. */
        CANNOT_NAME("cannot-name");

        private final String key;

        Status(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /**
     * One field's suggestion from the locksets.
     *
     * @param field           the field, e.g. {@code Transfers.Account.balance}
     * @param status          what to do about it
     * @param locks           the locks held at every shared access
     * @param lock            the one the suggestion names (the first nameable one)
     * @param expression      the annotation value naming it from the field's class, or null
     * @param annotationClass the annotation to use, e.g. {@code com.google.errorprone.annotations.concurrent.GuardedBy}
     * @param note            for CANNOT_NAME and ANNOTATED_DIFFERENTLY, why; else null
     */
    public record Suggestion(String field, Status status, List<String> locks, String lock, String expression, String annotationClass,
            String note) {
        public Suggestion {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(status, "status");
            locks = List.copyOf(locks);
        }

        /** The annotation as it would be written, e.g. {@code @GuardedBy("lock")}, or null. */
        public String annotation() {
            return expression == null ? null : "@GuardedBy(\"" + expression + "\")";
        }
    }

    /** The suggestions that say something to do (every one but ALREADY_ANNOTATED). */
    public List<Suggestion> toReport() {
        return suggestions.stream().filter(s -> s.status() != Status.ALREADY_ANNOTATED).toList();
    }
}
