package dev.whylock.engine.exec;

/** The kinds of visible operation. */
public enum OpKind {
    ACQUIRE("lock"),
    TRYLOCK("trylock"),
    RELEASE("unlock"),
    LOCK_CHECK("is_locked"),
    READ("read"),
    WRITE("write"),
    FREE("kfree"),
    DEREF("deref"),
    JOIN("join"),
    WORK_QUEUE("queue"),
    WORK_MODIFY("mod"),
    WORK_CANCEL("cancel"),
    WORK_START("run"),
    WORK_FINISH("done"),
    WORK_FLUSH("flush"),
    WORK_WAIT("wait_work"),
    WORK_PENDING("pending"),
    COMPLETE("complete"),
    WAIT_COMPLETION("wait_for_completion"),
    CHOOSE("choose"),
    NOW("now"),
    TICK("time passes"),
    /** The kernel's msleep/usleep_range in the timed mode, and its end (Java's Thread.sleep is {@link #SLEEP}). */
    MSLEEP("msleep"),
    MSLEEP_END("wake"),
    SETTLE("settle"),
    CHECK("check_invariants"),
    WAIT("wait"),
    WAKE("wake"),
    NOTIFY("notify"),
    NOTIFY_ALL("notify_all"),
    READ_LOCK("read_lock"),
    READ_UNLOCK("read_unlock"),
    SEM_ACQUIRE("acquire"),
    SEM_RELEASE("release"),
    COUNT_DOWN("count_down"),
    LATCH_AWAIT("await"),
    BARRIER_AWAIT("barrier_await"),
    PARK("park"),
    UNPARK("unpark"),
    INTERRUPT("interrupt"),
    INTERRUPTED("interrupted"),
    SLEEP("sleep"),
    SYNC_QUERY("query"),
    NOP("nop");

    private final String label;

    OpKind(String label) {
        this.label = label;
    }

    /** Short kernel-flavoured label for traces. */
    public String label() {
        return label;
    }

    /**
     * Whether this is an operation of a Java synchronisation object other than taking or releasing a
     * lock (wait sets, semaphores, latches, barriers, park/unpark, interrupts): it synchronises
     * through the objects in its footprint.
     */
    public boolean javaSync() {
        return switch (this) {
            case NOTIFY, NOTIFY_ALL, SEM_ACQUIRE, SEM_RELEASE, COUNT_DOWN, LATCH_AWAIT, BARRIER_AWAIT, PARK, UNPARK,
                 INTERRUPT, INTERRUPTED, SYNC_QUERY -> true;
            default -> false;
        };
    }

    boolean isLockAcquire() {
        return this == ACQUIRE || this == TRYLOCK;
    }

    boolean isFieldAccess() {
        return this == READ || this == WRITE;
    }

    boolean isWork() {
        return switch (this) {
            case WORK_QUEUE, WORK_MODIFY, WORK_CANCEL, WORK_START, WORK_FINISH, WORK_FLUSH, WORK_WAIT, WORK_PENDING -> true;
            default -> false;
        };
    }
}
