package dev.whylock.examples.realworld;

import com.google.errorprone.annotations.concurrent.GuardedBy;

/**
 * A pool of two connection slots. {@code borrow} waits for a free slot and takes it under the
 * pool's lock; {@code release} counts the slot back after it has left the lock. A release racing
 * with a borrow loses one of the two updates, and the pool keeps one slot too few (or too many)
 * for good. The field says it is guarded by {@code lock}; release breaks that promise.
 */
public class ConnectionPool {
    private final Object lock = new Object();
    @GuardedBy("lock")
    private int free = 2;

    void borrow() throws InterruptedException {
        synchronized (lock) {
            while (free == 0) {
                lock.wait();
            }
            free--;
        }
    }

    void release() {
        synchronized (lock) {
            lock.notifyAll();
        }
        free++;
    }

    int free() {
        synchronized (lock) {
            return free;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        ConnectionPool pool = new ConnectionPool();
        pool.borrow();
        Thread request = new Thread(() -> {
            try {
                pool.borrow();
                pool.release();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "request");
        Thread cleanup = new Thread(pool::release, "cleanup");
        request.start();
        cleanup.start();
        request.join();
        cleanup.join();
        if (pool.free() != 2) {
            throw new AssertionError("the pool has " + pool.free() + " free slots after every connection came back, expected 2");
        }
    }
}
