package dev.whylock.engine.search;

import dev.whylock.engine.Completion;
import dev.whylock.engine.Env;
import dev.whylock.engine.Field;
import dev.whylock.engine.Mutex;
import dev.whylock.engine.Obj;
import dev.whylock.engine.Program;
import dev.whylock.engine.Task;
import dev.whylock.engine.Work;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Small random programs that use every primitive of the engine: fields (read, write, atomic
 * update, ordered reads and updates), locks (lock, nested locks, trylock, is-locked), a tracked
 * object (kfree, dereference, field of a freed object), a completion (complete, complete_all, wait), two work items (queue,
 * delayed queue, mod, cancel, cancel_sync, flush, pending, self re-queue, bounded runs), spawn and
 * join, choose, the virtual clock, settle, BUG_ON/WARN_ON and an invariant checked while quiescent;
 * and the Java primitives ({@link JavaSyncWorld}): a monitor with wait/notify and a condition
 * (optionally with spurious wake-ups), timed waits and tryLock, park/unpark, interrupt, sleep,
 * timed join, a semaphore, a latch, a barrier and a read-write lock.
 */
final class RandomPrograms {

    private RandomPrograms() {}

    /**
     * What one action does; {@code a} and {@code b} select a field, lock, work item, value or delay;
     * {@code publish} makes a signalling action (complete, queue, mod, unlock) write first, so that
     * whoever it wakes can observe the order.
     */
    enum Kind {
        READ, WRITE, INC, LOCKED_INC, NESTED, TRYLOCK, IS_LOCKED, COMPLETE, COMPLETE_ALL, WAIT, FREE, OBJ_READ, DEREF,
        QUEUE, QUEUE_DELAYED, MOD, CANCEL, CANCEL_SYNC, FLUSH, PENDING, CHOOSE, NOW, SETTLE, BUG_IF, WARN_IF,
        REQUEUE_SELF, SPAWN, MSLEEP,
        // Java primitives, performed by JavaSyncWorld
        M_INC, M_WAIT, M_WAIT_IF, M_WAIT_TIMED, M_NOTIFY, M_NOTIFY_ALL, M_REENTER, M_TRY, M_TRY_TIMED, M_IS_LOCKED,
        C_AWAIT, C_SIGNAL, PARK, PARK_TIMED, UNPARK, INTERRUPT, INTERRUPTED, IS_INTERRUPTED, SLEEP, JOIN_TIMED,
        SEM_ACQUIRE, SEM_TRY, SEM_TRY_TIMED, SEM_RELEASE, LATCH_DOWN, LATCH_AWAIT, LATCH_AWAIT_TIMED, BARRIER,
        BARRIER_TIMED, RW_READ, RW_WRITE, RW_DOWNGRADE, RW_TRY_READ, RW_TRY_WRITE, RW_IS_WRITE_LOCKED, RW_READ_TIMED,
        RW_WRITE_TIMED, RW_WRITE_INTERRUPTIBLY,
        // Critical sections of one access or none, drawn only by drawLocks (lock-aware reduction)
        L_READ, L_WRITE, L_EMPTY;

        boolean java() {
            return ordinal() >= M_INC.ordinal() && !locksOnly();
        }

        boolean locksOnly() {
            return ordinal() >= L_READ.ordinal();
        }
    }

    record Act(Kind kind, int a, int b, boolean publish) {
        @Override
        public String toString() {
            return kind + "(" + a + "," + b + (publish ? ",w" : "") + ")";
        }
    }

