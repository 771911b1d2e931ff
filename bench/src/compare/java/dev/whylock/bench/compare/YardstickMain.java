package dev.whylock.bench.compare;

import java.lang.reflect.InvocationTargetException;

/** Calls a yardstick class's {@code main} by name, so that Fray and Lincheck run the class files whylock runs. */
final class YardstickMain {

    private YardstickMain() {}

    static void run(String name) throws Throwable {
        try {
            Class.forName(name, true, Thread.currentThread().getContextClassLoader()).getMethod("main", String[].class)
                    .invoke(null, (Object) new String[0]);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
