package dev.whylock.jvm.stress;

import dev.whylock.engine.why.StressCounts;
import dev.whylock.jvm.JavaTarget;
import dev.whylock.jvm.instrument.JavaNames;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * "Run it and see" for a Java program: its class files run on real platform threads, unrewritten
 * except for the lock acquisitions an experiment removes ({@link SiteStripper}), each run in a
 * fresh class loader (fresh static state) and thread group. A run fails when a thread dies of an
 * uncaught exception or error (assertions enabled) or when the program has not finished within
 * the hang limit (a deadlock or a lost wake-up). It is a measurement, never part of a verdict:
 * real threads are not reproducible.
 */
public final class JavaStress {

    private JavaStress() {}

    /**
     * Runs the program {@code runs} times with the acquisitions at {@code removedSites} removed.
     * When a removal cannot run on real threads, no run is made and the counts carry the reason
     * ({@code runs == 0}, {@code firstFailure} starting "not applicable").
     */
    public static StressCounts run(JavaTarget target, Set<String> removedSites, long runs, long hangMillis, BooleanSupplier cancelled) {
        Classes classes = new Classes(target.classPath(), removedSites);
        try {
            for (String s : removedSites) {
                if (!classes.prepare(s)) {
                    break;
                }
            }
            if (!classes.notApplicable.isEmpty()) {
                return new StressCounts(0, 0, 0, "not applicable: " + String.join("; ", classes.notApplicable));
            }
            long failed = 0;
            long first = 0;
            String firstFailure = null;
            long done = 0;
            List<Thread> stuck = new ArrayList<>();
            for (long i = 1; i <= runs && !cancelled.getAsBoolean() && stuck.size() < 64; i++) {
                String failure = once(target, classes, hangMillis, stuck);
                done++;
                if (failure != null) {
                    failed++;
                    if (first == 0) {
                        first = i;
                        firstFailure = failure;
                    }
                }
            }
            return new StressCounts(done, failed, first, firstFailure);
        } finally {
            classes.close();
        }
    }

