package dev.whylock.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/result-schema.json describes what the writers write: every key of every golden JSON result
 * is declared there, every required key is present, and every enum or constant holds. A small
 * checker of the schema keywords the document uses (type object, properties, required, items,
 * additionalProperties, enum, const, $ref, oneOf, allOf), not a general JSON Schema validator.
 */
class ResultSchemaTest {

    static final Path SCHEMA = Path.of("..", "docs", "result-schema.json");
    static final ObjectMapper MAPPER = new ObjectMapper();

    static Stream<Path> goldens() throws IOException {
        return Files.list(Golden.DIR).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void goldenResult_againstTheSchema_everyKeyDeclaredAndEveryRequiredKeyPresent(Path golden) throws IOException {
        JsonNode schema = MAPPER.readTree(SCHEMA.toFile());
        List<String> problems = new ArrayList<>();
        check(schema, schema, MAPPER.readTree(golden.toFile()), "$", problems);
        assertEquals(List.of(), problems, golden.toString());
    }

    @Test
    void brokenResult_againstTheSchema_problemsFound() throws IOException {
        JsonNode schema = MAPPER.readTree(SCHEMA.toFile());
        JsonNode bad = MAPPER.readTree("{\"schemaVersion\": 2, \"result\": \"run\", \"verdict\": \"maybe\", \"surprise\": 1}");
        List<String> problems = new ArrayList<>();
        check(schema, schema, bad, "$", problems);
        String all = problems.toString();
        assertTrue(all.contains("'surprise' is not declared") && all.contains("\"maybe\" is not one of")
                && all.contains("'violations' is missing"), all);
    }

    private static JsonNode resolve(JsonNode root, JsonNode s) {
        while (s.has("$ref")) {
            s = root.at(s.get("$ref").asText().substring(1));
        }
        return s;
    }

    /** Appends to {@code problems} what in {@code data} (at {@code at}) the schema {@code s} does not allow. */
    static void check(JsonNode root, JsonNode schema, JsonNode data, String at, List<String> problems) {
        JsonNode s = resolve(root, schema);
        if (s.has("oneOf")) {
            int ok = 0;
            List<String> first = null;
            for (JsonNode alt : s.get("oneOf")) {
                List<String> p = new ArrayList<>();
                check(root, alt, data, at, p);
                ok += p.isEmpty() ? 1 : 0;
                first = first == null || p.size() < first.size() ? p : first;
            }
            if (ok != 1) {
                problems.add(at + ": matches " + ok + " alternatives of oneOf; nearest: " + first);
            }
            return;
        }
        if (s.has("const") && !s.get("const").equals(data)) {
            problems.add(at + ": expected " + s.get("const") + ", got " + data);
        }
        if (s.has("enum") && !contains(s.get("enum"), data)) {
            problems.add(at + ": " + data + " is not one of " + s.get("enum"));
        }
        if (data.isArray() && s.has("items")) {
            for (int i = 0; i < data.size(); i++) {
                check(root, s.get("items"), data.get(i), at + "[" + i + "]", problems);
            }
        }
        if (!data.isObject()) {
            return;
        }
        JsonNode props = s.has("properties") ? s.get("properties") : MAPPER.createObjectNode();
        List<JsonNode> all = new ArrayList<>(List.of(s));
        if (s.has("allOf")) {
            s.get("allOf").forEach(x -> all.add(resolve(root, x)));
        }
        for (JsonNode req : s.path("required")) {
            if (!data.has(req.asText())) {
                problems.add(at + ": required key '" + req.asText() + "' is missing");
            }
        }
        data.properties().forEach(e -> {
            JsonNode sub = all.stream().map(x -> x.path("properties").get(e.getKey())).filter(x -> x != null).findFirst()
                    .orElse(s.has("additionalProperties") ? s.get("additionalProperties") : null);
            if (sub == null && (props.size() > 0 || all.size() > 1)) {
                problems.add(at + ": key '" + e.getKey() + "' is not declared");
            } else if (sub != null) {
                check(root, sub, e.getValue(), at + "." + e.getKey(), problems);
            }
        });
    }

    private static boolean contains(JsonNode values, JsonNode v) {
        for (JsonNode x : values) {
            if (x.equals(v)) {
                return true;
            }
        }
        return false;
    }
}
