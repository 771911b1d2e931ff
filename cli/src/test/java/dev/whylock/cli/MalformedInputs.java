package dev.whylock.cli;

import dev.whylock.linux.model.Model;
import dev.whylock.linux.model.Models;
import dev.whylock.linux.model.OpInfo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * A seeded generator of inputs that are wrong by construction: scenario files with one mistake
 * (an unknown op, key, context, invariant or module type, a value of the wrong type, broken YAML,
 * bytes that are not UTF-8) and command lines with at least one bad flag, mixed with valid
 * output flags. A generated name is checked against the model's catalogue so that a typo can never
 * land on a valid name by chance.
 */
final class MalformedInputs {

    /** One generated case: the files to create in the working directory and the arguments. */
    record Case(String what, Map<String, byte[]> files, List<String> args) {
        @Override
        public String toString() {
            return what + ": whylock " + String.join(" ", args);
        }
    }

    static final String GOOD = """
            model: sfp-v5.14
            name: fuzz
            setup:
              - sfp_probe
              - mac_probe
              - module_plug: {type: sfp-1000base-x}
              - settle
            threads:
              ethtool: [ethtool_get_module_eeprom]
              unbind: [sfp_remove]
            background: [sfp_timeout, sfp_irq]
            check: all
            """;

    /** Every top-level key a scenario may have, now or soon (bounds: issue 11's model side). */
    private static final List<String> KEYS = List.of("model", "name", "setup", "threads", "background", "check", "bounds");
    /** The long options of explore, without their dashes. */
    private static final List<String> EXPLORE_FLAGS = List.of("scenario", "model", "remove", "replace", "strategy", "max-executions",
            "time-limit", "preemptions", "seed", "timing", "ignore", "json", "html", "trace-out", "quiet", "help", "version");
    private static final String EDIT_CHARS = "abcdefghijklmnopqrstuvwxyz_0123456789-.";

    private final SplittableRandom random;
    private final Model model = Models.get(Models.DEFAULT);
    private final List<String> ops = model.ops().stream().map(OpInfo::name).toList();

    MalformedInputs(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** {@code n} cases, half scenario files and half command lines. */
    List<Case> cases(int n) {
        List<Case> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i % 2 == 0 ? scenario(i) : flags(i));
        }
        return out;
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** One to three random edits of {@code word} that give a name {@code valid} rejects. */
    private String typo(String word, Predicate<String> valid) {
        while (true) {
            StringBuilder b = new StringBuilder(word);
            for (int e = 1 + random.nextInt(3); e > 0; e--) {
                int at = random.nextInt(b.length() + 1);
                char c = EDIT_CHARS.charAt(random.nextInt(EDIT_CHARS.length()));
                switch (random.nextInt(3)) {
                    case 0 -> b.insert(at, c);
                    case 1 -> b.deleteCharAt(Math.min(at, b.length() - 1));
                    default -> b.setCharAt(Math.min(at, b.length() - 1), c);
                }
                if (b.isEmpty()) {
                    b.append('x');
                }
            }
            String s = b.toString();
            if (!valid.test(s) && Character.isLetter(s.charAt(0))) {
                return s;
            }
        }
    }

