package dev.whylock.cli;

import dev.whylock.engine.exec.RunConfig;
import dev.whylock.linux.model.Scenario;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * {@code --timing untimed|ordered|timed}, for every command that explores. Without the flag a
 * scenario's own {@code timing:} key decides, and without that the mode is untimed.
 */
final class TimingOption {

    @Option(names = "--timing", paramLabel = "untimed|ordered|timed", completionCandidates = Modes.class,
            description = "untimed: a pending timer or work item may run at any later point (default); ordered: timers fire "
                    + "in deadline order; timed: virtual time that only declared durations advance (timer delays, sleeps, "
                    + "I2C transfers, rtnl_hold), a timer firing once time reaches its deadline. Overrides the scenario's "
                    + "'timing:' key.")
    String timing;

    /** Whether {@code --timing} was given. */
    boolean given() {
        return timing != null;
    }

    /** The mode given with {@code --timing} (checked, lower case), or null. */
    String flag() {
        return timing == null ? null : ExploreCommand.choice("--timing", timing, Scenario.TIMINGS);
    }

    /** The mode to run: the flag, else the scenario's own {@code declared} mode (may be null), else untimed. */
    RunConfig.Timing resolve(String declared) {
        String f = flag();
        return of(f != null ? f : declared != null ? declared : "untimed");
    }

    /** The engine's timing for a scenario timing name ({@code untimed}, {@code ordered}, {@code timed}). */
    static RunConfig.Timing of(String mode) {
        return RunConfig.Timing.valueOf(mode.toUpperCase(Locale.ROOT));
    }

    /** The scenario timing name of an engine timing. */
    static String name(RunConfig.Timing t) {
        return t.name().toLowerCase(Locale.ROOT);
    }

    /** Shell completion for {@code --timing}. */
    static final class Modes extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Modes() {
            super((Collection<String>) Scenario.TIMINGS);
        }
    }
}
