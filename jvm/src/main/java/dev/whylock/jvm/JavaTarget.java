package dev.whylock.jvm;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What to run: a class, the method that is the program ({@code main} by default; or a public
 * static no-argument method; or a no-argument instance method of a class with a no-argument
 * constructor, as a test method is), the class path to find it on, and how many spurious wake-ups
 * each thread may have from {@code Object.wait} and {@code Condition.await} (0: none).
 */
public record JavaTarget(String className, String method, List<Path> classPath, int spuriousWakeups) {

    public JavaTarget {
        classPath = List.copyOf(classPath);
        if (spuriousWakeups < 0) {
            throw new JavaTargetException("--spurious-wakeups must be 0 or more, got " + spuriousWakeups);
        }
    }

    public JavaTarget(String className, String method, List<Path> classPath) {
        this(className, method, classPath, 0);
    }

    /** The same program, each thread allowed {@code n} spurious wake-ups from its untimed waits. */
    public JavaTarget withSpuriousWakeups(int n) {
        return new JavaTarget(className, method, classPath, n);
    }

    /** Parses {@code CLASS[#METHOD]} and a class path of directories and jars separated by the platform's separator. */
    public static JavaTarget parse(String spec, String classPath) {
        if (spec == null || spec.isBlank()) {
            throw new JavaTargetException("--java needs a class name, e.g. --java com.example.Transfers or --java com.example.TransfersTest#concurrentMoves");
        }
        int hash = spec.indexOf('#');
        String cls = hash < 0 ? spec : spec.substring(0, hash);
        String method = hash < 0 ? "main" : spec.substring(hash + 1);
        if (!cls.matches("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*(\\.[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)*")) {
            throw new JavaTargetException("--java " + spec + ": '" + cls + "' is not a class name; expected a fully qualified name such as com.example.Transfers"
                    + (cls.endsWith(".class") || cls.contains("/") ? " (a class name, not a file)" : ""));
        }
        if (!method.matches("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*")) {
            throw new JavaTargetException("--java " + spec + ": '" + method + "' is not a method name; expected CLASS or CLASS#METHOD");
        }
        if (classPath == null || classPath.isBlank()) {
            throw new JavaTargetException("--java " + spec + " needs --class-path: the directories and jars with the compiled classes, e.g. --class-path target/classes");
        }
        List<Path> entries = new ArrayList<>();
        for (String e : classPath.split(File.pathSeparator)) {
            if (e.isBlank()) {
                continue;
            }
            Path p = Path.of(e);
            if (!Files.exists(p)) {
                throw new JavaTargetException("--class-path: '" + e + "' does not exist (expected directories and jars of compiled classes, separated by '"
                        + File.pathSeparator + "')");
            }
            if (!Files.isDirectory(p) && !e.endsWith(".jar") && !e.endsWith(".zip")) {
                throw new JavaTargetException("--class-path: '" + e + "' is neither a directory nor a jar");
            }
            entries.add(p.toAbsolutePath().normalize());
        }
        return new JavaTarget(cls, method, entries);
    }

    /** {@code pkg.Class} for main, else {@code pkg.Class#method}: how reports name the program. */
    public String display() {
        return method.equals("main") ? className : className + "#" + method;
    }

    /** The class path in the platform's notation. */
    public String classPathText() {
        return String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList());
    }
}
