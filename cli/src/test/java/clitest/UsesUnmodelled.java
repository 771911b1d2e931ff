package clitest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.LinkedTransferQueue;

/** Test programs that do what whylock does not control: file I/O, and a LinkedTransferQueue it does not model. */
public class UsesUnmodelled {
    static int seen;

    /** Looks at a file (I/O) while another thread writes a field. */
    public static void io() throws InterruptedException {
        Thread t = new Thread(() -> seen = 1);
        t.start();
        boolean exists = Files.exists(Path.of("whylock-no-such-file"));
        t.join();
        if (exists) {
            seen = 2;
        }
    }

    /** Offers to a LinkedTransferQueue, which whylock does not model: the execution stops there. */
    public static void stamped() {
        LinkedTransferQueue<String> q = new LinkedTransferQueue<>();
        q.offer("x");
    }

    /** Takes arguments, so it cannot be the program. */
    public static void withArgument(int x) {
        seen = x;
    }
}
