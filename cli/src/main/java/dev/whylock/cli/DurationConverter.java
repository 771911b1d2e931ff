package dev.whylock.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads {@code --time-limit}: a number with unit {@code ms}, {@code s}, {@code m} or {@code h} (seconds without one). */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern FORM = Pattern.compile("(\\d{1,12})(ms|s|m|h)?");
    /** Longer limits are almost certainly a typo. */
    static final Duration MAX = Duration.ofDays(7);

    @Override
    public Duration convert(String value) {
        Matcher m = FORM.matcher(value.trim());
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration; expected a number with a unit "
                    + "ms, s, m or h, e.g. 30s or 5m");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        Duration d = switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(Math.min(n, MAX.toMinutes() + 1));
            case "h" -> Duration.ofHours(Math.min(n, MAX.toHours() + 1));
            default -> Duration.ofSeconds(Math.min(n, MAX.toSeconds() + 1));
        };
        if (d.isZero()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is no time at all; expected a positive duration, e.g. 30s");
        }
        if (d.compareTo(MAX) > 0) {
            throw new CommandLine.TypeConversionException("'" + value + "' is longer than the maximum of 7 days; expected e.g. 30s, 10m or 2h");
        }
        return d;
    }
}