    /**
     * A program: setup actions, one action list per task and per work item, what main does, the
     * invariant, and how many spurious wake-ups each task may have from the monitor's wait sets.
     */
    record Spec(List<Act> setup, List<List<Act>> tasks, List<List<Act>> works, List<Act> mainAfter, boolean joinAll,
                int invariant, int spurious) {
        @Override
        public String toString() {
            return "setup=" + setup + " tasks=" + tasks + " works=" + works + " main=" + mainAfter
                    + " joinAll=" + joinAll + " invariant=" + invariant + " spurious=" + spurious;
        }

        /** Whether some action uses a Java primitive. */
        boolean usesJava() {
            return java.util.stream.Stream.of(List.of(setup, mainAfter), tasks, works).flatMap(List::stream)
                    .flatMap(List::stream).anyMatch(a -> a.kind().java());
        }

        Program program() {
            return new Program() {
                @Override
                public String name() {
                    return "random";
                }

                // Per execution: a split search runs executions of this program on several threads at once.
                final ThreadLocal<World> current = new ThreadLocal<>();

                @Override
                public void setup(Env env) {
                    World world = new World(env, Spec.this);
                    current.set(world);
                    for (Act a : setup) {
                        world.run(a, -1);
                    }
                }

                @Override
                public void run(Env env) {
                    World world = current.get();
                    List<Task> spawned = new ArrayList<>();
                    for (int t = 0; t < tasks.size(); t++) {
                        List<Act> acts = tasks.get(t);
                        World w = world;
                        spawned.add(env.spawn("T" + t, () -> acts.forEach(a -> w.run(a, -1))));
                        w.java.handles.add(spawned.get(t));
                    }
                    if (joinAll) {
                        spawned.forEach(env::join);
                        world.x.get(0).get("after-join");
                    }
                    for (Act a : mainAfter) {
                        world.run(a, -1);
                    }
                }
            };
        }
    }

    /** A tracked object with one field. */
    static final class Box extends Obj {
        final Field<Integer> f;

        Box() {
            super("box");
            f = field("box->f", 0);
        }
    }

    /** The shared state of one execution. */
    static final class World {
        final Env env;
        final List<Field<Integer>> x = new ArrayList<>();
        final List<Mutex> locks;
        final Completion c;
        final Box box;
        final List<Work> works = new ArrayList<>();
        final JavaSyncWorld java;

        World(Env env, Spec spec) {
            this.env = env;
            x.add(env.field("x0", 0));
            x.add(env.field("x1", 0));
            locks = List.of(env.mutex("A"), env.mutex("B"));
            c = env.completion("c");
            box = new Box();
            java = new JavaSyncWorld(env, spec.spurious());
            for (int i = 0; i < spec.works().size(); i++) {
                List<Act> body = spec.works().get(i);
                int self = i;
                works.add(env.work("w" + i, () -> body.forEach(a -> run(a, self))).maxRuns(2));
            }
            if (spec.invariant() == 1) {
                env.invariant("x0-le-x1+1", () -> x.get(0).peek() > x.get(1).peek() + 1
                        ? "x0=" + x.get(0).peek() + " x1=" + x.get(1).peek() : null);
            } else if (spec.invariant() == 2) {
                env.invariant("freed-box-means-x0", () -> box.isFreed() && x.get(0).peek() == 0 ? "box freed while x0 is 0" : null);
            }
        }

        Work work(int i) {
            return works.get(i % works.size());
        }

