package dev.whylock.jvm.guard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The suggested {@code @GuardedBy} annotations as a unified diff of the sources ({@code git apply}
 * takes it): one line before each field's declaration and, where the file imports no
 * {@code GuardedBy} yet, the import of the annotation chosen.
 *
 * @param text    the patch; empty when nothing could be placed
 * @param added   what the patch adds, one line per field ({@code path: Class.field @GuardedBy("lock")})
 * @param skipped the suggestions left out, with the reason
 */
public record AnnotationPatch(String text, List<String> added, List<String> skipped) {

    private static final int CONTEXT = 3;
    private static final Pattern TYPE = Pattern.compile("\\b(?:class|interface|enum|record)\\s+(\\w+)\\b");

    public AnnotationPatch {
        added = List.copyOf(added);
        skipped = List.copyOf(skipped);
    }

    /** Builds the patch of every {@link GuardSuggestions.Status#SUGGESTED} suggestion; paths are relative to {@code base}. */
    public static AnnotationPatch of(List<GuardSuggestions.Suggestion> suggestions, GuardDeclarations d, SourceFiles sources, Path base) {
        Map<Path, List<GuardSuggestions.Suggestion>> byFile = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        for (GuardSuggestions.Suggestion s : suggestions) {
            if (s.status() != GuardSuggestions.Status.SUGGESTED) {
                continue;
            }
            Optional<Path> f = sources.find(s.field().owner(), d);
            if (f.isEmpty()) {
                skipped.add(s.field().display() + ": no source found (searched " + sources.roots() + "; give --source-path)");
            } else {
                byFile.computeIfAbsent(f.get(), k -> new ArrayList<>()).add(s);
            }
        }
        StringBuilder text = new StringBuilder();
        List<String> added = new ArrayList<>();
        for (Map.Entry<Path, List<GuardSuggestions.Suggestion>> e : byFile.entrySet()) {
            String source = sources.text(e.getKey());
            boolean newlineAtEnd = source.endsWith("\n");
            List<String> lines = List.of((newlineAtEnd ? source.substring(0, source.length() - 1) : source).split("\n", -1));
            int[] depth = depths(lines);
            TreeMap<Integer, List<String>> inserts = new TreeMap<>();
            String rel = base.toAbsolutePath().normalize().relativize(e.getKey().toAbsolutePath().normalize()).toString().replace('\\', '/');
            GuardFamily family = null;
            for (GuardSuggestions.Suggestion s : e.getValue()) {
                int at = declaration(lines, depth, s.field());
                if (at < 0) {
                    skipped.add(s.field().display() + ": its declaration was not found in " + rel);
                    continue;
                }
                String indent = lines.get(at).substring(0, lines.get(at).length() - lines.get(at).stripLeading().length());
                inserts.computeIfAbsent(at, k -> new ArrayList<>()).add(indent + s.annotation());
                added.add(rel + ": " + s.field().display() + " " + s.annotation());
                family = s.family();
            }
            if (family != null && sources.imported(e.getValue().get(0).field().owner(), d) == null) {
                importLine(lines, family, inserts);
            }
            if (!inserts.isEmpty()) {
                diff(rel, lines, newlineAtEnd, inserts, text);
            }
        }
        return new AnnotationPatch(text.toString(), added, skipped);
    }

