package dev.whylock.engine.exec;

/**
 * What a visible operation touches, stripped of values: its kind, the location (lock, field,
 * object, work item or completion id; the joined task for {@link OpKind#JOIN}) and, for field
 * accesses, the owning object. The dependency relation of the search is defined on these.
 */
public record Access(OpKind kind, int loc, int owner) {

    public static final Access NOP = new Access(OpKind.NOP, -1, -1);

    /**
     * Whether the order of {@code a} and {@code b} can matter and both orders are possible: the pairs
     * the partial-order reduction must try both ways. Symmetric.
     */
    public static boolean conflicts(Access a, Access b) {
        OpKind x = a.kind, y = b.kind;
        if (x == OpKind.NOP || y == OpKind.NOP || x == OpKind.CHOOSE || y == OpKind.CHOOSE || x == OpKind.JOIN || y == OpKind.JOIN) {
            return false;
        }
        if (x == OpKind.FREE || y == OpKind.FREE) {
            Access f = x == OpKind.FREE ? a : b;
            Access o = f == a ? b : a;
            if (o.kind.isFieldAccess()) {
                return o.owner == f.loc;
            }
            return o.loc == f.loc && (o.kind == OpKind.FREE || o.kind == OpKind.DEREF);
        }
        if (x == OpKind.SETTLE || y == OpKind.SETTLE) {
            OpKind other = x == OpKind.SETTLE ? y : x;
            return other.isWork() && other != OpKind.WORK_PENDING && other != OpKind.WORK_WAIT;
        }
        if (a.loc != b.loc) {
            return false;
        }
        if (x.isFieldAccess() && y.isFieldAccess()) {
            return x == OpKind.WRITE || y == OpKind.WRITE;
        }
        if (x == OpKind.DEREF || y == OpKind.DEREF) {
            return false;
        }
        if (isLockOp(x) && isLockOp(y)) {
            if (x.isLockAcquire() && y.isLockAcquire()) {
                return true;
            }
            boolean xs = x == OpKind.LOCK_CHECK || x == OpKind.TRYLOCK;
            boolean ys = y == OpKind.LOCK_CHECK || y == OpKind.TRYLOCK;
            return (xs && y != OpKind.LOCK_CHECK) || (ys && x != OpKind.LOCK_CHECK);
        }
        if (x.isWork() && y.isWork()) {
            if (x == OpKind.WORK_WAIT || y == OpKind.WORK_WAIT) {
                return false;
            }
            boolean xr = x == OpKind.WORK_FLUSH || x == OpKind.WORK_PENDING;
            boolean yr = y == OpKind.WORK_FLUSH || y == OpKind.WORK_PENDING;
            return !(xr && yr);
        }
        if (x == OpKind.WAIT_COMPLETION && y == OpKind.WAIT_COMPLETION) {
            return true;
        }
        return x == OpKind.COMPLETE && y == OpKind.COMPLETE;
    }

    /** Whether {@code earlier} synchronises with {@code later} (release/acquire style): an ordering edge that is never reversed. */
    public static boolean syncs(Access earlier, Access later) {
        OpKind x = earlier.kind, y = later.kind;
        if (y == OpKind.SETTLE) {
            return x == OpKind.WORK_FINISH;
        }
        if (earlier.loc != later.loc) {
            return false;
        }
        return (x == OpKind.RELEASE && y.isLockAcquire())
                || (x == OpKind.WORK_FINISH && y == OpKind.WORK_WAIT)
                || ((x == OpKind.WORK_QUEUE || x == OpKind.WORK_MODIFY) && y == OpKind.WORK_START)
                || (x == OpKind.COMPLETE && y == OpKind.WAIT_COMPLETION);
    }

    /** Conflict or synchronisation, in either direction: the dependency used for happens-before and sleep sets. */
    public static boolean dependent(Access a, Access b) {
        return conflicts(a, b) || syncs(a, b) || syncs(b, a);
    }

    private static boolean isLockOp(OpKind k) {
        return k == OpKind.ACQUIRE || k == OpKind.TRYLOCK || k == OpKind.RELEASE || k == OpKind.LOCK_CHECK;
    }
}
