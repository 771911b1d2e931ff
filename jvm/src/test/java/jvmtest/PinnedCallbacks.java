package jvmtest;

/**
 * A scheduling point the JVM cannot suspend: Class.forName through the program's own class loader
 * makes the JVM call the loader's loadClass from its own code (a frame a continuation cannot yield
 * across), and loadClass there writes a shared field.
 */
public class PinnedCallbacks {
    static int loads;

    /** The program's class loader, counting its loads in a shared field. */
    static class Counting extends ClassLoader {
        Counting() {
            super(PinnedCallbacks.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            loads++;
            return super.loadClass(name, resolve);
        }
    }

    /** Loads a class through the counting loader while another thread touches the same field. */
    public static void loaderCallback() throws Exception {
        Counting c = new Counting();
        Thread t = new Thread(() -> loads++);
        t.start();
        Class.forName(PinnedCallbacks.class.getName() + "$Helper", true, c);
        t.join();
    }

    /** Loaded through the counting loader. */
    static class Helper {
    }
}