    private static void importLine(List<String> lines, GuardFamily family, TreeMap<Integer, List<String>> inserts) {
        int lastImport = -1;
        int pkg = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.startsWith("import ")) {
                lastImport = i;
            } else if (l.startsWith("package ") && pkg < 0) {
                pkg = i;
            }
        }
        String imp = "import " + family.qualified() + ";";
        if (lastImport >= 0) {
            inserts.computeIfAbsent(lastImport + 1, k -> new ArrayList<>()).add(0, imp);
        } else {
            List<String> at = inserts.computeIfAbsent(pkg + 1, k -> new ArrayList<>());
            at.add(0, imp);
            at.add(0, "");
        }
    }

    /** The line index of {@code field}'s declaration: in the body of its (nested) class, at that body's depth. */
    static int declaration(List<String> lines, int[] depth, GuardDeclarations.FieldInfo field) {
        String owner = field.owner();
        String[] nest = owner.substring(owner.lastIndexOf('/') + 1).split("\\$");
        int from = 0;
        int body = -1;
        for (String name : nest) {
            int found = -1;
            for (int i = from; i < lines.size(); i++) {
                var m = TYPE.matcher(code(lines.get(i)));
                if (m.find() && m.group(1).equals(name) && (body < 0 || depth[i] == body)) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                return -1;
            }
            body = depth[found] + 1;
            from = found + 1;
        }
        Pattern decl = Pattern.compile("^\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s+)*(?:(?:public|protected|private|static|final|volatile|transient)\\s+)*"
                + "[\\w$.]+(?:<[^;=]*>)?(?:\\s*\\[\\])*\\s+" + Pattern.quote(field.name()) + "\\s*(?:=|;|,|\\[)");
        for (int i = from; i < lines.size() && depth[i] >= body; i++) {
            if (depth[i] == body && decl.matcher(code(lines.get(i))).find()) {
                return i;
            }
        }
        return -1;
    }

    /** The line without a trailing // comment (good enough for declarations). */
    private static String code(String line) {
        int c = line.indexOf("//");
        return c < 0 ? line : line.substring(0, c);
    }

    /** The brace depth at the start of each line, ignoring braces in strings, characters and comments. */
    static int[] depths(List<String> lines) {
        int[] out = new int[lines.size()];
        int depth = 0;
        boolean block = false;
        for (int i = 0; i < lines.size(); i++) {
            out[i] = depth;
            String l = lines.get(i);
            for (int j = 0; j < l.length(); j++) {
                char c = l.charAt(j);
                if (block) {
                    if (c == '*' && j + 1 < l.length() && l.charAt(j + 1) == '/') {
                        block = false;
                        j++;
                    }
                } else if (c == '/' && j + 1 < l.length() && l.charAt(j + 1) == '/') {
                    break;
                } else if (c == '/' && j + 1 < l.length() && l.charAt(j + 1) == '*') {
                    block = true;
                    j++;
                } else if (c == '"' || c == '\'') {
                    for (j++; j < l.length() && l.charAt(j) != c; j++) {
                        if (l.charAt(j) == '\\') {
                            j++;
                        }
                    }
                } else if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                }
            }
        }
        return out;
    }

    /** Appends the unified diff of one file: hunks of the insertions with {@value #CONTEXT} lines of context. */
    private static void diff(String path, List<String> lines, boolean newlineAtEnd, TreeMap<Integer, List<String>> inserts, StringBuilder out) {
        out.append("--- a/").append(path).append('\n').append("+++ b/").append(path).append('\n');
        List<int[]> hunks = new ArrayList<>();
        for (int at : inserts.keySet()) {
            int s = Math.max(0, at - CONTEXT);
            int e = Math.min(lines.size(), at + CONTEXT);
            if (!hunks.isEmpty() && s <= hunks.get(hunks.size() - 1)[1]) {
                hunks.get(hunks.size() - 1)[1] = e;
            } else {
                hunks.add(new int[] {s, e});
            }
        }
        int shift = 0;
        for (int[] h : hunks) {
            int added = inserts.subMap(h[0], true, h[1], h[1] == lines.size()).values().stream().mapToInt(List::size).sum();
            int old = h[1] - h[0];
            out.append("@@ -").append(h[0] + 1).append(',').append(old).append(" +").append(h[0] + 1 + shift).append(',')
                    .append(old + added).append(" @@\n");
            for (int i = h[0]; i <= h[1]; i++) {
                for (String ins : inserts.getOrDefault(i, List.of())) {
                    if (i < h[1] || i == lines.size()) {
                        out.append('+').append(ins).append('\n');
                    }
                }
                if (i < h[1]) {
                    out.append(' ').append(lines.get(i)).append('\n');
                    if (i == lines.size() - 1 && !newlineAtEnd) {
                        out.append("\\ No newline at end of file\n");
                    }
                }
            }
            shift += added;
        }
    }
}
