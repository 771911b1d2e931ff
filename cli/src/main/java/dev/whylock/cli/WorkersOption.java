package dev.whylock.cli;

import dev.whylock.engine.search.Workers;
import picocli.CommandLine.Option;

/** {@code --workers N}: how many explorations run at once; the results do not depend on it. */
final class WorkersOption {

    static final int MAX = 256;

    @Option(names = "--workers", paramLabel = "N",
            description = "Explorations run at once, one per core (default: the machine's cores). The report is the same "
                    + "for any N; only the elapsed time changes.")
    Integer workers;

    /** The number of workers asked for, or the machine's cores; out of range is a usage error. */
    int count() {
        if (workers == null) {
            return Workers.available();
        }
        if (workers < 1 || workers > MAX) {
            throw new UsageException("--workers " + workers + ": expected a number from 1 to " + MAX);
        }
        return workers;
    }
}
