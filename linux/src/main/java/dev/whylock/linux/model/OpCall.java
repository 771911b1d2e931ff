package dev.whylock.linux.model;

import java.util.Map;

/**
 * One op of a scenario as written in the file, with where it was written.
 *
 * @param op the op name
 * @param args its arguments, defaults filled in
 * @param line 1-based line in the scenario file
 * @param column 1-based column
 */
public record OpCall(String op, Map<String, String> args, int line, int column) {

    public OpCall {
        args = Map.copyOf(args);
    }

    /** An op without arguments and without a source position (for programmatic scenarios). */
    public static OpCall of(String op) {
        return new OpCall(op, Map.of(), 0, 0);
    }

    /** An op with arguments and without a source position. */
    public static OpCall of(String op, Map<String, String> args) {
        return new OpCall(op, args, 0, 0);
    }

    @Override
    public String toString() {
        return args.isEmpty() ? op : op + args;
    }
}
