package dev.whylock.jvm.instrument;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;

/**
 * Which calls from application code into the JDK the rewriter sends to the runtime, and how.
 *
 * <p>Three ways: a call is <em>replaced</em> by a static runtime method taking the receiver, the
 * arguments and the site ({@link Kind#REPLACE}); a call on a concurrent object is performed
 * <em>atomically</em> as one visible operation ({@link Kind#ATOMIC}); or a call the runtime does not
 * model is <em>refused</em>: the execution stops and the result says what was not controlled
 * ({@link Kind#REFUSE}); a call on a JDK collection, its views and iterators, is an access to the
 * collection as one memory location, whose kind the runtime decides from the receiver's class
 * ({@link Kind#COLLECTION}: a concurrent collection is atomic, a Vector or synchronized wrapper
 * takes its monitor, any other collection is plain memory); a JDK call that reads or writes the
 * elements of the program's arrays ({@code System.arraycopy}, {@code java.util.Arrays}, an array's
 * {@code clone}) accesses each element it touches ({@link Kind#ARRAYS}). JDK synchronizers with public constructors and overridable methods
 * (ReentrantLock, CountDownLatch, ...) are not here: {@link Substitutions} replaces their classes.
 */
public final class Redirects {
    private Redirects() {}

    /**
     * {@link #HANDLE}: an access-mode call of a VarHandle (any descriptor); {@link #UPDATER}: an
     * instance method of a field updater; {@link #UPDATER_NEW}: a field updater's {@code newUpdater},
     * which stays in the program's class (it checks its caller's access) and is then recorded.
     */
    public enum Kind { REPLACE, ATOMIC, COLLECTION, ARRAYS, REFUSE, HANDLE, UPDATER, UPDATER_NEW }

    /** How calls to {@code owner.name desc} (or a subtype's) are rewritten; {@code target} is {@code Class.method} of the runtime. */
    public record Redirect(Kind kind, String owner, String name, String desc, boolean isStatic, boolean special, String target) {

        /** The descriptor of the runtime method: receiver (as {@code owner}), the arguments, the site; same return type. */
        public String targetDesc() {
            int close = desc.indexOf(')');
            return "(" + (isStatic ? "" : "L" + owner + ";") + desc.substring(1, close) + "I)" + desc.substring(close + 1);
        }

        public String targetClass() {
            return target.substring(0, target.lastIndexOf('.'));
        }

        public String targetMethod() {
            return target.substring(target.lastIndexOf('.') + 1);
        }
    }

    static final String RT = "dev/whylock/jvm/rt/";
    private static final String THREADS = RT + "RtThreads.";
    private static final String SYSTEM = RT + "RtSystem.";
    private static final String EXEC = RT + "RtExec.";

    private static final Map<String, List<Redirect>> BY_NAME = new HashMap<>();
    private static final List<Redirect> ALL = new ArrayList<>();

    /** Classes whose every instance method is one atomic visible operation. */
    static final Set<String> ATOMIC_OWNERS = Set.of(
            "java/util/concurrent/atomic/AtomicInteger", "java/util/concurrent/atomic/AtomicLong",
            "java/util/concurrent/atomic/AtomicBoolean", "java/util/concurrent/atomic/AtomicReference",
            "java/util/concurrent/atomic/AtomicIntegerArray", "java/util/concurrent/atomic/AtomicLongArray",
            "java/util/concurrent/atomic/AtomicReferenceArray", "java/util/concurrent/atomic/LongAdder",
            "java/util/concurrent/atomic/DoubleAdder", "java/util/concurrent/atomic/LongAccumulator",
            "java/util/concurrent/atomic/DoubleAccumulator",
            "java/util/concurrent/ConcurrentMap", "java/util/concurrent/ConcurrentHashMap",
            "java/util/concurrent/ConcurrentSkipListMap", "java/util/concurrent/ConcurrentSkipListSet",
            "java/util/concurrent/ConcurrentLinkedQueue", "java/util/concurrent/ConcurrentLinkedDeque",
            "java/util/concurrent/CopyOnWriteArrayList", "java/util/concurrent/CopyOnWriteArraySet",
            "java/util/concurrent/BlockingQueue", "java/util/concurrent/BlockingDeque",
            "java/util/concurrent/LinkedBlockingQueue", "java/util/concurrent/LinkedBlockingDeque",
            "java/util/concurrent/ArrayBlockingQueue", "java/util/concurrent/PriorityBlockingQueue",
            // thread-safe, and which thread draws which value depends on the order of the calls
            "java/util/Random");

