package jvmtest;

import java.util.concurrent.locks.StampedLock;

/**
 * Programs over {@link StampedLock}, each a bug and its correct version: an optimistic read that
 * never validates (a torn pair) and one that falls back to the read lock; an update under the read
 * lock (lost update) and under the write lock; a writer taking the lock twice (it is not
 * reentrant); a read lock converted to a write lock.
 */
public class StampedLocks {
    static final StampedLock sl = new StampedLock();
    static int x;
    static int y;

    /** {@code other} on a thread of its own while main runs {@code mine}. */
    static void alongside(Runnable other, Runnable mine) throws InterruptedException {
        Thread t = new Thread(other, "other");
        t.start();
        mine.run();
        t.join();
    }

    static void writePair(int v) {
        long stamp = sl.writeLock();
        try {
            x = v;
            y = v;
        } finally {
            sl.unlockWrite(stamp);
        }
    }

    /** BUG: reads the pair optimistically and uses it without validate(). */
    public static void optimisticUnvalidated() throws InterruptedException {
        Two.run(() -> writePair(1), () -> {
            long stamp = sl.tryOptimisticRead();
            int a = x;
            int b = y;
            assert stamp == 0 || a == b : "torn pair " + a + " / " + b;
        });
    }

    /** Correct: an optimistic read that fails validation reads again under the read lock. */
    public static void optimisticValidated() throws InterruptedException {
        alongside(() -> writePair(1), () -> {
            long stamp = sl.tryOptimisticRead();
            int a = x;
            int b = y;
            if (!sl.validate(stamp)) {
                stamp = sl.readLock();
                try {
                    a = x;
                    b = y;
                } finally {
                    sl.unlockRead(stamp);
                }
            }
            assert a == b : "torn pair " + a + " / " + b;
        });
    }

    static void incrementUnderRead() {
        long stamp = sl.readLock();
        try {
            x = x + 1;
        } finally {
            sl.unlock(stamp);
        }
    }

    static void incrementUnderWrite() {
        long stamp = sl.writeLock();
        try {
            x = x + 1;
        } finally {
            sl.unlock(stamp);
        }
    }

    /** BUG: the update holds the read lock, which both threads may hold at once. */
    public static void updateUnderReadLock() throws InterruptedException {
        Two.run(StampedLocks::incrementUnderRead, StampedLocks::incrementUnderRead);
        assert x == 2 : "x is " + x + ", expected 2";
    }

    /** Correct: the update holds the write lock. */
    public static void updateUnderWriteLock() throws InterruptedException {
        Two.run(StampedLocks::incrementUnderWrite, StampedLocks::incrementUnderWrite);
        assert x == 2 : "x is " + x + ", expected 2";
        assert !sl.isWriteLocked() && !sl.isReadLocked() : "still locked";
    }

    /** BUG: a writer calls a helper that takes the write lock again: StampedLock is not reentrant. */
    public static void notReentrant() throws InterruptedException {
        Two.run(() -> {
            long stamp = sl.writeLock();
            try {
                incrementUnderWrite();
            } finally {
                sl.unlockWrite(stamp);
            }
        }, () -> writePair(3));
    }

    /** Correct: a reader upgrades with tryConvertToWriteLock, or lets go and takes the write lock; a writer adds to y meanwhile. */
    public static void convertToWrite() throws InterruptedException {
        Runnable upgrade = () -> {
            long stamp = sl.readLock();
            try {
                while (x == 0) {
                    long ws = sl.tryConvertToWriteLock(stamp);
                    if (ws != 0L) {
                        stamp = ws;
                        x = 1;
                        y = y + 1;
                        break;
                    }
                    sl.unlockRead(stamp);
                    stamp = sl.writeLock();
                }
            } finally {
                sl.unlock(stamp);
            }
        };
        alongside(upgrade, () -> {
            long stamp = sl.writeLock();
            y = y + 10;
            sl.unlockWrite(stamp);
        });
        assert x == 1 && y == 11 : "x " + x + ", y " + y;
    }
}
