package dev.whylock.bench.yardstick;

/**
 * JaConTeBe buffer pattern (an append that takes another buffer): {@code append(other)} holds its
 * own lock, reads {@code other}'s length in one call and copies its characters in another; a
 * concurrent truncation of {@code other} in between makes the copy read past its end.
 */
public class AppendOther {
    static final class Buffer {
        private char[] chars = new char[8];
        private int length;

        synchronized int length() {
            return length;
        }

        synchronized void append(char c) {
            chars[length++] = c;
        }

        synchronized void truncate() {
            length = 0;
        }

        synchronized boolean copy(int n, char[] into, int at) {
            if (n > length) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                into[at + i] = chars[i];
            }
            return true;
        }

        synchronized boolean append(Buffer other) {
            int n = other.length();
            boolean ok = other.copy(n, chars, length);
            length += n;
            return ok;
        }
    }

    static final class Appender extends Thread {
        private final Buffer to;
        private final Buffer from;
        boolean ok = true;

        Appender(Buffer to, Buffer from) {
            this.to = to;
            this.from = from;
        }

        @Override
        public void run() {
            ok = to.append(from);
        }
    }

    static final class Truncator extends Thread {
        private final Buffer b;

        Truncator(Buffer b) {
            this.b = b;
        }

        @Override
        public void run() {
            b.truncate();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Buffer to = new Buffer();
        Buffer from = new Buffer();
        from.append('o');
        from.append('k');
        Appender a = new Appender(to, from);
        Truncator t = new Truncator(from);
        a.start();
        t.start();
        a.join();
        t.join();
        if (!a.ok) {
            throw new AssertionError("append copied characters the other buffer no longer had");
        }
    }
}