    private static String once(JavaTarget target, Classes classes, long hangMillis, List<Thread> stuck) {
        AtomicReference<String> failure = new AtomicReference<>();
        ThreadGroup group = new ThreadGroup("whylock-stress") {
            @Override
            public void uncaughtException(Thread t, Throwable e) {
                failure.compareAndSet(null, "uncaught " + e + " in thread " + t.getName());
            }
        };
        ClassLoader loader = classes.loader();
        Thread main = new Thread(group, () -> {
            try {
                call(loader, target);
            } catch (Throwable e) {
                throw sneaky(e);
            }
        }, "main");
        main.setDaemon(true);
        main.start();
        long deadline = System.nanoTime() + hangMillis * 1_000_000;
        try {
            main.join(hangMillis);
            while (failure.get() == null && group.activeCount() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure.get() == null && (main.isAlive() || group.activeCount() > 0)) {
            Thread[] left = new Thread[group.activeCount() + 4];
            int n = group.enumerate(left);
            for (int i = 0; i < n; i++) {
                stuck.add(left[i]);
            }
            return "hang: the program had not finished after " + hangMillis + " ms (deadlock or lost wake-up)";
        }
        return failure.get();
    }

    private static void call(ClassLoader loader, JavaTarget target) throws Throwable {
        Class<?> c = Class.forName(target.className(), true, loader);
        Method m = null;
        for (Method x : c.getDeclaredMethods()) {
            if (x.getName().equals(target.method()) && (x.getParameterCount() == 0
                    || x.getParameterCount() == 1 && x.getParameterTypes()[0] == String[].class)) {
                m = x;
            }
        }
        if (m == null) {
            throw new NoSuchMethodException(target.className() + "." + target.method());
        }
        m.setAccessible(true);
        Object instance = null;
        if (!Modifier.isStatic(m.getModifiers())) {
            var ctor = c.getDeclaredConstructor();
            ctor.setAccessible(true);
            instance = ctor.newInstance();
        }
        try {
            m.invoke(instance, m.getParameterCount() == 1 ? new Object[] {new String[0]} : new Object[0]);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable e) throws E {
        throw (E) e;
    }

    /** The class files, stripped once, defined afresh by every run's loader. */
    private static final class Classes {
        private final URLClassLoader files;
        private final Set<String> sites;
        private final Map<String, byte[]> stripped = new ConcurrentHashMap<>();
        private final Set<String> removed = ConcurrentHashMap.newKeySet();
        final Set<String> notApplicable = new TreeSet<>();

        Classes(List<Path> classPath, Set<String> sites) {
            List<URL> urls = new ArrayList<>();
            for (Path p : classPath) {
                try {
                    urls.add(p.toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new IllegalArgumentException(p + ": " + e.getMessage(), e);
                }
            }
            this.files = new URLClassLoader("whylock-stress-files", urls.toArray(URL[]::new), null);
            this.sites = sites;
        }

        /** Strips the classes a site names (so that "not applicable" is known before any run); false when one is not applicable. */
        boolean prepare(String site) {
            int colon = site.lastIndexOf(':');
            String function = colon < 0 ? site : site.substring(0, colon);
            int dot = function.lastIndexOf('.');
            String simple = dot < 0 ? function : function.substring(0, dot);
            for (URL u : files.getURLs()) {
                Path root;
                try {
                    root = Path.of(u.toURI());
                } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                    continue;
                }
                for (String binary : classNames(root)) {
                    if (JavaNames.simple(binary).equals(simple)) {
                        bytes(binary);
                    }
                }
            }
            return notApplicable.isEmpty();
        }

        /** The binary names of the classes in a class path directory or jar. */
        private static List<String> classNames(Path root) {
            List<String> out = new ArrayList<>();
            try {
                if (java.nio.file.Files.isDirectory(root)) {
                    try (var paths = java.nio.file.Files.walk(root)) {
                        for (Path p : paths.filter(x -> x.toString().endsWith(".class")).toList()) {
                            out.add(root.relativize(p).toString().replace('\\', '/'));
                        }
                    }
                } else if (java.nio.file.Files.isRegularFile(root)) {
                    try (var zip = new java.util.zip.ZipFile(root.toFile())) {
                        zip.stream().map(java.util.zip.ZipEntry::getName).filter(n -> n.endsWith(".class")).forEach(out::add);
                    }
                }
            } catch (IOException e) {
                // Unreadable: its classes fail to load later, as they would without whylock.
            }
            return out.stream().map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.')).toList();
        }

        byte[] bytes(String binaryName) {
            return stripped.computeIfAbsent(binaryName, n -> {
                try (InputStream in = files.getResourceAsStream(n.replace('.', '/') + ".class")) {
                    if (in == null) {
                        return new byte[0];
                    }
                    byte[] b = in.readAllBytes();
                    if (sites.isEmpty()) {
                        return b;
                    }
                    SiteStripper.Result r = SiteStripper.strip(b, sites);
                    removed.addAll(r.removed());
                    notApplicable.addAll(r.notApplicable());
                    return r.bytes();
                } catch (IOException e) {
                    return new byte[0];
                }
            });
        }

        ClassLoader loader() {
            ClassLoader parent = JavaStress.class.getClassLoader();
            ClassLoader l = new ClassLoader("whylock-stress-run", parent) {
                @Override
                protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                    synchronized (getClassLoadingLock(name)) {
                        Class<?> c = findLoadedClass(name);
                        if (c == null) {
                            byte[] b = name.startsWith("java.") || name.startsWith(StressHooks.class.getName()) ? new byte[0] : bytes(name);
                            c = b.length == 0 ? getParent().loadClass(name) : defineClass(name, b, 0, b.length);
                        }
                        if (resolve) {
                            resolveClass(c);
                        }
                        return c;
                    }
                }
            };
            l.setDefaultAssertionStatus(true);
            return l;
        }

        void close() {
            try {
                files.close();
            } catch (IOException e) {
                // Nothing to do about a jar that will not close.
            }
        }
    }
}