    /** Classes the runtime does not model yet and whose blocking calls would block the scheduler's own thread. */
    static final Set<String> REFUSED_OWNERS = Set.of(
            "java/util/concurrent/LinkedTransferQueue",
            "java/util/concurrent/DelayQueue",
            "java/util/concurrent/ForkJoinPool", "java/util/concurrent/ForkJoinTask",
            "java/util/concurrent/ScheduledThreadPoolExecutor", "java/util/concurrent/ThreadPoolExecutor",
            "java/util/concurrent/locks/AbstractQueuedSynchronizer");

    static final String VAR_HANDLE = "java/lang/invoke/VarHandle";

    /** The field updaters: their instance methods act on a field of the program ({@code rt.RtVarHandles}). */
    static final Set<String> UPDATERS = Set.of("java/util/concurrent/atomic/AtomicIntegerFieldUpdater",
            "java/util/concurrent/atomic/AtomicLongFieldUpdater", "java/util/concurrent/atomic/AtomicReferenceFieldUpdater");

    /** The names of VarHandle's signature-polymorphic access-mode methods (get, compareAndSet, getAndAdd ...). */
    private static final Set<String> ACCESS_MODES = java.util.Arrays.stream(java.lang.invoke.VarHandle.AccessMode.values())
            .map(java.lang.invoke.VarHandle.AccessMode::methodName).collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** Final methods of modelled classes that the model cannot override and does not answer: refused by name. */
    static final Set<String> REFUSED_METHODS = Set.of("java/util/concurrent/locks/ReentrantReadWriteLock.getQueueLength",
            "java/util/concurrent/locks/ReentrantReadWriteLock.hasQueuedThreads",
            "java/util/concurrent/locks/ReentrantReadWriteLock.hasQueuedThread",
            "java/util/concurrent/CompletableFuture.delayedExecutor", "java/util/concurrent/CompletableFuture.completedStage",
            "java/util/concurrent/CompletableFuture.failedStage",
            // A method handle on a VarHandle's access would reach the field without the VarHandle's call site.
            "java/lang/invoke/VarHandle.toMethodHandle");

