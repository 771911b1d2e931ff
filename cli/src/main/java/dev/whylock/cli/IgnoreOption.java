package dev.whylock.cli;

import dev.whylock.engine.ViolationKind;
import dev.whylock.linux.model.Suggest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** {@code --ignore KIND}: findings of that kind do not count in the verdict (e.g. {@code data-race} for damage-only verdicts). */
final class IgnoreOption {

    @Option(names = "--ignore", paramLabel = "KIND", completionCandidates = Kinds.class,
            description = "Do not count findings of this kind in the verdict and exit code; data-race gives the damage-only "
                    + "verdicts (data races count by default, as KCSAN reports). Repeatable.")
    List<String> ignore = new ArrayList<>();

    /** The kinds to ignore; an unknown name is a usage error with a suggestion. */
    Set<ViolationKind> kinds() {
        Set<ViolationKind> out = EnumSet.noneOf(ViolationKind.class);
        List<String> keys = Arrays.stream(ViolationKind.values()).map(ViolationKind::key).toList();
        for (String k : ignore) {
            if (!keys.contains(k)) {
                throw new UsageException("--ignore " + k + ": unknown kind" + Suggest.didYouMean(k, keys) + " (expected one of: "
                        + String.join(", ", keys) + ")");
            }
            out.add(ViolationKind.fromKey(k));
        }
        return out;
    }

    /** Shell completion for {@code --ignore}. */
    static final class Kinds extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Kinds() {
            super(Arrays.stream(ViolationKind.values()).map(ViolationKind::key).toList());
        }
    }
}
