package dev.whylock.engine.analysis;

import dev.whylock.engine.result.Violation;
import java.util.List;

/**
 * The data races found over all explored executions, one per field and pair of sites.
 *
 * @param executions  how many executions were checked
 * @param races       sorted by field, then by the sites of the two accesses
 */
public record RaceReport(long executions, List<DataRace> races) {

    public RaceReport {
        races = List.copyOf(races);
    }

    /** Every race as a violation of kind {@code data-race}, in race order. */
    public List<Violation> violations() {
        return races.stream().map(DataRace::violation).toList();
    }
}
