package dev.whylock.linux.model;

/**
 * A scenario file is invalid: the message names the file, line and column and what was expected,
 * e.g. {@code race.yaml:7:5: unknown op 'sfp_prob'; did you mean 'sfp_probe'?}.
 */
public final class ScenarioException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final int line;
    private final int column;

    public ScenarioException(String source, int line, int column, String message) {
        super(source + (line > 0 ? ":" + line + ":" + column : "") + ": " + message);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
