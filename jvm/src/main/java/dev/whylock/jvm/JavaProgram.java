package dev.whylock.jvm;

import dev.whylock.engine.Env;
import dev.whylock.engine.Program;
import dev.whylock.jvm.load.ClassCache;
import dev.whylock.jvm.load.ExecutionLoader;
import dev.whylock.jvm.rt.JvmRuntime;
import dev.whylock.jvm.rt.Notes;
import dev.whylock.jvm.rt.Rt;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled Java program as an engine {@link Program}: the application's classes are rewritten
 * once and defined in an {@link ExecutionLoader} that serves execution after execution, their
 * static state starting over in each (re-initialised at first use, {@code StaticReset}; a fresh
 * loader per execution when a class cannot be), and every execution calls the entry point on the
 * engine's main task. The threads it
 * starts, the locks it takes and the fields it touches are the execution's tasks and operations.
 */
public final class JavaProgram implements Program, AutoCloseable {

    private final String className;
    private final String method;
    private final EntryPoint.Kind kind;
    private final List<String> before;
    private final List<String> after;
    private final ClassCache cache;
    private final ClassLoader resources;
    private final Notes notes = new Notes();
    private final AutoCloseable closer;
    private JvmRuntime last;
    /** The loader of the last execution: the next one uses it too unless it defined a class that keeps state. */
    private ExecutionLoader reusable;
    private int loaders;
    /** The entry point's class as the last execution loaded it, and its method. */
    private Class<?> entryClass;
    private Method entry;
    /** Every execution in a fresh class loader: the way to compare with re-initialisation (and much slower). */
    private boolean freshLoaders = Boolean.getBoolean("whylock.java.freshLoaders");
    private int spuriousWakeups;

    private JavaProgram(String className, String method, List<String> before, List<String> after, ClassLoader resources,
            AutoCloseable closer) {
        this.className = className;
        this.method = method;
        this.before = List.copyOf(before);
        this.after = List.copyOf(after);
        this.resources = resources;
        this.closer = closer;
        this.cache = new ClassCache(name -> bytes(resources, name));
        this.kind = EntryPoint.check(className, method, cache.original(className));
    }

    /** The program a command line names: {@code target}'s class and method on its class path. */
    public static JavaProgram of(JavaTarget target) {
        List<URL> urls = new ArrayList<>();
        for (Path p : target.classPath()) {
            try {
                urls.add(p.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new JavaTargetException("--class-path: '" + p + "' is not a usable path (" + e.getMessage() + ")");
            }
        }
        URLClassLoader loader = new URLClassLoader("whylock-class-path", urls.toArray(URL[]::new), null);
        return new JavaProgram(target.className(), target.method(), List.of(), List.of(), loader, loader)
                .spuriousWakeups(target.spuriousWakeups());
    }

    /**
     * A test method as a program: the class comes from {@code loader}'s class path (rewritten, not
     * the loader's own copy); {@code before} and {@code after} are no-argument instance methods run
     * around it in the same execution (a test's set-up and tear-down).
     */
    public static JavaProgram ofTest(String className, String method, ClassLoader loader, List<String> before, List<String> after) {
        return new JavaProgram(className, method, before, after, loader, () -> { });
    }

    private static byte[] bytes(ClassLoader loader, String binaryName) {
        try (InputStream in = loader.getResourceAsStream(binaryName.replace('.', '/') + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Lets each thread wake up spuriously from an untimed {@code Object.wait} or {@code Condition.await}
     * up to {@code perThread} times per execution (the engine's {@link dev.whylock.engine.Condition#spuriousWakeups});
     * a wait that could have had one more makes the result bounded, not exhaustive. Returns this program.
     */
    public JavaProgram spuriousWakeups(int perThread) {
        if (perThread < 0) {
            throw new IllegalArgumentException("spurious wake-ups must be 0 or more, got " + perThread);
        }
        this.spuriousWakeups = perThread;
        return this;
    }

    @Override
    public String name() {
        return method.equals("main") ? className : className + "#" + method;
    }

    /**
     * Whether every execution defines the classes in a fresh class loader instead of re-initialising
     * their statics in one loader; the results must be the same (the tests compare them).
     */
    public JavaProgram freshLoaders(boolean on) {
        this.freshLoaders = on;
        return this;
    }

    /** How many class loaders the executions so far have used (one, unless a class keeps state or {@link #freshLoaders}). */
    public int loaders() {
        return loaders;
    }

    @Override
    public void notControlled(String what) {
        notes.notControlled(what);
    }

    /** What the program did that whylock does not control or reset, over every execution so far. */
    public Notes notes() {
        return notes;
    }

    @Override
    public void run(Env env) {
        ExecutionLoader loader = reusable;
        if (loader == null || loader.keepsState() != null || freshLoaders) {
            loader = new ExecutionLoader(cache, JavaProgram.class.getClassLoader(), resources, notes);
            reusable = loader;
            loaders++;
        }
        Rt.nextEpoch();
        JvmRuntime rt = new JvmRuntime(env, notes, loader, spuriousWakeups);
        rt.activate();
        rt.startMain();
        last = rt;
        try {
            Class<?> c = Class.forName(className, false, loader);
            if (c != entryClass) {
                entryClass = c;
                entry = find(c, method);
            }
            Method m = entry;
            Object instance = kind == EntryPoint.Kind.INSTANCE ? newInstance(c) : null;
            try {
                for (String b : before) {
                    call(find(c, b), instance);
                }
                call(m, instance);
            } finally {
                for (String a : after) {
                    call(find(c, a), instance);
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call " + name() + ": " + e, e);
        }
    }

    private Object newInstance(Class<?> c) throws ReflectiveOperationException {
        var ctor = c.getDeclaredConstructor();
        ctor.setAccessible(true);
        try {
            return ctor.newInstance();
        } catch (InvocationTargetException e) {
            throw sneaky(e.getCause());
        }
    }

    private static Method find(Class<?> c, String name) throws NoSuchMethodException {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            for (Method m : k.getDeclaredMethods()) {
                if (m.getName().equals(name) && (m.getParameterCount() == 0
                        || m.getParameterCount() == 1 && m.getParameterTypes()[0] == String[].class)) {
                    m.setAccessible(true);
                    return m;
                }
            }
        }
        throw new NoSuchMethodException(c.getName() + "." + name);
    }

    private void call(Method m, Object instance) throws IllegalAccessException {
        try {
            m.invoke(java.lang.reflect.Modifier.isStatic(m.getModifiers()) ? null : instance,
                    m.getParameterCount() == 1 ? new Object[] {new String[0]} : new Object[0]);
        } catch (InvocationTargetException e) {
            throw sneaky(e.getCause());
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable e) throws E {
        throw (E) e;
    }

    @Override
    public void close() {
        if (last != null) {
            last.finish();
        }
        try {
            closer.close();
        } catch (Exception e) {
            // Closing the class path's jars; nothing to do about a failure.
        }
    }
}