        void run(Act act, int selfWork) {
            Field<Integer> f = x.get(act.a() % 2);
            if (act.publish()) {
                f.set(10 + act.b(), "publish");
            }
            if (act.kind().java()) {
                java.run(act.kind(), f, x.get(1), act.b());
                return;
            }
            switch (act.kind()) {
                // Odd b: the ordered forms (a Java VarHandle's volatile modes), explored as the plain ones.
                case READ -> {
                    if (act.b() % 2 == 1) {
                        f.getOrdered("read");
                    } else {
                        f.get("read");
                    }
                }
                case WRITE -> f.set(act.b() + 1, "write");
                case INC -> {
                    if (act.b() % 2 == 1) {
                        f.updateOrdered(v -> v + 1, "inc");
                    } else {
                        f.update(v -> v + 1, "inc");
                    }
                }
                case L_READ, L_WRITE, L_EMPTY -> {
                    Mutex m = locks.get(act.b() % 2);
                    m.lock("section");
                    if (act.kind() == Kind.L_READ) {
                        f.get("section-read");
                    } else if (act.kind() == Kind.L_WRITE) {
                        f.set(20 + act.b(), "section-write");
                    }
                    m.unlock("section");
                }
                case LOCKED_INC -> {
                    Mutex m = locks.get(act.b() % 2);
                    m.lock("locked-inc");
                    int v = f.get("locked-read");
                    f.set(v + 1, "locked-write");
                    m.unlock("locked-inc");
                }
                case NESTED -> {
                    Mutex outer = locks.get(act.b() % 2);
                    Mutex inner = locks.get(1 - act.b() % 2);
                    outer.lock("outer");
                    inner.lock("inner");
                    f.set(7, "nested-write");
                    inner.unlock("inner");
                    outer.unlock("outer");
                }
                case TRYLOCK -> {
                    Mutex m = locks.get(act.b() % 2);
                    if (m.tryLock("try")) {
                        f.set(9, "try-write");
                        m.unlock("try");
                    }
                }
                case IS_LOCKED -> locks.get(act.b() % 2).isLocked("is-locked");
                case COMPLETE -> c.complete("complete");
                case COMPLETE_ALL -> c.completeAll("complete-all");
                case WAIT -> {
                    c.waitFor("wait");
                    f.get("after-wait");
                }
                case FREE -> env.free(box, "free");
                case OBJ_READ -> box.f.get("obj-read");
                case DEREF -> env.deref(box, "deref");
                case QUEUE -> work(act.b()).queue("queue");
                case QUEUE_DELAYED -> work(act.b()).queueDelayed(10L * (1 + act.a() % 2), "queue-delayed");
                case MOD -> work(act.b()).modify(10L * (1 + act.a() % 2), "mod");
                case CANCEL -> work(act.b()).cancel("cancel");
                case CANCEL_SYNC -> {
                    work(act.b()).cancelSync("cancel-sync");
                    f.get("after-cancel-sync");
                }
                case FLUSH -> {
                    work(act.b()).flush("flush");
                    f.get("after-flush");
                }
                case PENDING -> work(act.b()).isPending("pending");
                case CHOOSE -> {
                    if (env.choose("pick", 2) == 1) {
                        f.set(act.b(), "chosen-write");
                    }
                }
                case NOW -> {
                    if (env.now() >= 10) {
                        f.set(3, "late-write");
                    }
                }
                case SETTLE -> {
                    env.settle();
                    f.get("after-settle");
                }
                case BUG_IF -> env.bugOn(f.get("bug-check") == act.b(), "x" + act.a() % 2 + " == " + act.b());
                case WARN_IF -> env.warnOn(f.get("warn-check") == act.b(), "x" + act.a() % 2 + " == " + act.b());
                case REQUEUE_SELF -> work(selfWork < 0 ? act.b() : selfWork).queue("requeue");
                case SPAWN -> env.spawn("S" + act.a() % 2 + act.b(), () -> f.set(5, "spawned-write"));
                case MSLEEP -> env.sleep(5L * (1 + act.b()), "msleep");
                default -> throw new IllegalArgumentException(act.kind().toString());
            }
        }
    }