    static {
        String t = "java/lang/Thread";
        virtual(t, "start", "()V", THREADS + "start");
        special(t, "start", "()V", THREADS + "startSuper");
        virtual(t, "join", "()V", THREADS + "join");
        virtual(t, "join", "(J)V", THREADS + "join");
        virtual(t, "join", "(JI)V", THREADS + "join");
        virtual(t, "join", "(Ljava/time/Duration;)Z", THREADS + "join");
        virtual(t, "interrupt", "()V", THREADS + "interrupt");
        virtual(t, "isInterrupted", "()Z", THREADS + "isInterrupted");
        virtual(t, "isAlive", "()Z", THREADS + "isAlive");
        statik(t, "sleep", "(J)V", THREADS + "sleep");
        statik(t, "sleep", "(JI)V", THREADS + "sleep");
        statik(t, "sleep", "(Ljava/time/Duration;)V", THREADS + "sleep");
        statik(t, "currentThread", "()Ljava/lang/Thread;", THREADS + "currentThread");
        statik(t, "interrupted", "()Z", THREADS + "interrupted");
        statik(t, "yield", "()V", THREADS + "yield");
        statik(t, "startVirtualThread", "(Ljava/lang/Runnable;)Ljava/lang/Thread;", THREADS + "startVirtualThread");
        virtual("java/lang/Thread$Builder", "start", "(Ljava/lang/Runnable;)Ljava/lang/Thread;", THREADS + "builderStart");
        virtual("java/lang/Thread$Builder", "unstarted", "(Ljava/lang/Runnable;)Ljava/lang/Thread;", THREADS + "builderUnstarted");

        String o = "java/lang/Object";
        virtual(o, "wait", "()V", THREADS + "waitOn");
        virtual(o, "wait", "(J)V", THREADS + "waitOn");
        virtual(o, "wait", "(JI)V", THREADS + "waitOn");
        virtual(o, "notify", "()V", THREADS + "notifyOn");
        virtual(o, "notifyAll", "()V", THREADS + "notifyAllOn");

        String ls = "java/util/concurrent/locks/LockSupport";
        statik(ls, "park", "()V", THREADS + "park");
        statik(ls, "park", "(Ljava/lang/Object;)V", THREADS + "park");
        statik(ls, "parkNanos", "(J)V", THREADS + "parkNanos");
        statik(ls, "parkNanos", "(Ljava/lang/Object;J)V", THREADS + "parkNanos");
        statik(ls, "unpark", "(Ljava/lang/Thread;)V", THREADS + "unpark");

        String tl = "java/lang/ThreadLocal";
        virtual(tl, "get", "()Ljava/lang/Object;", THREADS + "threadLocalGet");
        virtual(tl, "set", "(Ljava/lang/Object;)V", THREADS + "threadLocalSet");
        virtual(tl, "remove", "()V", THREADS + "threadLocalRemove");

        String sys = "java/lang/System";
        statik(sys, "nanoTime", "()J", SYSTEM + "nanoTime");
        statik(sys, "currentTimeMillis", "()J", SYSTEM + "currentTimeMillis");
        statik(sys, "identityHashCode", "(Ljava/lang/Object;)I", SYSTEM + "identityHashCode");
        exactly(o, "hashCode", "()I", SYSTEM + "hashCode");
        special(o, "hashCode", "()I", SYSTEM + "identityHashCode");
        statik("java/lang/Math", "random", "()D", SYSTEM + "random");
        statik("java/lang/StrictMath", "random", "()D", SYSTEM + "random");

        virtual("java/util/concurrent/Phaser", "getPhase", "()I", RT + "ModelPhaser.phaseOf");

        String lookup = "java/lang/invoke/MethodHandles$Lookup";
        String vhr = ")Ljava/lang/invoke/VarHandle;";
        String handles = RT + "RtVarHandles.";
        virtual(lookup, "findVarHandle", "(Ljava/lang/Class;Ljava/lang/String;Ljava/lang/Class;" + vhr, handles + "findVarHandle");
        virtual(lookup, "findStaticVarHandle", "(Ljava/lang/Class;Ljava/lang/String;Ljava/lang/Class;" + vhr, handles + "findStaticVarHandle");
        virtual(lookup, "unreflectVarHandle", "(Ljava/lang/reflect/Field;" + vhr, handles + "unreflectVarHandle");
        statik("java/lang/invoke/MethodHandles", "arrayElementVarHandle", "(Ljava/lang/Class;" + vhr, handles + "arrayElementVarHandle");
        virtual(VAR_HANDLE, "withInvokeBehavior", "(" + vhr, handles + "withInvokeBehavior");
        virtual(VAR_HANDLE, "withInvokeExactBehavior", "(" + vhr, handles + "withInvokeExactBehavior");

        String cf = "java/util/concurrent/CompletableFuture";
        String cfr = ")L" + cf + ";";
        String comp = RT + "RtCompletable.";
        statik(cf, "supplyAsync", "(Ljava/util/function/Supplier;" + cfr, comp + "supplyAsync");
        statik(cf, "supplyAsync", "(Ljava/util/function/Supplier;Ljava/util/concurrent/Executor;" + cfr, comp + "supplyAsync");
        statik(cf, "runAsync", "(Ljava/lang/Runnable;" + cfr, comp + "runAsync");
        statik(cf, "runAsync", "(Ljava/lang/Runnable;Ljava/util/concurrent/Executor;" + cfr, comp + "runAsync");
        statik(cf, "completedFuture", "(Ljava/lang/Object;" + cfr, comp + "completedFuture");
        statik(cf, "failedFuture", "(Ljava/lang/Throwable;" + cfr, comp + "failedFuture");
        statik(cf, "allOf", "([L" + cf + ";" + cfr, comp + "allOf");
        statik(cf, "anyOf", "([L" + cf + ";" + cfr, comp + "anyOf");

        String ex = "java/util/concurrent/Executors";
        String es = ")Ljava/util/concurrent/ExecutorService;";
        String tf = "Ljava/util/concurrent/ThreadFactory;";
        statik(ex, "newFixedThreadPool", "(I" + es, EXEC + "newFixedThreadPool");
        statik(ex, "newFixedThreadPool", "(I" + tf + es, EXEC + "newFixedThreadPool");
        statik(ex, "newSingleThreadExecutor", "(" + es, EXEC + "newSingleThreadExecutor");
        statik(ex, "newSingleThreadExecutor", "(" + tf + es, EXEC + "newSingleThreadExecutor");
        statik(ex, "newCachedThreadPool", "(" + es, EXEC + "newCachedThreadPool");
        statik(ex, "newCachedThreadPool", "(" + tf + es, EXEC + "newCachedThreadPool");
        statik(ex, "newWorkStealingPool", "(" + es, EXEC + "newCachedThreadPool");
        statik(ex, "newWorkStealingPool", "(I" + es, EXEC + "newFixedThreadPool");
        statik(ex, "newVirtualThreadPerTaskExecutor", "(" + es, EXEC + "newCachedThreadPool");
        statik(ex, "newThreadPerTaskExecutor", "(" + tf + es, EXEC + "newCachedThreadPool");
    }

