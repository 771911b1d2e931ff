package dev.whylock.jvm.rt;

import dev.whylock.engine.Env;
import dev.whylock.engine.LockExperiment;
import dev.whylock.jvm.instrument.Fields;
import dev.whylock.jvm.instrument.JavaNames;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runtime of one execution of a Java program: the engine environment, the shadows of its
 * fields, its threads as engine tasks, its locks, and the primitives that bind JVM operations to
 * engine operations. Rewritten code reaches it through the static entry points ({@link Rt},
 * {@link RtThreads}, {@link RtSystem}, {@link RtExec}).
 */
public final class JvmRuntime {

    /* One execution runs at a time in a JVM (the engine's Runtimes holds one too), so the active
     * runtime is a static. Code is "controlled" when it runs in one of this execution's tasks,
     * outside a static initialiser and outside a JDK call performed as one atomic operation; there
     * every shared access is an engine operation. Elsewhere the hooks let the access happen as it
     * is, and code on a thread whylock did not start is noted as not controlled. */

    private static volatile JvmRuntime active;

    final Env env;
    final Notes notes;
    final ClassLoader loader;
    final List<LockExperiment> experiments;
    final Shadows shadows;
    final JvmPrimitives prims;
    private final Map<String, TaskCtx> byName = new HashMap<>();
    private final Set<Thread> taskThreads = ConcurrentHashMap.newKeySet();
    private final Map<Object, JLock> locks = new IdentityHashMap<>();
    private final Map<Object, JRwLock> rwLocks = new IdentityHashMap<>();
    private final Map<Object, WaitQueue> atomics = new IdentityHashMap<>();
    /** Views, iterators and entries of collections, each to the collection it shows ({@link CollectionCalls}). */
    final Map<Object, Object> collectionViews = new IdentityHashMap<>();
    private final Map<Object, dev.whylock.engine.Field<Object>> collections = new IdentityHashMap<>();
    final Map<Object, Integer> identities = new IdentityHashMap<>();
    final Map<String, Integer> counters = new HashMap<>();
    private int clinit;
    private int atomic;
    private boolean finished;

    /** Spurious wake-ups each task may have from its untimed condition waits (0: none). */
    final int spuriousWakeups;

    public JvmRuntime(Env env, Notes notes, ClassLoader loader) {
        this(env, notes, loader, 0);
    }

    public JvmRuntime(Env env, Notes notes, ClassLoader loader, int spuriousWakeups) {
        this.spuriousWakeups = spuriousWakeups;
        this.env = env;
        this.notes = notes;
        this.loader = loader;
        this.experiments = env instanceof dev.whylock.engine.ExecutionRuntime x ? List.copyOf(x.experiments()) : List.of();
        this.shadows = new Shadows(this);
        this.prims = new EnginePrimitives(this);
    }

    /** The runtime of the execution in progress, or null. */
    static JvmRuntime active() {
        return active;
    }

    /** Makes this the active runtime; the previous one stops controlling anything. */
    public void activate() {
        JvmRuntime old = active;
        if (old != null) {
            old.finished = true;
        }
        active = this;
    }

    /** Ends this runtime's control: later calls from its objects run as plain Java. */
    public void finish() {
        finished = true;
        if (active == this) {
            active = null;
        }
    }

    /** Registers the program's first task, which runs the entry point. */
    public void startMain() {
        Thread t = new Thread((Runnable) null, "main");
        TaskCtx main = new TaskCtx(this, "main", t, 0);
        byName.put("main", main);
        enterTask(main);
    }

    /** The threads this execution's tasks run on (the scheduler's own, for continuations). */
    Set<Thread> taskThreads() {
        return taskThreads;
    }

    /** Called first by every task body on its own thread. */
    void enterTask(TaskCtx ctx) {
        taskThreads.add(Thread.currentThread());
        if (ctx.task == null) {
            ctx.task = env.currentTask(); // main and pool workers: the engine started them
        }
    }

    TaskCtx register(String base, Thread thread) {
        String name = unique(base);
        TaskCtx ctx = new TaskCtx(this, name, thread, byName.size());
        byName.put(name, ctx);
        return ctx;
    }

    /** Registers a pool worker, which the engine runs as task {@code kworker:NAME}. */
    TaskCtx registerWorker(String workName, Thread thread) {
        TaskCtx ctx = new TaskCtx(this, "kworker:" + workName, thread, byName.size());
        byName.put(ctx.name, ctx);
        return ctx;
    }