    /**
     * Each program draws its actions from one theme, so that the interactions of one primitive are
     * dense enough to matter; the last theme mixes everything.
     */
    private static final Kind[][] THEMES = {
        {Kind.COMPLETE, Kind.COMPLETE, Kind.COMPLETE_ALL, Kind.WAIT, Kind.WAIT, Kind.READ, Kind.WRITE, Kind.BUG_IF},
        {Kind.QUEUE, Kind.QUEUE_DELAYED, Kind.MOD, Kind.CANCEL, Kind.CANCEL_SYNC, Kind.FLUSH, Kind.PENDING,
            Kind.READ, Kind.WRITE, Kind.FREE, Kind.OBJ_READ, Kind.BUG_IF},
        {Kind.LOCKED_INC, Kind.NESTED, Kind.TRYLOCK, Kind.IS_LOCKED, Kind.READ, Kind.WRITE, Kind.INC, Kind.BUG_IF},
        {Kind.SETTLE, Kind.QUEUE, Kind.QUEUE, Kind.WRITE, Kind.READ, Kind.INC, Kind.SPAWN, Kind.FREE, Kind.BUG_IF},
        {Kind.NOW, Kind.NOW, Kind.QUEUE_DELAYED, Kind.MOD, Kind.QUEUE, Kind.CANCEL, Kind.WRITE, Kind.READ, Kind.MSLEEP, Kind.MSLEEP},
        {Kind.FREE, Kind.OBJ_READ, Kind.DEREF, Kind.BUG_IF, Kind.WARN_IF, Kind.WRITE, Kind.READ, Kind.CHOOSE, Kind.WAIT},
        {Kind.M_INC, Kind.M_WAIT, Kind.M_WAIT_IF, Kind.M_WAIT_TIMED, Kind.M_NOTIFY, Kind.M_NOTIFY, Kind.M_NOTIFY_ALL,
            Kind.M_REENTER, Kind.M_TRY, Kind.M_TRY_TIMED, Kind.M_IS_LOCKED, Kind.C_AWAIT, Kind.C_SIGNAL, Kind.INTERRUPT,
            Kind.READ, Kind.WRITE, Kind.BUG_IF},
        {Kind.PARK, Kind.PARK_TIMED, Kind.UNPARK, Kind.UNPARK, Kind.INTERRUPT, Kind.INTERRUPT, Kind.INTERRUPTED,
            Kind.IS_INTERRUPTED, Kind.SLEEP, Kind.JOIN_TIMED, Kind.M_WAIT_TIMED, Kind.M_WAIT, Kind.LATCH_AWAIT, Kind.READ,
            Kind.WRITE, Kind.BUG_IF},
        {Kind.SEM_ACQUIRE, Kind.SEM_TRY, Kind.SEM_TRY_TIMED, Kind.SEM_RELEASE, Kind.SEM_RELEASE, Kind.LATCH_DOWN,
            Kind.LATCH_AWAIT, Kind.LATCH_AWAIT_TIMED, Kind.BARRIER, Kind.BARRIER_TIMED, Kind.INTERRUPT, Kind.READ,
            Kind.WRITE, Kind.BUG_IF},
        {Kind.RW_READ, Kind.RW_WRITE, Kind.RW_DOWNGRADE, Kind.RW_TRY_READ, Kind.RW_TRY_WRITE, Kind.RW_IS_WRITE_LOCKED,
            Kind.M_INC, Kind.M_REENTER, Kind.READ, Kind.WRITE, Kind.BUG_IF},
        {Kind.RW_READ, Kind.RW_WRITE, Kind.RW_READ_TIMED, Kind.RW_WRITE_TIMED, Kind.RW_WRITE_INTERRUPTIBLY, Kind.INTERRUPT,
            Kind.RW_DOWNGRADE, Kind.READ, Kind.WRITE, Kind.BUG_IF},
        java.util.Arrays.stream(Kind.values()).filter(k -> !k.locksOnly()).toArray(Kind[]::new),
    };

    /** The theme of {@link #drawLocks}: sections of one lock that often touch no common data, and what can see their order. */
    private static final Kind[] LOCK_THEME = {Kind.L_READ, Kind.L_WRITE, Kind.L_EMPTY, Kind.L_READ, Kind.L_WRITE, Kind.L_EMPTY,
        Kind.LOCKED_INC, Kind.NESTED, Kind.TRYLOCK, Kind.IS_LOCKED, Kind.READ, Kind.WRITE, Kind.BUG_IF, Kind.QUEUE,
        Kind.COMPLETE, Kind.WAIT, Kind.SPAWN, Kind.MSLEEP, Kind.NOW};
    private static final Kind[] LOCK_WORK_THEME = {Kind.L_READ, Kind.L_WRITE, Kind.L_EMPTY, Kind.LOCKED_INC, Kind.TRYLOCK,
        Kind.WRITE, Kind.READ};

