package statics;

/** A static initialiser that throws: ExceptionInInitializerError first, NoClassDefFoundError afterwards, in every execution. */
public class FailingInit {
    static volatile int order;

    static int zero;

    static class Bad {
        static int value = 1 / zero;
    }

    public static void main(String[] args) throws InterruptedException {
        String[] seen = new String[2];
        Thread t = new Thread(() -> {
            order = 1;
            try {
                seen[0] = "value " + Bad.value;
            } catch (ExceptionInInitializerError e) {
                seen[0] = "init failed: " + e.getCause().getClass().getSimpleName();
            }
        });
        t.start();
        order = 2; // races with the thread's write: more than one execution, so state left by one would show in the next
        t.join();
        try {
            seen[1] = "value " + Bad.value;
        } catch (NoClassDefFoundError e) {
            seen[1] = "no class";
        }
        assert seen[0].equals("init failed: ArithmeticException") && seen[1].equals("no class") : seen[0] + "; " + seen[1];
    }
}
