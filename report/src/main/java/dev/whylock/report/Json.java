package dev.whylock.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.analysis.EraserState;
import dev.whylock.engine.result.Step;
import dev.whylock.engine.result.StopReason;
import dev.whylock.engine.result.Trace;
import dev.whylock.engine.result.Violation;
import dev.whylock.engine.result.Wait;
import dev.whylock.engine.why.Necessity;
import dev.whylock.engine.why.ReplacementOutcome;
import dev.whylock.engine.why.ReplacementVerdict;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;

/**
 * The one JSON mapper of saved results: the engine's records are bound as they are (record
 * components become keys), enums are written by their stable keys ({@code use-after-free}), lock
 * experiments in their command-line form, and every file starts with {@link #SCHEMA_VERSION}.
 */
final class Json {

    /** The version of the saved-result format; docs/result-schema.json describes it. Readers reject any other. */
    static final int SCHEMA_VERSION = 2;

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(module())
            .addMixIn(ReplacementOutcome.class, WithVerdict.class)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** Nesting deeper than this is written on one line: a trace step, a list of decisions. */
    static final int INDENTED_LEVELS = 4;

    // Fixed "\n" and "key": value spacing so golden files do not depend on the platform.
    private static final ObjectWriter WRITER = MAPPER.writer(new ShallowPrinter());

    /** Two spaces per level and "\n" up to {@link #INDENTED_LEVELS}; anything deeper on one line. */
    private static final class ShallowPrinter extends DefaultPrettyPrinter {
        private static final long serialVersionUID = 1L;

        ShallowPrinter() {
            _separators = Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER);
            _objectFieldValueSeparatorWithSpaces = ": ";
            Indenter indenter = new DefaultIndenter("  ", "\n") {
                private static final long serialVersionUID = 1L;

                @Override
                public void writeIndentation(JsonGenerator g, int level) throws IOException {
                    if (level <= INDENTED_LEVELS) {
                        super.writeIndentation(g, level);
                    } else {
                        g.writeRaw(' ');
                    }
                }
            };
            _objectIndenter = indenter;
            _arrayIndenter = indenter;
        }