    /** What work items may do in each theme (no settle, spawn or self-flush: those wait for themselves). */
    private static final Kind[][] WORK_THEMES = {
        {Kind.COMPLETE, Kind.WRITE, Kind.READ, Kind.REQUEUE_SELF},
        {Kind.READ, Kind.WRITE, Kind.OBJ_READ, Kind.REQUEUE_SELF, Kind.QUEUE, Kind.CANCEL, Kind.PENDING},
        {Kind.LOCKED_INC, Kind.TRYLOCK, Kind.READ, Kind.WRITE},
        {Kind.WRITE, Kind.READ, Kind.INC, Kind.REQUEUE_SELF, Kind.QUEUE},
        {Kind.NOW, Kind.WRITE, Kind.REQUEUE_SELF, Kind.QUEUE, Kind.MSLEEP},
        {Kind.OBJ_READ, Kind.DEREF, Kind.BUG_IF, Kind.WRITE, Kind.COMPLETE},
        {Kind.M_INC, Kind.M_NOTIFY, Kind.C_SIGNAL, Kind.M_TRY, Kind.WRITE, Kind.READ},
        {Kind.UNPARK, Kind.INTERRUPT, Kind.WRITE, Kind.READ},
        {Kind.SEM_RELEASE, Kind.LATCH_DOWN, Kind.SEM_TRY, Kind.WRITE, Kind.READ},
        {Kind.RW_READ, Kind.RW_WRITE, Kind.RW_TRY_WRITE, Kind.WRITE, Kind.READ},
        {Kind.RW_READ, Kind.RW_WRITE, Kind.WRITE, Kind.READ},
        {Kind.READ, Kind.WRITE, Kind.INC, Kind.LOCKED_INC, Kind.TRYLOCK, Kind.COMPLETE, Kind.OBJ_READ, Kind.DEREF,
            Kind.QUEUE, Kind.CANCEL, Kind.PENDING, Kind.NOW, Kind.BUG_IF, Kind.REQUEUE_SELF, Kind.M_INC, Kind.M_NOTIFY,
            Kind.UNPARK, Kind.SEM_RELEASE, Kind.LATCH_DOWN, Kind.RW_WRITE},
    };

    private static final Kind[] SETUP_KINDS = {Kind.WRITE, Kind.QUEUE, Kind.QUEUE_DELAYED, Kind.COMPLETE, Kind.SETTLE};

