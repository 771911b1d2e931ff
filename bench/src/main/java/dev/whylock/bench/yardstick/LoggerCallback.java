package dev.whylock.bench.yardstick;

/**
 * JaConTeBe logger pattern (a logging library's lock-order inversion): logging locks the category,
 * then the appender; an appender that reports its own error logs through the category while holding
 * its own lock, so the two paths take the same two monitors in opposite orders.
 */
public class LoggerCallback {
    static final class Category {
        Appender appender;
        int logged;

        synchronized void log(String message) {
            logged++;
            appender.append(message);
        }
    }

    static final class Appender {
        Category errors;
        int written;

        synchronized void append(String message) {
            written++;
        }

        synchronized void fail(String why) {
            written++;
            errors.log("appender failed: " + why);
        }
    }

    static final class User extends Thread {
        private final Category c;

        User(Category c) {
            this.c = c;
        }

        @Override
        public void run() {
            c.log("hello");
        }
    }

    static final class Failing extends Thread {
        private final Appender a;

        Failing(Appender a) {
            this.a = a;
        }

        @Override
        public void run() {
            a.fail("disk full");
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Category c = new Category();
        Appender a = new Appender();
        c.appender = a;
        a.errors = c;
        User u = new User(c);
        Failing f = new Failing(a);
        u.start();
        f.start();
        u.join();
        f.join();
    }
}
