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
    SLEEP("msleep"),
    WAKE("wake"),
    TICK("time passes"),
    SETTLE("settle"),
    CHECK("check_invariants"),
    NOP("nop");

    private final String label;

    OpKind(String label) {
        this.label = label;
    }

    /** Short kernel-flavoured label for traces. */
    public String label() {
        return label;
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
