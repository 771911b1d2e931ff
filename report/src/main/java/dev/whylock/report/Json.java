package dev.whylock.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The JSON tree plumbing shared by the run and why codecs: one mapper, "\n" line ends, strict readers. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    // Fixed "\n" and "key": value spacing so golden files do not depend on the platform.
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private Json() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode strings(List<String> values) {
        ArrayNode a = MAPPER.createArrayNode();
        values.forEach(a::add);
        return a;
    }

    static void write(JsonNode node, Appendable out) throws IOException {
        out.append(WRITER.writeValueAsString(node)).append('\n');
    }

    static JsonNode parse(String text) throws ResultFormatException {
        try {
            JsonNode n = MAPPER.readTree(text);
            if (n == null || !n.isObject()) {
                throw new ResultFormatException("not a whylock JSON result: expected a JSON object at the top level");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new ResultFormatException("not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        }
    }

    static JsonNode required(JsonNode parent, String key, String where) throws ResultFormatException {
        JsonNode n = parent.get(key);
        if (n == null) {
            throw new ResultFormatException(where + ": missing key '" + key + "'");
        }
        return n;
    }

    /** A string or JSON null. */
    static String text(JsonNode parent, String key, String where) throws ResultFormatException {
        JsonNode n = required(parent, key, where);
        if (n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new ResultFormatException(where + "." + key + ": expected a string, got " + n.getNodeType());
        }
        return n.asText();
    }

    static String textOr(JsonNode parent, String key, String fallback) {
        JsonNode n = parent.get(key);
        return n == null || n.isNull() ? fallback : n.asText();
    }

    static long number(JsonNode parent, String key, String where) throws ResultFormatException {
        JsonNode n = required(parent, key, where);
        if (!n.isIntegralNumber()) {
            throw new ResultFormatException(where + "." + key + ": expected an integer, got " + n.getNodeType());
        }
        return n.asLong();
    }

    static long numberOr(JsonNode parent, String key, long fallback) {
        JsonNode n = parent.get(key);
        return n == null || !n.isIntegralNumber() ? fallback : n.asLong();
    }

    static boolean bool(JsonNode parent, String key, String where) throws ResultFormatException {
        JsonNode n = required(parent, key, where);
        if (!n.isBoolean()) {
            throw new ResultFormatException(where + "." + key + ": expected true or false, got " + n.getNodeType());
        }
        return n.asBoolean();
    }

    static boolean boolOr(JsonNode parent, String key, boolean fallback) {
        JsonNode n = parent.get(key);
        return n == null || !n.isBoolean() ? fallback : n.asBoolean();
    }

    static JsonNode array(JsonNode parent, String key, String where) throws ResultFormatException {
        JsonNode n = required(parent, key, where);
        if (!n.isArray()) {
            throw new ResultFormatException(where + "." + key + ": expected a list, got " + n.getNodeType());
        }
        return n;
    }

    static List<String> stringList(JsonNode parent, String key, String where) throws ResultFormatException {
        List<String> out = new ArrayList<>();
        for (JsonNode e : array(parent, key, where)) {
            out.add(e.asText());
        }
        return out;
    }

    static List<String> stringListOr(JsonNode parent, String key) {
        List<String> out = new ArrayList<>();
        JsonNode n = parent.get(key);
        if (n != null && n.isArray()) {
            n.forEach(e -> out.add(e.asText()));
        }
        return out;
    }
}
