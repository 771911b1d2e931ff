package dev.whylock.jvm.load;

import dev.whylock.jvm.rt.Notes;
import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;

/**
 * The class loader of executions: application classes are defined from their rewritten class
 * files (no scheduling while their static initialisers run), the JDK and whylock's own classes
 * come from {@code shared}. It serves execution after execution, the classes re-initialising their
 * statics in each, until it defines a class that cannot ({@link #keepsState()}); then every
 * execution gets a fresh loader.
 */
public final class ExecutionLoader extends ClassLoader {

    private final ClassCache cache;
    private final ClassLoader shared;
    private final ClassLoader resources;
    private final Notes notes;
    private volatile String keepsState;

    /**
     * {@code shared} loads the JDK, whylock and the test frameworks; {@code resources} answers
     * {@code getResource} for the application (its class path).
     */
    public ExecutionLoader(ClassCache cache, ClassLoader shared, ClassLoader resources, Notes notes) {
        super("whylock-execution", null);
        this.cache = cache;
        this.shared = shared;
        this.resources = resources;
        this.notes = notes;
        setDefaultAssertionStatus(true);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        // Not parallel-capable: one execution runs at a time, and a per-name lock table would cost every execution.
        synchronized (this) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = load(name);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    private Class<?> load(String name) throws ClassNotFoundException {
        if (ClassPolicy.jdk(name) || ClassPolicy.shared(name)) {
            try {
                return shared.loadClass(name);
            } catch (ClassNotFoundException e) {
                if (ClassPolicy.jdk(name)) {
                    throw e;
                }
                byte[] b = cache.original(name);
                if (b == null) {
                    throw e;
                }
                keepsState = name;
                return defineClass(name, b, 0, b.length);
            }
        }
        ClassCache.Entry e = cache.rewritten(name);
        if (e == null) {
            return shared.loadClass(name);
        }
        if (e.keepsState()) {
            keepsState = name;
        }
        for (String n : e.notes()) {
            notes.notControlled(n);
        }
        return defineClass(name, e.bytes(), 0, e.bytes().length);
    }

    /**
     * A class this loader defined whose static state only a fresh loader resets (an interface with
     * a static initialiser, an enum whose constants hold state), or null: while null, the loader
     * can serve the next execution, whose classes re-initialise their statics at first use.
     */
    public String keepsState() {
        return keepsState;
    }

    @Override
    public URL getResource(String name) {
        URL u = resources.getResource(name);
        return u != null ? u : shared.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return resources.getResources(name);
    }
}
