package dev.whylock.linux.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the line and column it starts at, read with Jackson's streaming YAML parser
 * (Jackson's tree model drops positions, which the error messages need).
 */
final class YamlNode {

    enum Kind { MAP, SEQ, SCALAR, NULL }

    final Kind kind;
    final int line;
    final int column;
    final String scalar;
    final Map<String, YamlNode> map = new LinkedHashMap<>();
    /** Where each key of a map was written. */
    final Map<String, int[]> keyPos = new LinkedHashMap<>();
    final List<YamlNode> seq = new ArrayList<>();

    private YamlNode(Kind kind, int line, int column, String scalar) {
        this.kind = kind;
        this.line = line;
        this.column = column;
        this.scalar = scalar;
    }

    /**
     * A key written twice in one mapping. YAML forbids it, but a lenient parser keeps the last
     * value, which would silently drop a thread or an op list; scenario files reject it.
     */
    static final class DuplicateKeyException extends IOException {
        final String key;
        /** The mapping's own key ({@code threads}), or null at the top level. */
        final String parent;
        final int line;
        final int column;
        final int firstLine;
        final int firstColumn;

        DuplicateKeyException(String key, String parent, int[] at, int[] first) {
            super("duplicate key '" + key + "'");
            this.key = key;
            this.parent = parent;
            this.line = at[0];
            this.column = at[1];
            this.firstLine = first[0];
            this.firstColumn = first[1];
        }
    }

    /** Parses a whole document; an empty document is a NULL node; a repeated key is an error. */
    static YamlNode parse(String text) throws IOException {
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return new YamlNode(Kind.NULL, 1, 1, null);
            }
            return read(p, null);
        }
    }

    private static YamlNode read(JsonParser p, String parent) throws IOException {
        JsonLocation loc = p.currentTokenLocation();
        int line = loc.getLineNr();
        int col = loc.getColumnNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                YamlNode n = new YamlNode(Kind.MAP, line, col, null);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonLocation kl = p.currentTokenLocation();
                    int[] at = {kl.getLineNr(), kl.getColumnNr()};
                    if (n.keyPos.containsKey(key)) {
                        throw new DuplicateKeyException(key, parent, at, n.keyPos.get(key));
                    }
                    p.nextToken();
                    n.keyPos.put(key, at);
                    n.map.put(key, read(p, key));
                }
                return n;
            }
            case START_ARRAY -> {
                YamlNode n = new YamlNode(Kind.SEQ, line, col, null);
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    n.seq.add(read(p, parent));
                }
                return n;
            }
            case VALUE_NULL -> {
                return new YamlNode(Kind.NULL, line, col, null);
            }
            default -> {
                return new YamlNode(Kind.SCALAR, line, col, p.getText());
            }
        }
    }

    String describe() {
        return switch (kind) {
            case MAP -> "a mapping";
            case SEQ -> "a list";
            case SCALAR -> "'" + scalar + "'";
            case NULL -> "nothing";
        };
    }
}
