package dev.whylock.cli;

import dev.whylock.linux.model.Models;
import java.util.ArrayList;
import java.util.List;

/** Shell-completion values for options whose values come from the default model's catalogue. */
final class Candidates {
    private Candidates() {}

    /** {@code --model}. */
    static final class ModelNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        ModelNames() {
            super(Models.names());
        }
    }

    /** {@code why LOCK}. */
    static final class Locks extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Locks() {
            super(Models.get(Models.DEFAULT).lockClasses());
        }
    }

    /** {@code --remove} and {@code --replace}: every lock, then every {@code LOCK@function}. */
    static final class LocksAndSites extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        LocksAndSites() {
            super(List.copyOf(Models.get(Models.DEFAULT).lockClasses()));
            addAll(Models.get(Models.DEFAULT).sites());
        }
    }
}
