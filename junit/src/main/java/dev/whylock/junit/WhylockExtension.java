package dev.whylock.junit;

import dev.whylock.engine.analysis.Analyses;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.result.ReplayFile;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.Replayer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
import dev.whylock.jvm.JavaProgram;
import dev.whylock.jvm.JavaResult;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * Runs a {@link WhylockTest} method under whylock instead of once: the test class is loaded again
 * from its class path with its classes rewritten, and the method (with the class's lifecycle
 * methods around it) becomes the program that DPOR explores.
 */
public final class WhylockExtension implements InvocationInterceptor {

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call, ExtensionContext context)
            throws Throwable {
        invocation.skip();
        Method m = call.getExecutable();
        Class<?> c = context.getRequiredTestClass();
        WhylockTest cfg = AnnotationSupport.findAnnotation(m, WhylockTest.class).orElseThrow();
        check(c, m);
        List<String> before = new ArrayList<>(names(c, BeforeAll.class));
        before.addAll(names(c, BeforeEach.class));
        List<String> after = new ArrayList<>(names(c, AfterEach.class));
        after.addAll(names(c, AfterAll.class));
        if (cfg.spuriousWakeups() < 0) {
            throw new ExtensionConfigurationException("@WhylockTest(spuriousWakeups = " + cfg.spuriousWakeups() + "): must be 0 or more");
        }
        try (JavaProgram p = JavaProgram.ofTest(c.getName(), m.getName(), c.getClassLoader(), before, after)
                .spuriousWakeups(cfg.spuriousWakeups())) {
            if (!cfg.replay().isEmpty()) {
                replay(p, Path.of(cfg.replay()));
            } else {
                explore(p, cfg, c, m, context);
            }
        }
    }

    private static void check(Class<?> c, Method m) {
        if (m.getParameterCount() > 0) {
            throw new ExtensionConfigurationException("@WhylockTest " + m.getName() + " takes parameters; whylock runs test methods "
                    + "without arguments (resolve what it needs inside the method)");
        }
        if (c.getEnclosingClass() != null && !Modifier.isStatic(c.getModifiers())) {
            throw new ExtensionConfigurationException("@WhylockTest in an inner (@Nested) class: whylock needs a top-level or static "
                    + "test class it can create with its no-argument constructor");
        }
    }

    private static List<String> names(Class<?> c, Class<? extends Annotation> a) {
        return AnnotationSupport.findAnnotatedMethods(c, a, HierarchyTraversalMode.TOP_DOWN).stream().map(Method::getName).toList();
    }

    private static void explore(JavaProgram p, WhylockTest cfg, Class<?> c, Method m, ExtensionContext context) throws IOException {
        Analyses analyses = new Analyses(Set.of());
        SearchConfig sc = SearchConfig.of(StrategySpec.dpor()).withRun(RunConfig.defaults()).withMaxExecutions(cfg.maxExecutions())
                .withTimeLimit(cfg.timeLimitSeconds() * 1000, System::nanoTime).withObservers(analyses.observers());
        JavaResult jr = JavaResult.of(Explorer.explore(p, sc), p.notes());
        ExplorationResult r = jr.result().withViolations(analyses.report().races().violations(),
                cfg.dataRaces() ? Set.of() : Set.of(dev.whylock.engine.ViolationKind.DATA_RACE));
        if (!jr.notControlled().isEmpty() || !jr.notReset().isEmpty()) {
            context.publishReportEntry("whylock", "not exhaustive; not controlled: " + String.join("; ", jr.notControlled())
                    + (jr.notReset().isEmpty() ? "" : "; not reset: " + String.join("; ", jr.notReset())));
        }
        if (r.hasViolation()) {
            Path file = Failure.replayFile(c, m);
            Failure.writeReplay(file, c, m, r.violations().get(0));
            throw new AssertionError(Failure.message(r, jr, c.getSimpleName() + "." + m.getName(), file));
        }
    }

    private static void replay(JavaProgram p, Path file) throws IOException {
        ReplayFile rf;
        try {
            rf = ReplayFile.parse(Files.readString(file));
        } catch (ReplayFile.FormatException | IOException e) {
            throw new ExtensionConfigurationException("@WhylockTest(replay = \"" + file + "\"): " + e.getMessage());
        }
        Replayer.Outcome o = Replayer.replay(p, RunConfig.defaults(), rf);
        String key = rf.header().get("violation");
        if (o.error() != null || o.divergence() >= 0) {
            throw new AssertionError("whylock: the replay " + file + " no longer follows the recorded interleaving ("
                    + (o.error() != null ? o.error() : "diverged at step " + (o.divergence() + 1)) + "): the code changed since it "
                    + "was recorded; remove replay = \"...\" to explore again");
        }
        if (o.reproduced(key)) {
            throw new AssertionError(Failure.replayed(o, key, file));
        }
    }
}
