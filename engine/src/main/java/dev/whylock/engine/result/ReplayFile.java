package dev.whylock.engine.result;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A saved counterexample that {@code whylock replay} re-runs: a header that identifies the program
 * (model, scenario, experiments, timing: whatever the writer needs to rebuild it), the scheduling
 * decisions, and the expected steps, so that a replay fails at the first step that diverges.
 *
 * <p>Text format, line based: {@code whylock-replay 1}, then {@code key: value} header lines, then
 * {@code decisions: 1 1 0 2 ...}, then one {@code step: task|op|object|site} line per step (with
 * {@code |t=MS} in the timed mode), then
 * {@code end}. The engine only formats and parses; the CLI reads and writes files.
 */
public record ReplayFile(Map<String, String> header, List<Integer> decisions, List<String> steps) {

    public static final String MAGIC = "whylock-replay";
    public static final int VERSION = 1;

    /** Thrown for a file that is not a complete replay file of this version. */
    public static final class FormatException extends Exception {
        public FormatException(String message) {
            super(message);
        }
    }

    public ReplayFile {
        header = Map.copyOf(new LinkedHashMap<>(header));
        decisions = List.copyOf(decisions);
        steps = List.copyOf(steps);
    }

    /** The replay file for a violation's counterexample. */
    public static ReplayFile of(Map<String, String> header, Violation v) {
        return new ReplayFile(header, v.decisions(), v.trace().steps().stream().map(ReplayFile::stepKey).toList());
    }

    /** What a replayed step must match: task, operation, object and site, and in the timed mode its virtual time. */
    public static String stepKey(Step s) {
        return s.task() + "|" + s.operation() + "|" + s.object() + "|" + s.site() + (s.time() == null ? "" : "|t=" + s.time());
    }

    /**
     * The index of the first step where {@code trace} differs from the recorded steps, or -1 when the
     * trace reproduces all of them.
     */
    public int firstDivergence(Trace trace) {
        for (int i = 0; i < steps.size(); i++) {
            if (i >= trace.steps().size() || !steps.get(i).equals(stepKey(trace.steps().get(i)))) {
                return i;
            }
        }
        return -1;
    }

    public void write(Appendable out) throws java.io.IOException {
        out.append(MAGIC).append(' ').append(String.valueOf(VERSION)).append('\n');
        for (Map.Entry<String, String> e : header.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            out.append(e.getKey()).append(": ").append(e.getValue().replace('\n', ' ')).append('\n');
        }
        out.append("decisions:");
        for (int d : decisions) {
            out.append(' ').append(String.valueOf(d));
        }
        out.append('\n');
        for (String s : steps) {
            out.append("step: ").append(s.replace('\n', ' ')).append('\n');
        }
        out.append("end\n");
    }

    public String text() {
        StringBuilder b = new StringBuilder();
        try {
            write(b);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return b.toString();
    }

    public static ReplayFile parse(String text) throws FormatException {
        String[] lines = text.split("\n", -1);
        if (lines.length == 0 || !lines[0].startsWith(MAGIC + " ")) {
            throw new FormatException("not a whylock replay file (the first line must be '" + MAGIC + " " + VERSION + "')");
        }
        String version = lines[0].substring(MAGIC.length() + 1).trim();
        if (!version.equals(String.valueOf(VERSION))) {
            throw new FormatException("replay file version " + version + " is not supported by this whylock (it reads version " + VERSION + ")");
        }
        Map<String, String> header = new LinkedHashMap<>();
        List<Integer> decisions = null;
        List<String> steps = new ArrayList<>();
        boolean ended = false;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty() && (ended || i == lines.length - 1)) {
                continue;
            }
            if (ended) {
                throw new FormatException("line " + (i + 1) + ": text after 'end'");
            }
            if (line.equals("end")) {
                ended = true;
            } else if (line.startsWith("decisions:")) {
                decisions = new ArrayList<>();
                for (String tok : line.substring("decisions:".length()).trim().split("\\s+")) {
                    if (tok.isEmpty()) {
                        continue;
                    }
                    try {
                        decisions.add(Integer.parseInt(tok));
                    } catch (NumberFormatException e) {
                        throw new FormatException("line " + (i + 1) + ": decision '" + tok + "' is not a number");
                    }
                }
            } else if (line.startsWith("step: ")) {
                steps.add(line.substring("step: ".length()));
            } else {
                int colon = line.indexOf(": ");
                if (colon <= 0 || decisions != null) {
                    throw new FormatException("line " + (i + 1) + ": expected 'key: value', 'decisions:', 'step:' or 'end', got '" + line + "'");
                }
                header.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        if (decisions == null) {
            throw new FormatException("the replay file has no 'decisions:' line (truncated?)");
        }
        if (!ended) {
            throw new FormatException("the replay file does not end with 'end' (truncated?)");
        }
        return new ReplayFile(header, decisions, steps);
    }
}
