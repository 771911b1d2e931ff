package dev.whylock.linux.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads scenario files (PRODUCT.md "Scenario files") and checks them against the model: ops,
 * arguments, module types, background contexts and invariant names. Every error names the file,
 * line and column and what was expected, with a "did you mean" suggestion.
 */
public final class ScenarioLoader {
    private ScenarioLoader() {}

    private static final String BUILTIN_DIR = "/dev/whylock/linux/scenarios/";
    private static final List<String> KEYS = List.of("model", "name", "setup", "threads", "background", "check", "bounds", "timing");
    /** The keys of {@code bounds:}. */
    private static final List<String> BOUND_KEYS = List.of("work_runs");
    /** The largest {@code work_runs} a scenario may ask for (each run can multiply the executions). */
    static final int MAX_WORK_RUNS = 1000;

    /** Parses a scenario; its {@code model:} key (or the default model) selects what it is checked against. */
    public static Scenario parse(String yamlText, String sourceName) {
        return parse(yamlText, sourceName, null);
    }

    /**
     * Parses a scenario; {@code modelOverride}, when not null, replaces the file's {@code model:}
     * (the CLI's {@code --model}).
     */
    public static Scenario parse(String yamlText, String sourceName, String modelOverride) {
        YamlNode root;
        try {
            root = YamlNode.parse(yamlText);
        } catch (YamlNode.DuplicateKeyException e) {
            throw new ScenarioException(sourceName, e.line, e.column, duplicateKey(e));
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new ScenarioException(sourceName, loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(),
                    "not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Reader(sourceName).scenario(root, modelOverride);
    }

    /** What to say about a key written twice: where the first one is and what to do. */
    private static String duplicateKey(YamlNode.DuplicateKeyException e) {
        String where = e.parent == null ? "" : " in '" + e.parent + "'";
        String todo;
        if ("threads".equals(e.parent)) {
            todo = "two threads cannot share a name (the second would silently replace the first); rename one of them, "
                    + "or merge their op lists into one thread";
        } else if (e.parent == null) {
            todo = "write '" + e.key + ":' once (the second would silently replace the first)";
        } else {
            todo = "a key may appear only once in a mapping (the second would silently replace the first); remove or rename one";
        }
        return "duplicate key '" + e.key + "'" + where + " (first at line " + e.firstLine + ", column " + e.firstColumn
                + "): " + todo;
    }

    /** Loads the built-in scenario {@code name}. */
    public static Scenario builtin(String name) {
        String path = BUILTIN_DIR + name + ".yaml";
        try (InputStream in = ScenarioLoader.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new ScenarioException("builtin:" + name, 0, 0, "no built-in scenario '" + name + "'"
                        + Suggest.didYouMean(name, builtinNames()) + " (built-in scenarios: " + String.join(", ", builtinNames()) + ")");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "builtin:" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the built-in scenarios, in index order. */
    public static List<String> builtinNames() {
        try (InputStream in = ScenarioLoader.class.getResourceAsStream(BUILTIN_DIR + "index.txt")) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One parse: the source name for messages and the model being checked against. */
    private static final class Reader {
        private final String source;
        private Model model;

        Reader(String source) {
            this.source = source;
        }

        private ScenarioException error(YamlNode at, String message) {
            return new ScenarioException(source, at.line, at.column, message);
        }

        private ScenarioException error(int[] pos, String message) {
            return new ScenarioException(source, pos[0], pos[1], message);
        }

        Scenario scenario(YamlNode root, String modelOverride) {
            if (root.kind != YamlNode.Kind.MAP) {
                throw error(root, "expected a scenario mapping with keys " + KEYS + ", found " + root.describe());
            }
            for (String key : root.map.keySet()) {
                if (!KEYS.contains(key)) {
                    throw error(root.keyPos.get(key), "unknown key '" + key + "'" + Suggest.didYouMean(key, KEYS)
                            + " (expected one of: " + String.join(", ", KEYS) + ")");
                }
            }
            String modelName = modelOverride;
            if (modelName == null) {
                YamlNode m = root.map.get("model");
                modelName = m == null ? Models.DEFAULT : scalar(m, "a model name");
                if (!Models.names().contains(modelName)) {
                    throw error(m, "unknown model '" + modelName + "'" + Suggest.didYouMean(modelName, Models.names())
                            + " (expected one of: " + String.join(", ", Models.names()) + ")");
                }
            }
            model = Models.get(modelName);
            YamlNode n = root.map.get("name");
            String name = n == null ? defaultName() : scalar(n, "a scenario name");
            List<OpCall> setup = root.map.containsKey("setup") ? ops(root.map.get("setup"), "setup") : List.of();
            Map<String, List<OpCall>> threads = new LinkedHashMap<>();
            YamlNode t = root.map.get("threads");
            if (t != null && t.kind != YamlNode.Kind.NULL) {
                if (t.kind != YamlNode.Kind.MAP) {
                    throw error(t, "expected 'threads' to map thread names to op lists, found " + t.describe());
                }
                if (t.map.isEmpty()) {
                    throw error(t, "'threads' is an empty mapping, so nothing would race: add at least one thread "
                            + "(e.g. 'threads: {ethtool: [ethtool_get_module_eeprom]}'), or leave 'threads' out "
                            + "for a setup-only scenario");
                }
                for (Map.Entry<String, YamlNode> e : t.map.entrySet()) {
                    threads.put(e.getKey(), ops(e.getValue(), "thread " + e.getKey()));
                }
            }
            List<String> background = names(root.map.get("background"), "background context", model.backgroundContexts());
            List<String> check = checks(root.map.get("check"));
            int workRuns = bounds(root.map.get("bounds"));
            return new Scenario(modelName, name, setup, threads, background, check, source, workRuns, timing(root.map.get("timing")));
        }

        /** {@code timing: untimed|ordered|timed}: the mode the scenario was written for (null when absent). */
        private String timing(YamlNode n) {
            if (n == null || n.kind == YamlNode.Kind.NULL) {
                return null;
            }
            String v = scalar(n, "a timing mode (" + String.join(", ", Scenario.TIMINGS) + ")");
            if (!Scenario.TIMINGS.contains(v)) {
                throw error(n, "unknown timing '" + v + "'" + Suggest.didYouMean(v, Scenario.TIMINGS)
                        + " (expected one of: " + String.join(", ", Scenario.TIMINGS) + ")");
            }
            return v;
        }

        /** {@code bounds: {work_runs: N}}: how often each background work item may start during the race. */
        private int bounds(YamlNode n) {
            if (n == null || n.kind == YamlNode.Kind.NULL) {
                return Scenario.DEFAULT_WORK_RUNS;
            }
            if (n.kind != YamlNode.Kind.MAP) {
                throw error(n, "expected 'bounds' to be a mapping such as 'bounds: {work_runs: 4}', found " + n.describe());
            }
            int workRuns = Scenario.DEFAULT_WORK_RUNS;
            for (Map.Entry<String, YamlNode> e : n.map.entrySet()) {
                if (!BOUND_KEYS.contains(e.getKey())) {
                    throw error(n.keyPos.get(e.getKey()), "unknown bound '" + e.getKey() + "'" + Suggest.didYouMean(e.getKey(), BOUND_KEYS)
                            + " (expected one of: " + String.join(", ", BOUND_KEYS) + ")");
                }
                String v = scalar(e.getValue(), "a number for 'work_runs'");
                try {
                    workRuns = Integer.parseInt(v);
                } catch (NumberFormatException x) {
                    workRuns = -1;
                }
                if (workRuns < 1 || workRuns > MAX_WORK_RUNS) {
                    throw error(e.getValue(), "work_runs must be a whole number from 1 to " + MAX_WORK_RUNS + ", got '" + v
                            + "' (how many times each background work item may start during the race; default "
                            + Scenario.DEFAULT_WORK_RUNS + ")");
                }
            }
            return workRuns;
        }

        private String defaultName() {
            String s = source.substring(source.lastIndexOf('/') + 1);
            if (s.startsWith("builtin:")) {
                s = s.substring("builtin:".length());
            }
            return s.endsWith(".yaml") ? s.substring(0, s.length() - 5) : s.endsWith(".yml") ? s.substring(0, s.length() - 4) : s;
        }

        private String scalar(YamlNode n, String what) {
            if (n.kind != YamlNode.Kind.SCALAR) {
                throw error(n, "expected " + what + ", found " + n.describe());
            }
            return n.scalar;
        }

        private List<OpCall> ops(YamlNode list, String where) {
            if (list.kind == YamlNode.Kind.NULL) {
                return List.of();
            }
            List<YamlNode> items = list.kind == YamlNode.Kind.SEQ ? list.seq : List.of(list);
            List<OpCall> out = new ArrayList<>();
            for (YamlNode item : items) {
                out.add(op(item, where));
            }
            return out;
        }

        private OpCall op(YamlNode item, String where) {
            String name;
            YamlNode argsNode = null;
            if (item.kind == YamlNode.Kind.SCALAR) {
                name = item.scalar;
            } else if (item.kind == YamlNode.Kind.MAP && item.map.size() == 1) {
                name = item.map.keySet().iterator().next();
                argsNode = item.map.get(name);
            } else {
                throw error(item, "expected an op in " + where + " (a name such as 'sfp_probe', or 'op: {arg: value}'), found "
                        + item.describe());
            }
            OpInfo info = null;
            for (OpInfo o : model.ops()) {
                if (o.name().equals(name)) {
                    info = o;
                }
            }
            if (info == null) {
                List<String> names = model.ops().stream().map(OpInfo::name).toList();
                throw error(item, "unknown op '" + name + "' in " + where + Suggest.didYouMean(name, names)
                        + " (expected one of: " + String.join(", ", names) + ")");
            }
            Map<String, String> args = new LinkedHashMap<>();
            if (argsNode != null && argsNode.kind != YamlNode.Kind.NULL) {
                if (argsNode.kind == YamlNode.Kind.SCALAR && info.params().size() == 1) {
                    args.put(info.params().get(0).name(), argsNode.scalar);
                    checkValue(info, info.params().get(0), argsNode.scalar, argsNode);
                } else if (argsNode.kind == YamlNode.Kind.MAP) {
                    for (Map.Entry<String, YamlNode> e : argsNode.map.entrySet()) {
                        OpInfo.Param p = info.param(e.getKey());
                        if (p == null) {
                            List<String> pn = info.params().stream().map(OpInfo.Param::name).toList();
                            throw error(argsNode.keyPos.get(e.getKey()), "op '" + name + "' has no argument '" + e.getKey() + "'"
                                    + Suggest.didYouMean(e.getKey(), pn)
                                    + (pn.isEmpty() ? " (it takes no arguments)" : " (expected: " + String.join(", ", pn) + ")"));
                        }
                        String v = scalar(e.getValue(), "a value for '" + e.getKey() + "'");
                        checkValue(info, p, v, e.getValue());
                        args.put(p.name(), v);
                    }
                } else {
                    throw error(argsNode, "expected the arguments of '" + name + "' as a mapping, found " + argsNode.describe());
                }
            }
            for (OpInfo.Param p : info.params()) {
                if (!args.containsKey(p.name())) {
                    if (p.defaultValue() == null) {
                        throw error(item, "op '" + name + "' needs argument '" + p.name() + "' (" + p.description()
                                + (p.allowed().isEmpty() ? "" : ": one of " + String.join(", ", p.allowed())) + ")");
                    }
                    args.put(p.name(), p.defaultValue());
                }
            }
            if (name.equals("model_option") && !where.equals("setup")) {
                throw error(item, "op 'model_option' may only be used in setup");
            }
            return new OpCall(name, args, item.line, item.column);
        }

        private void checkValue(OpInfo info, OpInfo.Param p, String v, YamlNode at) {
            if (p.range() != null && !p.range().admits(v)) {
                throw error(at, "'" + p.name() + "' of op '" + info.name() + "' must be a whole number from "
                        + p.range().min() + " to " + p.range().max() + ", got '" + v + "' (" + p.description() + ")");
            }
            if (!p.allowed().isEmpty() && !p.allowed().contains(v)) {
                String what = p.name().equals("type") ? "module type" : "value for '" + p.name() + "'";
                throw error(at, "unknown " + what + " '" + v + "' for op '" + info.name() + "'" + Suggest.didYouMean(v, p.allowed())
                        + " (expected one of: " + String.join(", ", p.allowed()) + ")");
            }
        }

        private List<String> names(YamlNode n, String what, List<String> valid) {
            if (n == null || n.kind == YamlNode.Kind.NULL) {
                return List.of();
            }
            List<YamlNode> items = n.kind == YamlNode.Kind.SEQ ? n.seq : List.of(n);
            List<String> out = new ArrayList<>();
            for (YamlNode i : items) {
                String s = scalar(i, "a " + what);
                if (!valid.contains(s)) {
                    throw error(i, "unknown " + what + " '" + s + "'" + Suggest.didYouMean(s, valid)
                            + " (expected one of: " + String.join(", ", valid) + ")");
                }
                out.add(s);
            }
            return out;
        }

        private List<String> checks(YamlNode n) {
            if (n == null || n.kind == YamlNode.Kind.NULL) {
                return List.of("all");
            }
            if (n.kind == YamlNode.Kind.SCALAR && n.scalar.equals("all")) {
                return List.of("all");
            }
            List<String> valid = new ArrayList<>(model.invariants().stream().map(InvariantInfo::name).toList());
            List<String> out = names(n, "invariant", valid);
            return Set.copyOf(out).size() == out.size() ? out : List.copyOf(new java.util.LinkedHashSet<>(out));
        }
    }
}