        @Override
        public DefaultPrettyPrinter createInstance() {
            return new ShallowPrinter();
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            if (_nesting > INDENTED_LEVELS) {
                _nesting--;
                g.writeRaw(" }");
            } else {
                super.writeEndObject(g, entries);
            }
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            if (_nesting > INDENTED_LEVELS) {
                _nesting--;
                g.writeRaw(" ]");
            } else {
                super.writeEndArray(g, values);
            }
        }
    }

    /** Writes a replacement's computed verdict too, for readers of the JSON; reading recomputes it. */
    @JsonIgnoreProperties(value = "verdict", allowGetters = true)
    private abstract static class WithVerdict {
        @JsonProperty("verdict")
        abstract ReplacementVerdict verdict();
    }

    private Json() {}

    private static SimpleModule module() {
        SimpleModule m = new SimpleModule("whylock");
        keyed(m, ViolationKind.class, ViolationKind::key);
        keyed(m, StopReason.class, StopReason::key);
        keyed(m, Necessity.class, Necessity::key);
        keyed(m, ReplacementVerdict.class, ReplacementVerdict::key);
        keyed(m, EraserState.class, EraserState::key);
        keyed(m, GuardedByCheck.Status.class, GuardedByCheck.Status::key);
        keyed(m, LockExperiment.class, LockExperiment::toString, LockExperiment::parse);
        m.addSerializer(Violation.class, new JsonSerializer<Violation>() {
            @Override
            public void serialize(Violation v, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeStartObject();
                g.writeObjectField("kind", v.kind());
                g.writeStringField("message", v.message());
                if (v.task() != null) {
                    g.writeStringField("task", v.task());
                }
                g.writeObjectField("trace", v.trace().steps());
                g.writeNumberField("preemptions", v.trace().preemptions());
                g.writeObjectField("tasks", v.trace().tasks());
                g.writeObjectField("decisions", v.decisions());
                g.writeNumberField("execution", v.execution());
                if (!v.waits().isEmpty()) {
                    g.writeObjectField("waits", v.waits());
                }
                if (v.afterFailure()) {
                    g.writeBooleanField("afterFailure", true);
                }
                g.writeEndObject();
            }
        });
        m.addDeserializer(Violation.class, new JsonDeserializer<Violation>() {
            @Override
            public Violation deserialize(JsonParser p, DeserializationContext c) throws IOException {
                JsonNode n = p.readValueAsTree();
                JsonNode kind = n.get("kind");
                JsonNode trace = n.get("trace");
                if (kind == null || trace == null || !trace.isArray() || !n.has("message")) {
                    return (Violation) c.handleUnexpectedToken(Violation.class, p);
                }
                List<Step> steps = List.of(c.readTreeAsValue(trace, Step[].class));
                int preemptions = (int) steps.stream().filter(Step::preemption).count();
                List<String> tasks = n.has("tasks") ? List.of(c.readTreeAsValue(n.get("tasks"), String[].class))
                        : steps.stream().map(Step::task).distinct().toList();
                List<Integer> decisions = n.has("decisions") ? List.of(c.readTreeAsValue(n.get("decisions"), Integer[].class)) : List.of();
                List<Wait> waits = n.has("waits") ? List.of(c.readTreeAsValue(n.get("waits"), Wait[].class)) : List.of();
                return new Violation(c.readTreeAsValue(kind, ViolationKind.class), n.get("message").asText(),
                        n.hasNonNull("task") ? n.get("task").asText() : null, new Trace(steps, preemptions, tasks), decisions,
                        n.path("execution").asLong(), waits, n.path("afterFailure").asBoolean(false));
            }
        });
        return m;
    }

    /** An enum written as its stable key ({@code use-after-free}) and read back by it. */
    private static <E extends Enum<E>> void keyed(SimpleModule m, Class<E> type, Function<E, String> key) {
        keyed(m, type, key, text -> {
            for (E e : type.getEnumConstants()) {
                if (key.apply(e).equals(text)) {
                    return e;
                }
            }
            throw new IllegalArgumentException("unknown " + type.getSimpleName() + " '" + text + "'");
        });
    }

    /** Writes {@code T} as the string {@code key} gives and reads it back with {@code parse}. */
    private static <T> void keyed(SimpleModule m, Class<T> type, Function<T, String> key, Function<String, T> parse) {
        m.addSerializer(type, new JsonSerializer<T>() {
            @Override
            public void serialize(T value, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeString(key.apply(value));
            }
        });
        m.addDeserializer(type, new JsonDeserializer<T>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext c) throws IOException {
                String text = p.getValueAsString();
                try {
                    return parse.apply(text);
                } catch (IllegalArgumentException e) {
                    return type.cast(c.handleWeirdStringValue(type, text, e.getMessage()));
                }
            }
        });
    }

    /** A new object that starts with the schema version and what kind of result it is. */
    static ObjectNode head(String result) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("schemaVersion", SCHEMA_VERSION);
        o.put("result", result);
        return o;
    }

    static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    static void write(JsonNode node, Appendable out) throws IOException {
        out.append(WRITER.writeValueAsString(node)).append('\n');
    }

    static String text(JsonNode node) {
        try {
            return WRITER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a saved result and checks that this whylock reads its schema version. */
    static ObjectNode parse(String text) throws ResultFormatException {
        JsonNode n;
        try {
            n = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ResultFormatException("not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        }
        if (n == null || !n.isObject()) {
            throw new ResultFormatException("not a whylock JSON result: expected a JSON object at the top level");
        }
        JsonNode v = n.get("schemaVersion");
        if (v == null) {
            throw new ResultFormatException("this JSON result has no 'schemaVersion': it was written by an older whylock (or is not a "
                    + "whylock result); re-run the command to get a result this whylock reads (schema version " + SCHEMA_VERSION + ")");
        }
        if (!v.isInt() || v.asInt() != SCHEMA_VERSION) {
            throw new ResultFormatException("this JSON result has schema version " + v + ", but this whylock reads version "
                    + SCHEMA_VERSION + "; re-run the command with this whylock");
        }
        return (ObjectNode) n;
    }

    /** Binds {@code node} to {@code type}, turning Jackson's complaint into a message that names the key. */
    static <T> T bind(JsonNode node, Class<T> type, String where) throws ResultFormatException {
        if (node == null || node.isNull()) {
            throw new ResultFormatException(where + ": missing");
        }
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            String msg = e instanceof JsonProcessingException j ? j.getOriginalMessage() : String.valueOf(e.getMessage());
            String path = e instanceof com.fasterxml.jackson.databind.JsonMappingException jm ? jm.getPathReference() : "";
            throw new ResultFormatException(where + ": " + (msg == null ? "missing or malformed key" : msg.lines().findFirst().orElse(msg))
                    + (path == null || path.isEmpty() ? "" : " (at " + path.replaceAll("[a-zA-Z.]*\\.", "") + ")"), e);
        }
    }

    /** An optional object key bound to {@code type}: {@code null} when absent or JSON null. */
    static <T> T optional(JsonNode parent, String key, Class<T> type) throws ResultFormatException {
        return parent.hasNonNull(key) ? bind(parent.get(key), type, key) : null;
    }

    /** A required string key. */
    static String text(JsonNode parent, String key) throws ResultFormatException {
        JsonNode n = parent.get(key);
        if (n == null || !n.isTextual()) {
            throw new ResultFormatException("missing or non-string key '" + key + "'");
        }
        return n.asText();
    }

    /** A required integer key. */
    static long number(JsonNode parent, String key) throws ResultFormatException {
        JsonNode n = parent.get(key);
        if (n == null || !n.isIntegralNumber()) {
            throw new ResultFormatException("missing or non-integer key '" + key + "'");
        }
        return n.asLong();
    }

    /** A required boolean key. */
    static boolean bool(JsonNode parent, String key) throws ResultFormatException {
        JsonNode n = parent.get(key);
        if (n == null || !n.isBoolean()) {
            throw new ResultFormatException("missing or non-boolean key '" + key + "'");
        }
        return n.asBoolean();
    }

    /** An optional string key: {@code null} when absent or JSON null. */
    static String textOr(JsonNode parent, String key) {
        JsonNode n = parent.get(key);
        return n == null || n.isNull() ? null : n.asText();
    }
}
