package dev.whylock.linux.model;

import java.util.List;

/**
 * One point of an argument made in the 2021 thread, with the evidence that bears on it written as
 * data: which kinds of finding, and which names a finding must or may mention. Whether a finding
 * exists is decided by exploring; this only says which point an existing finding speaks to.
 *
 * @param number the point's number in the argument, from 1
 * @param title a few words, e.g. "the AB-BA between rtnl and the private lock"
 * @param claim the point in the project's own words
 * @param kinds the finding kinds that can support it ({@link Finding#kind()})
 * @param allOf names the finding must all mention (e.g. both lock classes of an AB-BA)
 * @param anyOf names of which the finding must mention at least one (empty: no such condition)
 * @param noneOf names the finding must not mention
 */
public record ArgumentPoint(int number, String title, String claim, List<String> kinds, List<String> allOf,
        List<String> anyOf, List<String> noneOf) {

    public ArgumentPoint {
        kinds = List.copyOf(kinds);
        allOf = List.copyOf(allOf);
        anyOf = List.copyOf(anyOf);
        noneOf = List.copyOf(noneOf);
    }

    /** Whether {@code f} is evidence for this point. */
    public boolean supportedBy(Finding f) {
        return kinds.contains(f.kind())
                && allOf.stream().allMatch(f::mentions)
                && (anyOf.isEmpty() || anyOf.stream().anyMatch(f::mentions))
                && noneOf.stream().noneMatch(f::mentions);
    }
}
