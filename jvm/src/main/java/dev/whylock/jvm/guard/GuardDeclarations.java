package dev.whylock.jvm.guard;

import dev.whylock.jvm.instrument.JavaNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The application classes of a class path as far as {@code @GuardedBy} is concerned: every field
 * (so that suggestions can tell static from instance fields), the annotations already on them,
 * and which annotation family each class uses. Read from the class files with ASM: JSR-305's and
 * Error Prone's annotations are kept in the class file though not at run time.
 */
public final class GuardDeclarations {

    /** A field of an application class; {@code guard} is its {@code @GuardedBy} value, or null. */
    public record FieldInfo(String owner, String name, boolean isStatic, String guard, GuardFamily family) {
        /** The field as reports and locksets name it, e.g. {@code AccountTransfer.Account.balance}. */
        public String display() {
            return JavaNames.simple(owner) + "." + name;
        }
    }

    /** One class: its internal name, source file name (or null) and the annotation family it uses (or null). */
    public record ClassInfo(String name, String sourceFile, GuardFamily family) {}

    private final Map<String, ClassInfo> classes;
    private final Map<String, FieldInfo> fields;

    private GuardDeclarations(Map<String, ClassInfo> classes, Map<String, FieldInfo> fields) {
        this.classes = classes;
        this.fields = fields;
    }