    private Case scenario(int i) {
        String text;
        String what;
        switch (random.nextInt(13)) {
            case 0 -> {
                String op = pick(List.of("sfp_probe", "mac_probe", "settle", "ethtool_get_module_eeprom", "sfp_remove"));
                text = GOOD.replaceFirst("\\b" + op + "\\b", typo(op, ops::contains));
                what = "op typo";
            }
            case 1 -> {
                text = GOOD + typo("threads", KEYS::contains) + ": x\n";
                what = "unknown key";
            }
            case 2 -> {
                String key = pick(List.of("setup", "threads", "background", "check"));
                String wrong = pick(List.of("5", "true", "{a: b}", "[[1]]", "-3.5"));
                text = replaceValue(GOOD, key, key.equals("check") ? pick(List.of("5", "{a: b}", "[[1]]")) : wrong);
                what = "wrong type for " + key;
            }
            case 3 -> {
                text = GOOD.replace("sfp_timeout, sfp_irq", "sfp_timeout, " + typo("sfp_irq", model.backgroundContexts()::contains));
                what = "unknown background context";
            }
            case 4 -> {
                text = GOOD.replace("check: all", "check: [" + typo("bus-refcount", s -> false) + "-no]");
                what = "unknown invariant";
            }
            case 5 -> {
                text = GOOD.replace("sfp-1000base-x", typo("sfp-1000base-x", model.moduleTypes()::contains));
                what = "unknown module type";
            }
            case 6 -> {
                text = GOOD.replace("{type: sfp-1000base-x}", "{" + typo("type", "type"::equals) + ": sfp-1000base-x}");
                what = "unknown op parameter";
            }
            case 7 -> {
                text = pick(List.of(GOOD.replace("[ethtool_get_module_eeprom]", "[ethtool_get_module_eeprom"),
                        GOOD.replace("{type: sfp-1000base-x}", "{type: sfp-1000base-x"), GOOD.replace("  - sfp_probe", "\t- sfp_probe"),
                        GOOD.replace("threads:", "threads: : :"), "- just\n- a\n- list\n", "\"unterminated\n"));
                what = "broken YAML";
            }
            case 8 -> {
                text = replaceValue(GOOD, "model", typo("sfp-v5.14", Models.names()::contains));
                what = "unknown model";
            }
            case 9 -> {
                text = GOOD.replace("  unbind: [sfp_remove]\n", "  unbind: [" + typo("sfp_remove", ops::contains) + ", sfp_remove]\n");
                what = "op typo in a thread";
            }
            case 10 -> {
                String dup = pick(List.of("  unbind: [sfp_remove]\n", "  ethtool: [ethtool_get_module_eeprom]\n"));
                text = random.nextBoolean() ? GOOD.replace(dup, dup + dup) : GOOD + pick(List.of("check: all\n", "model: sfp-v5.14\n"));
                what = "duplicate key";
            }
            case 11 -> {
                text = GOOD.replace("threads:\n  ethtool: [ethtool_get_module_eeprom]\n  unbind: [sfp_remove]\n", "threads: {}\n");
                what = "no threads";
            }
            default -> {
                byte[] good = GOOD.getBytes(StandardCharsets.UTF_8);
                good[random.nextInt(good.length)] = (byte) (0xC0 | random.nextInt(2));
                Map<String, byte[]> files = new LinkedHashMap<>();
                files.put("s.yaml", good);
                return new Case("#" + i + " not UTF-8", files, withOutputs(new ArrayList<>(List.of("explore", "--scenario", "s.yaml"))));
            }
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("s.yaml", text.getBytes(StandardCharsets.UTF_8));
        String command = pick(List.of("explore", "explore", "lockset", "why"));
        List<String> args = new ArrayList<>(command.equals("why") ? List.of("why", "rtnl_mutex", "--scenario", "s.yaml")
                : List.of(command, "--scenario", "s.yaml"));
        return new Case("#" + i + " " + what, files, withOutputs(args));
    }

    /** {@code yaml} with the value of top-level {@code key} (one line, or a block) replaced by {@code value}. */
    private static String replaceValue(String yaml, String key, String value) {
        return yaml.replaceFirst("(?m)^" + key + ":.*(\\n  .*)*", key + ": " + value);
    }

    /** Valid output flags, some of the time: whatever goes wrong, none of these files may appear. */
    private List<String> withOutputs(List<String> args) {
        if (random.nextBoolean()) {
            args.addAll(List.of("--json", "out.json"));
        }
        if (random.nextInt(3) == 0) {
            args.addAll(List.of("--html", "out.html"));
        }
        if (random.nextInt(3) == 0) {
            args.addAll(List.of("--trace-out", "trace.txt"));
        }
        if (random.nextInt(4) == 0) {
            args.add("--quiet");
        }
        return args;
    }

    private Case flags(int i) {
        List<String> args = new ArrayList<>(List.of("explore", "--scenario", "unbind-cage"));
        String what;
        String lock = pick(model.lockClasses());
        switch (random.nextInt(14)) {
            case 0 -> {
                args.addAll(List.of("--max-executions", pick(List.of("0", "-5", "lots", "1e6", "99999999999999", "1,000"))));
                what = "bad --max-executions";
            }
            case 1 -> {
                args.addAll(List.of("--preemptions", pick(List.of("-1", "101", "two", "1.5"))));
                what = "bad --preemptions";
            }
            case 2 -> {
                args.addAll(List.of("--time-limit", pick(List.of("0", "30x", "-1s", "1.5s", "8d", "999h", "", "s", "0ms"))));
                what = "bad --time-limit";
            }
            case 3 -> {
                args.addAll(List.of("--strategy", typo("dpor", ExploreCommand.STRATEGIES::contains)));
                what = "unknown strategy";
            }
            case 4 -> {
                args.addAll(List.of("--remove", typo(lock, l -> LockNames.resolve(model, l) != null || l.endsWith("-"))));
                what = "unknown lock";
            }
            case 5 -> {
                String site = pick(ListCommand.sites(model, lock)).substring(lock.length() + 1);
                args.addAll(List.of("--remove", lock + "@" + typo(site, s -> model.sites().contains(lock + "@" + s))));
                what = "unknown site";
            }
            case 6 -> {
                String other = pick(model.lockClasses().stream().filter(l -> !l.equals(lock) && !l.contains(">")).toList());
                args.addAll(List.of("--replace", lock + "=" + typo(other, l -> model.lockClasses().contains(l)
                        || LockNames.resolve(model, l) != null || l.length() < 3 || minDistance(l) > LockNames.TYPO_EDITS)));
                what = "replacement lock two edits from an existing one";
            }
            case 7 -> {
                String site = pick(ListCommand.sites(model, lock)).substring(lock.length() + 1);
                args.addAll(List.of("--remove", random.nextBoolean() ? lock : lock + "@" + site, "--replace", lock + "@" + site + "=fuzz_lock"));
                what = "remove and replace the same site";
            }
            case 8 -> {
                args.addAll(List.of(pick(List.of("--remove", "--replace")), pick(List.of("@", lock + "@", "=x", lock + "=", "@f=x"))));
                what = "malformed experiment";
            }
            case 9 -> {
                args.addAll(List.of("--model", typo("sfp-v6.5", Models.names()::contains)));
                what = "unknown model";
            }
            case 10 -> {
                args.add("--" + typo(pick(EXPLORE_FLAGS), EXPLORE_FLAGS::contains));
                what = "unknown flag";
            }
            case 11 -> {
                args.addAll(List.of("--timing", typo("ordered", s -> s.equals("untimed") || s.equals("ordered"))));
                what = "unknown timing";
            }
            case 12 -> {
                args.addAll(List.of("--ignore", typo("data-race", s -> s.equals("data-race") || s.equals("deadlock"))));
                what = "unknown --ignore kind";
            }
            default -> {
                args = new ArrayList<>(List.of("why", typo(lock, l -> LockNames.resolve(model, l) != null)));
                what = "why of an unknown lock";
            }
        }
        // The valid flags go before the bad one half of the time (after explore's --scenario S), so that order cannot matter.
        List<String> valid = withOutputs(new ArrayList<>());
        if (random.nextBoolean()) {
            args.addAll(args.get(0).equals("explore") ? 3 : 2, valid);
        } else {
            args.addAll(valid);
        }
        return new Case("#" + i + " " + what, Map.of(), args);
    }

    /** Edits from {@code name} to the nearest lock class of the model. */
    private int minDistance(String name) {
        return model.lockClasses().stream().mapToInt(l -> dev.whylock.linux.model.Suggest.distance(name, l)).min().orElseThrow();
    }
}