    /** {@code base}, or {@code base#2}, {@code base#3} ... when a task already has that name. */
    String unique(String base) {
        if (!byName.containsKey(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            if (!byName.containsKey(base + "#" + n)) {
                return base + "#" + n;
            }
        }
    }

    /**
     * The running task when the caller may perform engine operations, else null: inside a static
     * initialiser, inside an atomic JDK call, after the execution, or on a foreign thread (noted).
     */
    TaskCtx ctl() {
        if (finished || clinit > 0 || atomic > 0) {
            return null;
        }
        if (!taskThreads.contains(Thread.currentThread())) {
            notes.notControlled("code on thread '" + Thread.currentThread().getName()
                    + "', which whylock did not start (a thread pool or framework it does not model)");
            return null;
        }
        return byName.get(env.taskName());
    }

    /** Whether the calling thread runs one of this execution's tasks (or its scheduler): only then may runtime state be touched. */
    boolean onTaskThread() {
        return !finished && taskThreads.contains(Thread.currentThread());
    }

    /** The state of a concurrent JDK object (an atomic, a concurrent collection), created at its first operation. */
    WaitQueue atomicState(Object o) {
        WaitQueue q = atomics.get(o);
        if (q == null) {
            Fields.Info home = shadows.home(o);
            q = new WaitQueue(env, home != null ? home.display() : Display.typeName(o.getClass()), 0, (String) null);
            atomics.put(o, q);
        }
        return q;
    }

    /**
     * The memory location that stands for a JDK collection (or, given the collection it iterates,
     * an iterator's cursor), created at its first access and named after the field the collection
     * was first stored in, else its type.
     */
    dev.whylock.engine.Field<Object> collectionShadow(Object o, Object iterated) {
        dev.whylock.engine.Field<Object> f = collections.get(o);
        if (f == null) {
            String name = iterated != null ? collectionName(iterated) + ".iterator" : collectionName(o);
            f = env.field(name, iterated != null ? "start" : "new");
            collections.put(o, f);
        }
        return f;
    }

    private String collectionName(Object o) {
        Fields.Info home = shadows.home(o);
        return home != null ? home.display() : Display.typeName(o.getClass());
    }

    /** The task's context whether or not it may perform operations now (for thread identity and holds). */
    TaskCtx current() {
        return finished || !taskThreads.contains(Thread.currentThread()) ? null : byName.get(env.taskName());
    }

    TaskCtx ctxOf(Thread t) {
        for (TaskCtx c : byName.values()) {
            if (c.thread == t) {
                return c;
            }
        }
        return null;
    }

    void clinit(int delta) {
        clinit += delta;
    }

    /** Runs {@code body} as part of an operation being performed: its own accesses are not operations. */
    <T> T atomically(java.util.function.Supplier<T> body) {
        atomic++;
        try {
            return body.get();
        } finally {
            atomic--;
        }
    }

    boolean inAtomic() {
        return atomic > 0;
    }

    /** The lock model of a monitor or lock object, created (and named) at its first acquisition. */
    JLock lock(Object o) {
        JLock l = locks.get(o);
        if (l == null) {
            String name = lockName(o);
            l = new JLock(name, env.monitor(name));
            locks.put(o, l);
        }
        return l;
    }

    /** The lock model of {@code o} if it was ever used as a lock, else null (no engine object is created). */
    JLock existingLock(Object o) {
        return locks.get(o);
    }

    /**
     * The model of a ReentrantReadWriteLock, created at its first operation and named after the
     * field holding it (or, when only a view is kept in a field, after that field).
     */
    JRwLock rwLock(Object o) {
        JRwLock l = rwLocks.get(o);
        if (l == null) {
            String name = lockName(o);
            if (shadows.home(o) == null && o instanceof java.util.concurrent.locks.ReentrantReadWriteLock rw) {
                Fields.Info view = shadows.home(rw.readLock());
                view = view != null ? view : shadows.home(rw.writeLock());
                name = view != null ? view.qualified() : name;
            }
            l = new JRwLock(name, env.readWriteLock(name));
            rwLocks.put(o, l);
        }
        return l;
    }

    JRwLock existingRwLock(Object o) {
        return rwLocks.get(o);
    }

    /** Whether task {@code me} holds {@code o} (its monitor, or the ReentrantLock {@code o}). */
    boolean holding(TaskCtx me, Object o) {
        return prims.holdCount(me, o) > 0;
    }

    /**
     * {@code pkg.Class.class} for a class object, {@code pkg.Class.this} for an object of an
     * application class, {@code pkg.Owner.field} for another object held in a field (the first one
     * it was stored in), else {@code pkg.Type.this} after the object's JDK type.
     */
    String lockName(Object o) {
        if (o instanceof Class<?> c) {
            return JavaNames.qualified(c.getName()) + ".class";
        }
        if (rewritten(o.getClass())) {
            return JavaNames.qualified(o.getClass().getName()) + ".this";
        }
        Fields.Info home = shadows.home(o);
        if (home != null) {
            return home.qualified();
        }
        Class<?> c = o.getClass().getName().startsWith("dev.whylock.jvm.rt.Model") ? o.getClass().getSuperclass() : o.getClass();
        return JavaNames.qualified(c.getName()) + ".this";
    }

    /** Whether {@code c} is an application class of this execution (rewritten). */
    boolean rewritten(Class<?> c) {
        return c.getClassLoader() == loader && loader != null;
    }

    private ModelExecutor commonPool;

    /**
     * The pool CompletableFuture's async methods use without an executor (ForkJoinPool.commonPool in
     * the JDK): one worker per task, so every async stage may run in parallel with the others.
     */
    ModelExecutor commonPool() {
        if (commonPool == null) {
            commonPool = new ModelExecutor(this, Integer.MAX_VALUE, "ForkJoinPool.commonPool");
        }
        return commonPool;
    }

    /** The next value of a per-execution counter (pool numbers, default thread names). */
    int next(String counter) {
        return counters.merge(counter, 1, Integer::sum) - 1;
    }
}
