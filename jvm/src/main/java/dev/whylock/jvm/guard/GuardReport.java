package dev.whylock.jvm.guard;

import java.util.List;

/**
 * {@code @GuardedBy} for one Java program: the annotations checked against the explored
 * executions, the accesses that broke them, and the suggestions for the fields without one.
 *
 * @param executions how many executions were checked
 * @param exhaustive whether they were every execution within the bound
 * @param guards     the annotations on the fields the program accessed, with the lock each names
 * @param accesses   per guard (same order), how many accesses outside initialisers were checked
 * @param findings   accesses without the named lock, one per field, site and kind of access
 * @param suggestions the lockset-based suggestions, one per shared, written field with a lock
 */
public record GuardReport(long executions, boolean exhaustive, List<GuardChecker.Guard> guards, List<Long> accesses,
        List<GuardChecker.Finding> findings, List<GuardSuggestions.Suggestion> suggestions) {

    public GuardReport {
        guards = List.copyOf(guards);
        accesses = List.copyOf(accesses);
        findings = List.copyOf(findings);
        suggestions = List.copyOf(suggestions);
    }

    /** The suggestions that would add an annotation. */
    public List<GuardSuggestions.Suggestion> toAdd() {
        return suggestions.stream().filter(s -> s.status() == GuardSuggestions.Status.SUGGESTED).toList();
    }
}
