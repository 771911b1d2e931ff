package clitest;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/** A pair written together under the write lock and read together under the read lock: both sites keep the reader from a torn pair. */
public class RwPair {
    static final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    static int low;
    static int high;

    static void set(int v) {
        rw.writeLock().lock();
        try {
            low = v;
            high = v;
        } finally {
            rw.writeLock().unlock();
        }
    }

    static void check() {
        rw.readLock().lock();
        try {
            int l = low;
            int h = high;
            assert l == h : "torn pair: " + l + " / " + h;
        } finally {
            rw.readLock().unlock();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Thread writer = new Thread(() -> set(1), "writer");
        Thread reader = new Thread(RwPair::check, "reader");
        writer.start();
        reader.start();
        writer.join();
        reader.join();
    }
}
