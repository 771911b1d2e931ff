package dev.whylock.jvm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Small random Java programs over the JVM's primitives, as source, compiled with javac: static
 * plain and volatile fields, synchronized blocks on two monitors (nested in either order),
 * a ReentrantLock, a ReentrantReadWriteLock's read and write locks (and a timed tryLock of the
 * write lock), an AtomicInteger, wait/notifyAll on a flag, a CountDownLatch, JDK collections (an
 * ArrayList, a ConcurrentHashMap typed as Map, a Vector: calls and iteration, also under locks; an
 * array written by System.arraycopy), branches on values read, and assertions; main starts two or
 * three threads, joins them and publishes the final state in the volatile field {@code result}
 * ({@link #finalState}). Some accesses go through VarHandles (plain get/set and compareAndSet of the
 * plain fields, setRelease/getAcquire of the volatile one) or a field updater, chosen by a value
 * already drawn, so the programs' shapes do not depend on them.
 */
final class RandomJava {
    private RandomJava() {}

    /** One generated class: its name and source. */
    record Source(String className, String text) {}

    static Source draw(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        String name = "Gen" + seed;
        int threads = r.nextInt(4) == 0 ? 3 : 2;
        int countDowns = 0;
        List<String> bodies = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            StringBuilder b = new StringBuilder();
            int n = threads == 3 ? 1 : 1 + r.nextInt(2);
            for (int i = 0; i < n; i++) {
                countDowns += statement(r, b, "            ", 0);
            }
            bodies.add(b.toString());
        }
        StringBuilder s = new StringBuilder();
        s.append("package gen;\n\nimport java.lang.invoke.*;\nimport java.util.*;\nimport java.util.concurrent.*;\nimport java.util.concurrent.atomic.*;\n")
                .append("import java.util.concurrent.locks.*;\n\n")
                .append("public class ").append(name).append(" {\n")
                .append("    static int x0, x1, x2;\n    static volatile int v;\n    static boolean flag;\n")
                .append("    static final Object m0 = new Object(), m1 = new Object();\n")
                .append("    static final ReentrantLock lock = new ReentrantLock();\n")
                .append("    static final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();\n")
                .append("    static final AtomicInteger a = new AtomicInteger();\n")
                .append("    static final List<Integer> list = new ArrayList<>();\n")
                .append("    static final Map<Integer, Integer> map = new ConcurrentHashMap<>();\n")
                .append("    static final Vector<Integer> vec = new Vector<>();\n")
                .append("    static final int[] arr = new int[2];\n")
                .append("    public static volatile String result;\n")
                .append("    static final CountDownLatch latch = new CountDownLatch(").append(Math.max(1, countDowns)).append(");\n")
                .append("    volatile int hits;\n    static final ").append(name).append(" INST = new ").append(name).append("();\n")
                .append("    static final AtomicIntegerFieldUpdater<").append(name).append("> HITS = AtomicIntegerFieldUpdater.newUpdater(")
                .append(name).append(".class, \"hits\");\n")
                .append("    static final VarHandle V, X0, X1, X2;\n    static {\n        try {\n")
                .append("            MethodHandles.Lookup l = MethodHandles.lookup();\n")
                .append("            V = l.findStaticVarHandle(").append(name).append(".class, \"v\", int.class);\n")
                .append("            X0 = l.findStaticVarHandle(").append(name).append(".class, \"x0\", int.class);\n")
                .append("            X1 = l.findStaticVarHandle(").append(name).append(".class, \"x1\", int.class);\n")
                .append("            X2 = l.findStaticVarHandle(").append(name).append(".class, \"x2\", int.class);\n")
                .append("        } catch (ReflectiveOperationException e) {\n            throw new ExceptionInInitializerError(e);\n        }\n    }\n\n")
                .append("    public static void main(String[] args) throws Exception {\n");
        for (int t = 0; t < threads; t++) {
            s.append("        Thread t").append(t).append(" = new Thread(() -> {\n            try {\n").append(bodies.get(t))
                    .append("            } catch (Exception e) {\n                throw new IllegalStateException(e);\n            }\n")
                    .append("        }, \"T").append(t).append("\");\n");
        }
        for (int t = 0; t < threads; t++) {
            s.append("        t").append(t).append(".start();\n");
        }
        for (int t = 0; t < threads; t++) {
            s.append("        t").append(t).append(".join();\n");
        }
        s.append("        result = x0 + \",\" + x1 + \",\" + x2 + \",\" + v + \",\" + flag + \",\" + a.get() + \",\" + list + \",\" + map + \",\" + vec + \",\" + Arrays.toString(arr) + \",\" + INST.hits;\n");
        s.append("        assert x0 != 7 : \"x0 is 7\";\n    }\n}\n");
        return new Source("gen." + name, s.toString());
    }

    /** Appends one statement; returns how many latch.countDown() calls it contains. */
    private static int statement(SplittableRandom r, StringBuilder b, String in, int depth) {
        int x = r.nextInt(3);
        int y = r.nextInt(3);
        int c = r.nextInt(8);
        int kind = r.nextInt(depth >= 1 ? 13 : 20);
        if (depth >= 1 && kind >= 9) {
            kind += 7; // the collection statements, also under a lock
        }
        switch (kind) {
            case 0 -> b.append(in).append("x").append(x).append(" = ").append(c).append(";\n");
            case 1 -> b.append(in).append(c % 4 == 2 ? "X" + x + ".set((int) X" + y + ".get() + 1);\n" : "x" + x + " = x" + y + " + 1;\n");
            case 2 -> b.append(in).append(c % 4 == 1 ? "V.setRelease(x" + x + ");\n" : "v = x" + x + ";\n");
            case 3 -> b.append(in).append("x").append(x).append(c % 4 == 0 ? " = (int) V.getAcquire();\n" : " = v;\n");
            case 4 -> b.append(in).append(c % 4 == 3 ? "HITS.incrementAndGet(INST);\n" : "a.incrementAndGet();\n");
            case 5 -> b.append(in).append("x").append(x).append(c % 4 == 3 ? " = HITS.get(INST);\n" : " = a.get();\n");
            case 6 -> b.append(in).append(c >= 6 ? "X" + x + ".compareAndSet(" : "a.compareAndSet(").append(c % 3).append(", ")
                    .append(c % 3 + 1).append(");\n");
            case 7 -> {
                b.append(in).append("latch.countDown();\n");
                return 1;
            }
            case 8 -> b.append(in).append("assert x").append(x).append(" != ").append(c).append(" || v == 0 : \"x").append(x)
                    .append(" is ").append(c).append("\";\n");
            case 9, 10 -> {
                String m = r.nextBoolean() ? "m0" : "m1";
                b.append(in).append("synchronized (").append(m).append(") {\n");
                int k = statement(r, b, in + "    ", depth + 1);
                b.append(in).append("}\n");
                return k;
            }
            case 11 -> {
                b.append(in).append("lock.lock();\n").append(in).append("try {\n");
                int k = statement(r, b, in + "    ", depth + 1);
                b.append(in).append("} finally {\n").append(in).append("    lock.unlock();\n").append(in).append("}\n");
                return k;
            }
            case 13, 14 -> {
                String l = c % 2 == 0 ? "rw.readLock()" : "rw.writeLock()";
                b.append(in).append(l).append(".lock();\n").append(in).append("try {\n");
                int k = statement(r, b, in + "    ", depth + 1);
                b.append(in).append("} finally {\n").append(in).append("    ").append(l).append(".unlock();\n").append(in).append("}\n");
                return k;
            }
            case 15 -> {
                b.append(in).append("if (rw.writeLock().tryLock(").append(10 * (1 + c % 2)).append(", TimeUnit.MILLISECONDS)) {\n");
                int k = statement(r, b, in + "    ", depth + 1);
                b.append(in).append("    rw.writeLock().unlock();\n").append(in).append("}\n");
                return k;
            }
            case 16 -> b.append(in).append("list.add(").append(c).append(");\n");
            case 17 -> {
                if (r.nextBoolean()) {
                    b.append(in).append("x").append(x).append(" = list.size();\n");
                } else {
                    b.append(in).append("for (int e : list) {\n").append(in).append("    x").append(x).append(" += e;\n").append(in).append("}\n");
                }
            }
            case 18 -> {
                if (r.nextBoolean()) {
                    b.append(in).append("map.merge(").append(c % 2).append(", 1, Integer::sum);\n");
                } else {
                    b.append(in).append("x").append(x).append(" = map.getOrDefault(").append(c % 2).append(", 0);\n");
                }
            }
            case 19 -> {
                if (r.nextInt(3) == 0) {
                    if (r.nextBoolean()) {
                        b.append(in).append("System.arraycopy(new int[] {").append(c).append(", ").append(c).append("}, 0, arr, 0, 2);\n");
                    } else {
                        b.append(in).append("x").append(x).append(" = arr[").append(c % 2).append("];\n");
                    }
                } else if (r.nextBoolean()) {
                    b.append(in).append("vec.add(").append(c).append(");\n");
                } else {
                    b.append(in).append("x").append(x).append(" = vec.isEmpty() ? 0 : vec.get(0);\n");
                }
            }
            default -> {
                if (r.nextBoolean()) {
                    b.append(in).append("synchronized (m0) {\n").append(in).append("    flag = true;\n")
                            .append(in).append("    m0.notifyAll();\n").append(in).append("}\n");
                } else if (r.nextBoolean()) {
                    b.append(in).append("synchronized (m0) {\n").append(in).append("    while (!flag) {\n")
                            .append(in).append("        m0.wait();\n").append(in).append("    }\n").append(in).append("}\n");
                } else if (r.nextBoolean()) {
                    b.append(in).append("latch.await();\n");
                } else {
                    b.append(in).append("if (x").append(x).append(" == ").append(c % 3).append(") {\n");
                    int k = statement(r, b, in + "    ", depth + 1);
                    b.append(in).append("}\n");
                    return k;
                }
            }
        }
        return 0;
    }

    /** Compiles the sources into {@code dir} with the JDK's compiler, in one run. */
    static void compile(List<Source> sources, Path dir) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src/gen"));
        List<String> args = new ArrayList<>(List.of("-d", dir.resolve("classes").toString(), "-g", "-nowarn", "-proc:none"));
        for (Source s : sources) {
            Path f = src.resolve(s.className().substring(4) + ".java");
            Files.writeString(f, s.text());
            args.add(f.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        java.io.StringWriter errors = new java.io.StringWriter();
        int rc = javac.run(null, null, new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                errors.write(b);
            }
        }), args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("generated programs do not compile:\n" + errors);
        }
    }
}