    private static void add(Redirect r) {
        ALL.add(r);
        BY_NAME.computeIfAbsent(r.name() + r.desc(), k -> new ArrayList<>()).add(r);
    }

    private static void virtual(String owner, String name, String desc, String target) {
        add(new Redirect(Kind.REPLACE, owner, name, desc, false, false, target));
    }

    private static void special(String owner, String name, String desc, String target) {
        add(new Redirect(Kind.REPLACE, owner, name, desc, false, true, target));
    }

    /** Only calls whose owner is exactly {@code owner} (hashCode on a receiver typed Object). */
    private static void exactly(String owner, String name, String desc, String target) {
        add(new Redirect(Kind.REPLACE, owner, name, desc, false, false, target + "#exact"));
    }

    private static void statik(String owner, String name, String desc, String target) {
        add(new Redirect(Kind.REPLACE, owner, name, desc, true, false, target));
    }

    /** Every replacement in the table (for the test that checks each has its runtime method). */
    public static List<Redirect> replacements() {
        return List.copyOf(ALL);
    }

    /**
     * What to do with a call instruction, or null to leave it: {@code opcode} is the invoke
     * instruction, {@code owner} its owner class.
     */
    public static Redirect match(int opcode, String owner, String name, String desc, Hierarchy h) {
        List<Redirect> rs = BY_NAME.get(name + desc);
        if (rs != null) {
            for (Redirect r : rs) {
                boolean exact = r.target().endsWith("#exact");
                if (r.isStatic() != (opcode == Opcodes.INVOKESTATIC) || r.special() != (opcode == Opcodes.INVOKESPECIAL)) {
                    continue;
                }
                if (exact ? owner.equals(r.owner()) : owner.equals(r.owner()) || h.isSubtype(owner, r.owner())) {
                    return exact ? new Redirect(r.kind(), r.owner(), r.name(), r.desc(), false, false,
                            r.target().substring(0, r.target().length() - "#exact".length())) : r;
                }
            }
        }
        if (opcode == Opcodes.INVOKESPECIAL || name.equals("<init>") || name.equals("getClass")) {
            return null;
        }
        if (touchesArrays(opcode, owner, name, desc)) {
            return new Redirect(Kind.ARRAYS, owner, name, desc, opcode == Opcodes.INVOKESTATIC, false, null);
        }
        if (owner.equals(VAR_HANDLE) && opcode == Opcodes.INVOKEVIRTUAL && ACCESS_MODES.contains(name)) {
            return new Redirect(Kind.HANDLE, owner, name, desc, false, false, null);
        }
        for (String u : UPDATERS) {
            if (owner.equals(u) || h.isSubtype(owner, u)) {
                if (opcode != Opcodes.INVOKESTATIC) {
                    return new Redirect(Kind.UPDATER, owner, name, desc, false, false, null);
                }
                return name.equals("newUpdater") ? new Redirect(Kind.UPDATER_NEW, owner, name, desc, true, false, null) : null;
            }
        }
        for (String m : REFUSED_METHODS) {
            String a = m.substring(0, m.indexOf('.'));
            if (m.endsWith("." + name) && (owner.equals(a) || h.isSubtype(owner, a))) {
                return new Redirect(Kind.REFUSE, owner, name, desc, opcode == Opcodes.INVOKESTATIC, false, null);
            }
        }
        for (String a : REFUSED_OWNERS) {
            if (owner.equals(a) || h.isSubtype(owner, a)) {
                return new Redirect(Kind.REFUSE, owner, name, desc, opcode == Opcodes.INVOKESTATIC, false, null);
            }
        }
        if (Substitutions.of(owner) != null) {
            return null; // the model class answers every call
        }
        for (String a : ATOMIC_OWNERS) {
            if (owner.equals(a) || (owner.startsWith("java/util/concurrent/") && h.isSubtype(owner, a))) {
                return opcode == Opcodes.INVOKESTATIC ? null : new Redirect(Kind.ATOMIC, owner, name, desc, false, false, null);
            }
        }
        if (opcode != Opcodes.INVOKESTATIC && isCollectionType(owner, h)) {
            return new Redirect(Kind.COLLECTION, owner, name, desc, false, false, null);
        }
        if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/util/Collections")
                && (name.startsWith("unmodifiable") || name.startsWith("checked"))) {
            return new Redirect(Kind.COLLECTION, owner, name, desc, true, false, null); // a view of its first argument
        }
        return null;
    }

    private static boolean touchesArrays(int opcode, String owner, String name, String desc) {
        if (opcode == Opcodes.INVOKESTATIC) {
            return owner.equals("java/lang/System") && name.equals("arraycopy")
                    || owner.equals("java/util/Arrays") && desc.substring(0, desc.indexOf(')')).indexOf('[') >= 0;
        }
        return owner.startsWith("[") && name.equals("clone");
    }

    /** The JDK types whose instance calls are collection accesses: collections, maps, their entries, iterators and views. */
    private static final List<String> COLLECTION_ROOTS = List.of("java/util/Collection", "java/util/Map", "java/util/Map$Entry",
            "java/util/Iterator", "java/util/Spliterator", "java/util/Enumeration");

    /** Other mutable JDK objects whose calls count as accesses to the object as a whole. */
    private static final Set<String> MUTABLE_OBJECTS = Set.of("java/lang/Iterable", "java/lang/StringBuilder", "java/lang/StringBuffer",
            "java/lang/AbstractStringBuilder", "java/util/BitSet");

    static boolean isCollectionType(String owner, Hierarchy h) {
        if (MUTABLE_OBJECTS.contains(owner)) {
            return true;
        }
        if (!owner.startsWith("java/util/") || owner.startsWith("java/util/stream/") || owner.startsWith("java/util/function/")) {
            return false;
        }
        for (String root : COLLECTION_ROOTS) {
            if (owner.equals(root) || h.isSubtype(owner, root)) {
                return true;
            }
        }
        return false;
    }
}
