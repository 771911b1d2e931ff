package dev.whylock.bench.yardstick;

/**
 * JaConTeBe connection-pool pattern (close versus evict): closing a connection locks it, then the
 * pool to return it; the evictor locks the pool, then each idle connection to test it. Opposite
 * orders on the same two monitors.
 */
public class PoolEvictDeadlock {
    static final class Pool {
        Connection idle;
        int returned;

        void evict() {
            synchronized (this) {
                Connection c = idle;
                if (c != null) {
                    c.validate();
                }
            }
        }

        synchronized void giveBack(Connection c) {
            returned++;
            idle = c;
        }
    }

    static final class Connection {
        final Pool pool;
        boolean open = true;

        Connection(Pool pool) {
            this.pool = pool;
        }

        synchronized void validate() {
            open = open && pool != null;
        }

        void close() {
            synchronized (this) {
                pool.giveBack(this);
            }
        }
    }

    static final class Closer extends Thread {
        private final Connection c;

        Closer(Connection c) {
            this.c = c;
        }

        @Override
        public void run() {
            c.close();
        }
    }

    static final class Evictor extends Thread {
        private final Pool p;

        Evictor(Pool p) {
            this.p = p;
        }

        @Override
        public void run() {
            p.evict();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Pool p = new Pool();
        Connection c = new Connection(p);
        p.idle = c;
        Closer closer = new Closer(c);
        Evictor evictor = new Evictor(p);
        closer.start();
        evictor.start();
        closer.join();
        evictor.join();
    }
}
