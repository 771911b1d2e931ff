package dev.whylock.jvm.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.examples.GuardedWait;
import dev.whylock.examples.Transfers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The --suggest-annotations patch: a unified diff that git apply accepts, with the annotation the class already imports. */
class AnnotationPatchTest {

    @TempDir
    Path dir;

    private static Path sources() {
        // jvm's tests run in jvm/; the examples' sources are beside it.
        Path p = Path.of("..", "examples", "src", "main", "java").toAbsolutePath().normalize();
        assertTrue(Files.isDirectory(p), p.toString());
        return p;
    }

    private void copy(Path root, Class<?> c) throws IOException {
        Path rel = Path.of(c.getName().replace('.', '/') + ".java");
        Files.createDirectories(dir.resolve("src").resolve(rel).getParent());
        Files.copy(root.resolve(rel), dir.resolve("src").resolve(rel));
    }

    private static String git(Path in, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "core.autocrlf=false"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(in.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        return code + ":" + out;
    }

    private AnnotationPatch patch(Class<?>... classes) {
        GuardDeclarations d = GuardDeclarations.read(List.of(GuardedByTest.examples()));
        SourceFiles sources = SourceFiles.of(List.of(dir.resolve("src")), List.of());
        List<GuardSuggestions.Suggestion> all = new ArrayList<>();
        for (Class<?> c : classes) {
            all.addAll(GuardedByTest.explore(c).suggestions(sources));
        }
        return AnnotationPatch.of(all, d, sources, dir);
    }

    @Test
    void patch_forClassesWithoutAnImport_addsErrorPronesAnnotationAndImport_andGitApplyAcceptsIt() throws Exception {
        copy(sources(), Transfers.class);
        copy(sources(), GuardedWait.class);
        AnnotationPatch p = patch(Transfers.class, GuardedWait.class);
        assertEquals(List.of("src/dev/whylock/examples/Transfers.java: Transfers.Account.balance @GuardedBy(\"this\")",
                "src/dev/whylock/examples/GuardedWait.java: GuardedWait.ready @GuardedBy(\"lock\")"), p.added());
        assertEquals(List.of(), p.skipped());
        Files.writeString(dir.resolve("guards.patch"), p.text());
        assertEquals("0:", git(dir, "init", "-q").strip());
        assertEquals("0:", git(dir, "apply", "--check", "guards.patch").strip(), p.text());
        assertEquals("0:", git(dir, "apply", "guards.patch").strip());
        String transfers = Files.readString(dir.resolve("src/dev/whylock/examples/Transfers.java"));
        assertTrue(transfers.contains("import com.google.errorprone.annotations.concurrent.GuardedBy;\n"), transfers);
        assertTrue(transfers.contains("        @GuardedBy(\"this\")\n        private int balance;\n"), transfers);
        String waits = Files.readString(dir.resolve("src/dev/whylock/examples/GuardedWait.java"));
        assertTrue(waits.contains("    @GuardedBy(\"lock\")\n    static boolean ready;\n"), waits);
    }

    @Test
    void patch_forAClassThatImportsJcip_usesJcipsAnnotation_withoutAnotherImport() throws Exception {
        copy(sources(), Transfers.class);
        Path file = dir.resolve("src/dev/whylock/examples/Transfers.java");
        Files.writeString(file, Files.readString(file).replace("package dev.whylock.examples;\n",
                "package dev.whylock.examples;\n\nimport net.jcip.annotations.GuardedBy;\n"));
        AnnotationPatch p = patch(Transfers.class);
        assertTrue(p.text().contains("+        @GuardedBy(\"this\")"), p.text());
        assertTrue(!p.text().contains("+import"), p.text());
        Files.writeString(dir.resolve("guards.patch"), p.text());
        git(dir, "init", "-q");
        assertEquals("0:", git(dir, "apply", "--check", "guards.patch").strip(), p.text());
    }

    @Test
    void patch_withoutTheSource_skipsTheFieldAndSaysWhere() {
        AnnotationPatch p = patch(Transfers.class);
        assertEquals("", p.text());
        assertEquals(1, p.skipped().size());
        assertTrue(p.skipped().get(0).startsWith("Transfers.Account.balance: no source found"), p.skipped().get(0));
    }
}