    /**
     * A program written as {@link Spec#toString} prints it ({@code setup=[QUEUE(1,1,w)] tasks=[[...], ...]
     * works=[[...]] main=[] joinAll=false invariant=0}; spurious optional), so that a program an oracle
     * run once caught can be pinned whatever the generator draws from its seed today.
     */
    static Spec parse(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "setup=(\\[.*?\\]) tasks=(\\[\\[.*?\\]\\]) works=(\\[\\[.*?\\]\\]) main=(\\[.*?\\]) joinAll=(\\w+) invariant=(\\d+)(?: spurious=(\\d+))?")
                .matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a program: " + text);
        }
        return new Spec(actList(m.group(1)), actLists(m.group(2)), actLists(m.group(3)), actList(m.group(4)),
                Boolean.parseBoolean(m.group(5)), Integer.parseInt(m.group(6)), m.group(7) == null ? 0 : Integer.parseInt(m.group(7)));
    }

    private static List<List<Act>> actLists(String text) {
        List<List<Act>> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[[^\\[\\]]*\\]").matcher(text.substring(1, text.length() - 1));
        while (m.find()) {
            out.add(actList(m.group()));
        }
        return out;
    }

    private static List<Act> actList(String text) {
        List<Act> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\w+)\\((\\d+),(\\d+)(,w)?\\)").matcher(text);
        while (m.find()) {
            out.add(new Act(Kind.valueOf(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m.group(4) != null));
        }
        return out;
    }

    /** A random program drawn from {@code seed}. */
    static Spec draw(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int theme = r.nextInt(THEMES.length);
        Kind[] kinds = THEMES[theme];
        List<Act> setup = acts(r, SETUP_KINDS, r.nextInt(3) == 0 ? 1 : 0);
        // Sizes are kept small so that brute force can enumerate almost every program.
        int nTasks = 2 + (r.nextInt(4) == 0 ? 1 : 0);
        List<List<Act>> tasks = new ArrayList<>();
        for (int t = 0; t < nTasks; t++) {
            tasks.add(acts(r, kinds, nTasks == 3 ? 1 : 1 + r.nextInt(2)));
        }
        List<List<Act>> works = new ArrayList<>();
        int nWorks = 1 + r.nextInt(2);
        for (int w = 0; w < nWorks; w++) {
            works.add(acts(r, WORK_THEMES[theme], nWorks == 2 ? 1 : 1 + r.nextInt(2)));
        }
        boolean joinAll = r.nextInt(3) != 0;
        List<Act> mainAfter = acts(r, kinds, r.nextInt(3) == 0 ? 1 : 0);
        int invariant = r.nextInt(4) == 0 ? 1 + r.nextInt(2) : 0;
        int spurious = r.nextInt(4) == 0 ? 1 : 0;
        return new Spec(setup, tasks, works, mainAfter, joinAll, invariant, spurious);
    }

    /**
     * A random program over critical sections (for lock-aware reduction): 2 or 3 tasks with 1 to 3
     * actions, mostly sections of one access or none on two locks, with what can observe their
     * order (accesses outside them, trylock, is-locked, nested sections, work items, completions).
     * Its own seeds: {@link #draw} is unchanged.
     */
    static Spec drawLocks(long seed) {
        SplittableRandom r = new SplittableRandom(seed ^ 0x5ec7_1075L);
        int nTasks = 2 + (r.nextInt(3) == 0 ? 1 : 0);
        List<List<Act>> tasks = new ArrayList<>();
        for (int t = 0; t < nTasks; t++) {
            tasks.add(acts(r, LOCK_THEME, nTasks == 3 ? 1 + r.nextInt(2) : 1 + r.nextInt(3)));
        }
        List<List<Act>> works = List.of(acts(r, LOCK_WORK_THEME, 1 + r.nextInt(2)));
        boolean joinAll = r.nextInt(3) != 0;
        List<Act> mainAfter = acts(r, LOCK_THEME, r.nextInt(3) == 0 ? 1 : 0);
        int invariant = r.nextInt(4) == 0 ? 1 : 0;
        return new Spec(List.of(), tasks, works, mainAfter, joinAll, invariant, 0);
    }

    private static List<Act> acts(SplittableRandom r, Kind[] kinds, int n) {
        List<Act> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Kind k = kinds[r.nextInt(kinds.length)];
            boolean signals = switch (k) {
                case COMPLETE, COMPLETE_ALL, QUEUE, QUEUE_DELAYED, MOD, LOCKED_INC, REQUEUE_SELF, FREE, CANCEL,
                     M_INC, M_NOTIFY, M_NOTIFY_ALL, C_SIGNAL, SEM_RELEASE, LATCH_DOWN, UNPARK, INTERRUPT, RW_WRITE -> true;
                default -> false;
            };
            out.add(new Act(k, r.nextInt(2), r.nextInt(2), signals && r.nextBoolean()));
        }
        return out;
    }
}
