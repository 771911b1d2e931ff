package dev.whylock.engine.analysis;

import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.result.Trace;
import dev.whylock.engine.result.Violation;
import java.util.List;

/**
 * A happens-before data race: two accesses to one field, at least one a write, that no lock, spawn,
 * join, work or completion edge orders (KCSAN's "data-race in f / g").
 *
 * @param field        the field name
 * @param first        the earlier access in the execution
 * @param second       the later access, unordered with the first
 * @param trace        the execution up to and including the second access
 * @param decisions    the scheduling decisions that replay the execution
 * @param execution    the (1-based) execution in which it was first seen
 * @param occurrences  how many times this (field, site pair) race was seen
 */
public record DataRace(String field, RaceAccess first, RaceAccess second, Trace trace,
        List<Integer> decisions, long execution, long occurrences) implements java.io.Serializable {

    public DataRace {
        decisions = List.copyOf(decisions);
    }

    /** The deduplication key: field and the unordered pair of access sites. */
    public String key() {
        String a = first.site() + (first.write() ? ":w" : ":r");
        String b = second.site() + (second.write() ? ":w" : ":r");
        return field + " " + (a.compareTo(b) <= 0 ? a + " / " + b : b + " / " + a);
    }

    /**
     * This race as a violation of kind {@code data-race}, KCSAN's shape: {@code data-race in f / g
     * on field (write / read)}, with the execution up to the second access as its counterexample.
     */
    public Violation violation() {
        String message = "data-race in " + first.site() + " / " + second.site() + " on " + field + " ("
                + (first.write() ? "write" : "read") + " / " + (second.write() ? "write" : "read") + ")";
        return new Violation(ViolationKind.DATA_RACE, message, second.task(), trace, decisions, execution, List.of(), false);
    }
}
