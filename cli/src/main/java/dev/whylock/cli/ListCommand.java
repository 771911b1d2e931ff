package dev.whylock.cli;

import dev.whylock.linux.model.InvariantInfo;
import dev.whylock.linux.model.Model;
import dev.whylock.linux.model.Models;
import dev.whylock.linux.model.OpCall;
import dev.whylock.linux.model.OpInfo;
import dev.whylock.linux.model.Scenario;
import dev.whylock.linux.model.ScenarioLoader;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code whylock list}: the model's catalogue, the names scenario files and flags may use. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"List the models, or a model's built-in scenarios, lock classes, acquisition sites, scenario ops, "
                + "invariants, background contexts or module types.", ""},
        footerHeading = "%nExamples:%n",
        footer = {"  whylock list models", "  whylock list ops", "  whylock list sites --model sfp-v6.5",
            "  whylock list locks --java com.example.Transfers --class-path target/classes",
            "",
            "With --java, 'locks' and 'sites' list what one exploration of the program (DPOR, up to 100,000 executions) saw it take."})
final class ListCommand implements Callable<Integer> {

    static final List<String> WHAT = List.of("models", "scenarios", "locks", "sites", "ops", "invariants", "contexts", "module-types");

    @ParentCommand
    WhylockCommand root;

    @Parameters(paramLabel = "WHAT", completionCandidates = WhatCandidates.class,
            description = "models, scenarios, locks, sites, ops, invariants, contexts or module-types")
    String what;

    @Option(names = "--model", paramLabel = "M", completionCandidates = Candidates.ModelNames.class, description = "The model whose catalogue to list (default sfp-v5.14).")
    String model;

    @Mixin
    JavaOptions javaOptions;

    /** How much of a Java program {@code list} explores. */
    static final long JAVA_EXECUTIONS = 100_000;

    @Override
    public Integer call() {
        String w = ExploreCommand.choice("list", what, WHAT);
        javaOptions.checkExclusive("list", false);
        PrintWriter out = root.io().out();
        if (javaOptions.given()) {
            return java(w, out);
        }
        Model m = ScenarioResolver.model(model);
        switch (w) {
            case "models" -> Models.all().forEach(x -> out.printf("%-10s %s%s%n", x.name(),
                    x.name().equals(Models.DEFAULT) ? "(default) " : "", x.description()));
            case "scenarios" -> scenarios(out, m);
            case "locks" -> m.lockClasses().forEach(l -> out.printf("%-22s taken in %d function%s%n", l, sites(m, l).size(),
                    sites(m, l).size() == 1 ? "" : "s"));
            case "sites" -> m.sites().forEach(out::println);
            case "ops" -> {
                int ow = m.ops().stream().mapToInt(o -> o.name().length()).max().orElse(0) + 2;
                m.ops().forEach(o -> op(out, o, ow));
            }
            case "invariants" -> {
                int iw = m.invariants().stream().mapToInt(i -> i.name().length()).max().orElse(0) + 2;
                m.invariants().forEach((InvariantInfo i) -> out.printf("%-" + iw + "s %s%n", i.name(), i.description()));
            }
            case "contexts" -> m.contexts().forEach(c -> out.println(c.line()));
            default -> m.moduleTypes().forEach(out::println);
        }
        out.flush();
        return ExitCode.OK;
    }

    /** {@code list locks|sites --java}: what one exploration saw the program take. */
    private int java(String w, PrintWriter out) {
        if (model != null) {
            throw new UsageException("list: --model applies to the kernel models, not to --java");
        }
        if (!w.equals("locks") && !w.equals("sites")) {
            throw new UsageException("list " + w + " --java: a Java program has locks and sites to list (list locks --java, list sites --java)");
        }
        JavaLocks locks = JavaLocks.discover(javaOptions.target(), JAVA_EXECUTIONS, 0, root.io().ticker());
        int width = locks.names().stream().mapToInt(String::length).max().orElse(0) + 2;
        for (var e : locks.sites().entrySet()) {
            if (w.equals("locks")) {
                out.printf("%-" + width + "s taken in %d site%s: %s%n", e.getKey(), e.getValue().size(), e.getValue().size() == 1 ? "" : "s",
                        String.join(", ", e.getValue()));
            } else {
                e.getValue().forEach(site -> out.println(e.getKey() + "@" + site));
            }
        }
        if (locks.names().isEmpty()) {
            out.println("(no lock taken in " + locks.executions() + " executions of " + locks.program() + ")");
        }
        if (!locks.exhaustive()) {
            out.println("(seen in the first " + locks.executions() + " executions, not every interleaving: a lock taken only in "
                    + "others is missing)");
        }
        out.flush();
        return ExitCode.OK;
    }

    static List<String> sites(Model m, String lock) {
        return m.sites().stream().filter(s -> s.startsWith(lock + "@")).toList();
    }

    private static void scenarios(PrintWriter out, Model m) {
        int w = m.builtinScenarios().stream().mapToInt(String::length).max().orElse(0) + 2;
        for (String name : m.builtinScenarios()) {
            Scenario s = ScenarioLoader.builtin(name);
            List<String> threads = new ArrayList<>();
            for (Map.Entry<String, List<OpCall>> t : s.threads().entrySet()) {
                threads.add(t.getKey() + " [" + t.getValue().stream().map(OpCall::op).collect(Collectors.joining(", ")) + "]");
            }
            out.printf("%-" + w + "s %s%n", name, threads.isEmpty() ? "(setup only)" : String.join(" vs ", threads));
        }
    }

    private static void op(PrintWriter out, OpInfo o, int width) {
        out.printf("%-" + width + "s %s%n", o.name(), o.description());
        for (OpInfo.Param p : o.params()) {
            out.printf("%-" + width + "s   %s: %s%s%s%n", "", p.name(), p.description(),
                    p.allowed().isEmpty() ? "" : " (" + String.join(", ", p.allowed()) + ")",
                    p.defaultValue() == null ? "" : " default " + p.defaultValue());
        }
    }

    /** Shell completion for WHAT. */
    static final class WhatCandidates extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        WhatCandidates() {
            super(WHAT);
        }
    }
}