    /** Reads every class file in the directories and jars of {@code classPath}. */
    public static GuardDeclarations read(List<Path> classPath) {
        Map<String, ClassInfo> classes = new TreeMap<>();
        Map<String, FieldInfo> fields = new LinkedHashMap<>();
        for (Path p : classPath) {
            try {
                if (Files.isDirectory(p)) {
                    try (Stream<Path> s = Files.walk(p)) {
                        for (Path f : s.filter(x -> x.toString().endsWith(".class")).sorted().toList()) {
                            scan(Files.readAllBytes(f), classes, fields);
                        }
                    }
                } else if (Files.isRegularFile(p)) {
                    try (ZipFile z = new ZipFile(p.toFile())) {
                        for (var e : z.stream().filter(x -> x.getName().endsWith(".class")).toList()) {
                            try (InputStream in = z.getInputStream(e)) {
                                scan(in.readAllBytes(), classes, fields);
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the classes in " + p + ": " + e.getMessage(), e);
            }
        }
        return new GuardDeclarations(classes, fields);
    }

    private static void scan(byte[] bytes, Map<String, ClassInfo> classes, Map<String, FieldInfo> fields) {
        ClassReader r = new ClassReader(bytes);
        if (r.getClassName().equals("module-info")) {
            return;
        }
        GuardFamily[] used = new GuardFamily[1];
        String[] source = new String[1];
        List<FieldInfo> own = new ArrayList<>();
        r.accept(new ClassVisitor(Opcodes.ASM9) {
            private void note(String descriptor) {
                GuardFamily f = GuardFamily.of(descriptor);
                if (f != null && used[0] == null) {
                    used[0] = f;
                }
            }

            @Override
            public void visitSource(String file, String debug) {
                source[0] = file;
            }

            @Override
            public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                note(descriptor);
                return null;
            }

            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
                String owner = r.getClassName();
                FieldInfo plain = new FieldInfo(owner, name, isStatic, null, null);
                own.add(plain);
                int index = own.size() - 1;
                return new FieldVisitor(Opcodes.ASM9) {
                    @Override
                    public AnnotationVisitor visitAnnotation(String d, boolean visible) {
                        GuardFamily f = GuardFamily.of(d);
                        note(d);
                        if (f == null) {
                            return null;
                        }
                        return new AnnotationVisitor(Opcodes.ASM9) {
                            @Override
                            public void visit(String n, Object v) {
                                if ("value".equals(n)) {
                                    own.set(index, new FieldInfo(owner, name, isStatic, String.valueOf(v), f));
                                }
                            }
                        };
                    }
                };
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public AnnotationVisitor visitAnnotation(String d, boolean visible) {
                        note(d);
                        return null;
                    }
                };
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
        classes.put(r.getClassName(), new ClassInfo(r.getClassName(), source[0], used[0]));
        for (FieldInfo f : own) {
            fields.putIfAbsent(f.display(), f);
        }
    }

    /** Every field of the application classes, by display name. */
    public Map<String, FieldInfo> fields() {
        return fields;
    }

    /** The fields that carry a {@code @GuardedBy}. */
    public List<FieldInfo> annotated() {
        return fields.values().stream().filter(f -> f.guard() != null).toList();
    }

    public Optional<ClassInfo> classInfo(String internalName) {
        return Optional.ofNullable(classes.get(internalName));
    }

    /** The outermost class of {@code internalName} ({@code a/B$C} gives {@code a/B}): the class whose source file holds it. */
    static String topLevel(String internalName) {
        int d = internalName.indexOf('$', internalName.lastIndexOf('/') + 1);
        return d < 0 ? internalName : internalName.substring(0, d);
    }

    /** The family the source of {@code internalName} uses: its own, else that of another class in the same file. */
    public GuardFamily familyOf(String internalName) {
        ClassInfo c = classes.get(internalName);
        if (c != null && c.family() != null) {
            return c.family();
        }
        String top = topLevel(internalName);
        return classes.values().stream().filter(x -> topLevel(x.name()).equals(top) && x.family() != null)
                .map(ClassInfo::family).findFirst().orElse(null);
    }

    /**
     * The lock name (as whylock names Java locks) that {@code expression} means on a field of
     * {@code owner}, or an explanation starting with "cannot" when it names no lock whylock sees:
     * {@code this}, {@code Outer.this}, {@code field}, {@code this.field}, {@code Class.field},
     * {@code Class.class}.
     */
    public String lockOf(String owner, String expression) {
        String e = expression.trim();
        if (e.equals("this")) {
            return JavaNames.qualified(owner) + ".this";
        }
        if (e.startsWith("this.")) {
            e = e.substring(5);
        }
        if (e.endsWith(".this") || e.endsWith(".class")) {
            String kind = e.substring(e.lastIndexOf('.'));
            String c = classNamed(owner, e.substring(0, e.lastIndexOf('.')));
            return c == null ? "cannot check: no class '" + e.substring(0, e.lastIndexOf('.')) + "' on the class path"
                    : JavaNames.qualified(c) + kind;
        }
        if (e.endsWith(")")) {
            return "cannot check: '" + e + "' names a method; whylock follows locks held in fields";
        }
        int dot = e.lastIndexOf('.');
        if (dot < 0) {
            for (String c = owner; c != null; c = outer(c)) {
                if (fields.containsKey(JavaNames.simple(c) + "." + e)) {
                    return JavaNames.qualified(c) + "." + e;
                }
            }
            return "cannot check: no field '" + e + "' in " + JavaNames.simple(owner);
        }
        String c = classNamed(owner, e.substring(0, dot));
        return c == null ? "cannot check: '" + e + "' is not a field whylock can name" : JavaNames.qualified(c) + e.substring(dot);
    }

    private static String outer(String internalName) {
        int d = internalName.lastIndexOf('$');
        return d < 0 ? null : internalName.substring(0, d);
    }

    /** The class a source expression names from {@code owner}: simple, nested-qualified or fully qualified. */
    private String classNamed(String owner, String name) {
        for (String c = owner; c != null; c = outer(c)) {
            if (JavaNames.simple(c).equals(name) || JavaNames.simple(c).endsWith("." + name) || JavaNames.qualified(c).equals(name)) {
                return c;
            }
        }
        List<String> matches = classes.keySet().stream()
                .filter(c -> JavaNames.qualified(c).equals(name) || JavaNames.simple(c).equals(name)).toList();
        return matches.size() == 1 ? matches.get(0) : null;
    }
}
