package jvmtest;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Programs over {@link ReentrantReadWriteLock}, each a bug and its correct version: an update under
 * the read lock (two readers lose an update) and under the write lock; a reader that upgrades
 * (deadlock: no upgrade) and one that downgrades; a timed tryLock that assumes it got the lock; an
 * interruptible write lock that an interrupt ends; a hand-off on a write lock's Condition that
 * waits with {@code if} after the signal may have come, and with a flag checked under the lock.
 */
public class ReadWriteLocks {
    static final ReadWriteLock rw = new ReentrantReadWriteLock();
    static final Lock r = rw.readLock();
    static final Lock w = rw.writeLock();
    static int count;

    static void incrementUnder(Lock l) {
        l.lock();
        try {
            count = count + 1;
        } finally {
            l.unlock();
        }
    }

    /** BUG: the update holds the read lock, which both threads may hold at once. */
    public static void updateUnderReadLock() throws InterruptedException {
        Two.run(() -> incrementUnder(r), () -> incrementUnder(r));
        assert count == 2 : "count is " + count + ", expected 2";
    }

    /** Correct: the update holds the write lock; a reader sees 0, 1 or 2. */
    public static void updateUnderWriteLock() throws InterruptedException {
        Two.run(() -> incrementUnder(w), () -> {
            incrementUnder(w);
            r.lock();
            try {
                assert count >= 1 : "own update lost";
            } finally {
                r.unlock();
            }
        });
        assert count == 2 : "count is " + count + ", expected 2";
    }

    /** BUG: a reader that wants to write takes the write lock while holding the read lock; with a second reader, both wait forever. */
    public static void upgrade() throws InterruptedException {
        Runnable upgrader = () -> {
            r.lock();
            try {
                if (count == 0) {
                    w.lock();
                    count = 1;
                    w.unlock();
                }
            } finally {
                r.unlock();
            }
        };
        Two.run(upgrader, () -> incrementUnder(r));
    }

    /** Correct: the writer downgrades (takes the read lock before releasing the write lock) and reads its own value. */
    public static void downgrade() throws InterruptedException {
        ReentrantReadWriteLock l = (ReentrantReadWriteLock) rw;
        Two.run(() -> {
            w.lock();
            count = 5;
            r.lock();
            w.unlock();
            try {
                assert l.getReadHoldCount() == 1 && !l.isWriteLockedByCurrentThread() : "holds";
                assert count == 5 : "the downgraded reader sees " + count;
            } finally {
                r.unlock();
            }
        }, () -> incrementUnder(w));
        assert count == 5 || count == 6 : "count is " + count;
    }

    /** BUG: a timed tryLock of the write lock assumes it got it; a reader may hold the read lock past the timeout. */
    public static void timedTryLockAssumed() throws InterruptedException {
        Two.run(() -> incrementUnder(r), () -> {
            boolean got;
            try {
                got = w.tryLock(10, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            assert got : "tryLock timed out";
            count = 10;
            w.unlock();
        });
    }

    /** Correct: the timed tryLock's result is checked; the write happens only with the lock. */
    public static void timedTryLockChecked() throws InterruptedException {
        Two.run(() -> incrementUnder(w), () -> {
            try {
                if (w.tryLock(10, TimeUnit.MILLISECONDS)) {
                    try {
                        count = count + 1;
                    } finally {
                        w.unlock();
                    }
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assert count >= 1 : "count is " + count;
    }

    static volatile boolean interrupted;

    /** Correct: a thread waiting for the write lock with lockInterruptibly leaves when main interrupts it. */
    public static void interruptibleWrite() throws InterruptedException {
        r.lock();
        Thread waiter = new Thread(() -> {
            try {
                w.lockInterruptibly();
                w.unlock();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }, "waiter");
        waiter.start();
        waiter.interrupt();
        waiter.join();
        r.unlock();
        assert interrupted : "lockInterruptibly was not interrupted";
    }

    static final ReentrantReadWriteLock cl = new ReentrantReadWriteLock();
    static final Condition ready = cl.writeLock().newCondition();
    static boolean done;

    static void signalDone(boolean all) {
        cl.writeLock().lock();
        done = true;
        if (all) {
            ready.signalAll();
        } else {
            ready.signal();
        }
        cl.writeLock().unlock();
    }

    /** BUG: the consumer checks the flag before taking the lock, then waits without checking again: the signal may come in between. */
    public static void conditionMissedSignal() throws InterruptedException {
        Two.run(() -> {
            if (!done) {
                cl.writeLock().lock();
                try {
                    ready.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                } finally {
                    cl.writeLock().unlock();
                }
            }
        }, () -> signalDone(false));
    }

    /** Correct: the consumer checks the flag under the write lock, in a loop. */
    public static void conditionHandoff() throws InterruptedException {
        Two.run(() -> {
            cl.writeLock().lock();
            try {
                while (!done) {
                    ready.await();
                }
                assert cl.getWriteHoldCount() == 1 : "write hold not taken back";
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                cl.writeLock().unlock();
            }
        }, () -> signalDone(true));
    }
}
