package jvmtest;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/**
 * Programs over the field updaters: a check-then-act with get then set (found: two owners) and its
 * CAS twin (clean); a lost update through get and set (found) and incrementAndGet (clean); a long
 * updater's getAndAdd mixed with plain reads of the (volatile) field after the joins (clean).
 */
public class FieldUpdaters {
    private volatile String owner;
    private volatile int hits;
    private volatile long bytes;

    private static final AtomicReferenceFieldUpdater<FieldUpdaters, String> OWNER =
            AtomicReferenceFieldUpdater.newUpdater(FieldUpdaters.class, String.class, "owner");
    private static final AtomicIntegerFieldUpdater<FieldUpdaters> HITS = AtomicIntegerFieldUpdater.newUpdater(FieldUpdaters.class, "hits");
    private static final AtomicLongFieldUpdater<FieldUpdaters> BYTES = AtomicLongFieldUpdater.newUpdater(FieldUpdaters.class, "bytes");

    /** BUG: each thread claims the object if nobody owns it, with get then set: both can win. */
    public static void checkThenAct() throws InterruptedException {
        FieldUpdaters f = new FieldUpdaters();
        int[] winners = new int[2];
        Two.run(() -> {
            if (OWNER.get(f) == null) {
                OWNER.set(f, "A");
                winners[0] = 1;
            }
        }, () -> {
            if (OWNER.get(f) == null) {
                OWNER.set(f, "B");
                winners[1] = 1;
            }
        });
        assert winners[0] + winners[1] == 1 : "both threads claimed it; owner " + f.owner;
    }

    /** Correct: the claim is one compareAndSet. */
    public static void claimByCas() throws InterruptedException {
        FieldUpdaters f = new FieldUpdaters();
        int[] winners = new int[2];
        Two.run(() -> {
            if (OWNER.compareAndSet(f, null, "A")) {
                winners[0] = 1;
            }
        }, () -> {
            if (OWNER.compareAndSet(f, null, "B")) {
                winners[1] = 1;
            }
        });
        assert winners[0] + winners[1] == 1 && f.owner != null : "winners " + winners[0] + winners[1] + ", owner " + f.owner;
    }

    /** BUG: get, then set: an increment is lost. */
    public static void lostUpdate() throws InterruptedException {
        FieldUpdaters f = new FieldUpdaters();
        Runnable inc = () -> HITS.set(f, HITS.get(f) + 1);
        Two.run(inc, inc);
        assert f.hits == 2 : "an increment was lost: " + f.hits;
    }

    /** Correct: incrementAndGet and getAndAdd; the plain reads come after the joins. */
    public static void atomicAdds() throws InterruptedException {
        FieldUpdaters f = new FieldUpdaters();
        Runnable inc = () -> {
            HITS.incrementAndGet(f);
            BYTES.getAndAdd(f, 10L);
        };
        Two.run(inc, inc);
        assert f.hits == 2 && f.bytes == 20 && HITS.get(f) == 2 : f.hits + " " + f.bytes;
    }
}
