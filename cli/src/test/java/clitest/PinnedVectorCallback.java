package clitest;

/**
 * VectorCallback after a class load through the program's own loader: the load pins the task's
 * continuation, so the program runs on the thread backend, where the task waiting for the JDK's
 * monitor is a real blocked thread and the holder a parked one.
 */
public class PinnedVectorCallback {
    static int loads;

    /** The program's class loader, counting its loads in a shared field. */
    static class Counting extends ClassLoader {
        Counting() {
            super(PinnedVectorCallback.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            loads++;
            return super.loadClass(name, resolve);
        }
    }

    public static void main(String[] args) throws Exception {
        Class.forName(PinnedVectorCallback.class.getName() + "$Helper", true, new Counting());
        VectorCallback.main(args);
    }

    /** Loaded through the counting loader. */
    static class Helper {
    }
}
