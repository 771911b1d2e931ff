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

    /** Parses a whole document; an empty document is a NULL node. */
    static YamlNode parse(String text) throws IOException {
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return new YamlNode(Kind.NULL, 1, 1, null);
            }
            return read(p);
        }
    }

    private static YamlNode read(JsonParser p) throws IOException {
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
                    p.nextToken();
                    n.keyPos.put(key, new int[] {kl.getLineNr(), kl.getColumnNr()});
                    n.map.put(key, read(p));
                }
                return n;
            }
            case START_ARRAY -> {
                YamlNode n = new YamlNode(Kind.SEQ, line, col, null);
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    n.seq.add(read(p));
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
