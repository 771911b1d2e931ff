package dev.whylock.jvm.guard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the sources of the application classes are: the {@code --source-path} roots, else next to
 * the classes (a class path directory holding the {@code .java} files too) or in the Maven layout
 * beside them ({@code target/classes} with {@code src/main/java}, {@code target/test-classes} with
 * {@code src/test/java}).
 */
public final class SourceFiles {

    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+([\\w.]+\\.GuardedBy)\\s*;");

    private final List<Path> roots;
    private final Map<Path, String> texts = new HashMap<>();

    private SourceFiles(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    /** The roots to search: {@code sourcePath} when given (non-empty), else the guesses from {@code classPath}. */
    public static SourceFiles of(List<Path> sourcePath, List<Path> classPath) {
        if (!sourcePath.isEmpty()) {
            return new SourceFiles(sourcePath);
        }
        LinkedHashSet<Path> roots = new LinkedHashSet<>();
        for (Path p : classPath) {
            if (!Files.isDirectory(p)) {
                continue;
            }
            Path abs = p.toAbsolutePath().normalize();
            roots.add(abs);
            Path name = abs.getFileName();
            Path target = abs.getParent();
            if (name != null && target != null && target.getFileName() != null && target.getFileName().toString().equals("target")) {
                String set = name.toString().equals("test-classes") ? "test" : "main";
                roots.add(target.getParent().resolve("src").resolve(set).resolve("java"));
            }
        }
        return new SourceFiles(new ArrayList<>(roots));
    }

    public List<Path> roots() {
        return roots;
    }

    /** The source file of class {@code internalName} (its top-level class's file), if found. */
    public Optional<Path> find(String internalName, GuardDeclarations d) {
        String top = GuardDeclarations.topLevel(internalName);
        String file = d.classInfo(top).map(GuardDeclarations.ClassInfo::sourceFile).orElse(null);
        if (file == null) {
            String simple = top.substring(top.lastIndexOf('/') + 1);
            file = simple + ".java";
        }
        int slash = top.lastIndexOf('/');
        String relative = (slash < 0 ? "" : top.substring(0, slash + 1)) + file;
        for (Path r : roots) {
            Path p = r.resolve(relative);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The text of a source file (read once). */
    public String text(Path file) {
        return texts.computeIfAbsent(file, f -> {
            try {
                return Files.readString(f, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
            }
        });
    }

    /** The family the source of the class imports, if its source is found and imports one. */
    public GuardFamily imported(String internalName, GuardDeclarations d) {
        Optional<Path> p = find(internalName, d);
        if (p.isEmpty()) {
            return null;
        }
        Matcher m = IMPORT.matcher(text(p.get()));
        while (m.find()) {
            GuardFamily f = GuardFamily.of(m.group(1));
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    /** The annotation to use in the class: the one its source imports, else the one its class file uses, else Error Prone's. */
    public GuardFamily familyOf(String internalName, GuardDeclarations d) {
        GuardFamily f = imported(internalName, d);
        if (f == null) {
            f = d.familyOf(internalName);
        }
        return f == null ? GuardFamily.ERROR_PRONE : f;
    }
}
