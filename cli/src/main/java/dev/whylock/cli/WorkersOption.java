package dev.whylock.cli;

import dev.whylock.engine.search.Workers;
import picocli.CommandLine.Option;

/** {@code --workers N}: how many threads explore at once; the results do not depend on it. */
final class WorkersOption {

    static final int MAX = 256;

    @Option(names = "--workers", paramLabel = "N",
            description = "Threads to explore on (default: the machine's cores): why runs its explorations N at a time; "
                    + "explore and lockset split one DPOR search into work units run N at a time. The results are the same "
                    + "for any N; only the elapsed time changes. A Java program (--java) runs one execution at a time.")
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
