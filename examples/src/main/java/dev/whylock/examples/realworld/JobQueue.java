package dev.whylock.examples.realworld;

import java.util.Vector;

/**
 * "Vector is synchronized, so why lock it again?" A scheduler and an admin both submit the same
 * job; {@code submitOnce} checks and adds under the vector's own monitor, because each of the
 * vector's calls is atomic but the check and the add together are not.
 */
public class JobQueue {
    private final Vector<String> jobs = new Vector<>();

    /** Queues {@code job} unless it is queued already. */
    void submitOnce(String job) {
        synchronized (jobs) {
            if (!jobs.contains(job)) {
                jobs.add(job);
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        JobQueue q = new JobQueue();
        Thread scheduler = new Thread(() -> q.submitOnce("backup"), "scheduler");
        Thread admin = new Thread(() -> q.submitOnce("backup"), "admin");
        scheduler.start();
        admin.start();
        scheduler.join();
        admin.join();
        if (q.jobs.size() != 1) {
            throw new AssertionError("the job was queued twice: " + q.jobs);
        }
    }
}
