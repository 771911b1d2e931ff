package dev.whylock.examples;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** A one-slot hand-off with a lock and a condition: the consumer awaits until the producer has filled the slot. */
public class ConditionHandoff {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition filled = lock.newCondition();
    private Integer slot;

    void put(int v) {
        lock.lock();
        try {
            slot = v;
            filled.signal();
        } finally {
            lock.unlock();
        }
    }

    int take() throws InterruptedException {
        lock.lock();
        try {
            while (slot == null) {
                filled.await();
            }
            return slot;
        } finally {
            lock.unlock();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        ConditionHandoff h = new ConditionHandoff();
        int[] got = new int[1];
        Thread consumer = new Thread(() -> {
            try {
                got[0] = h.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "consumer");
        Thread producer = new Thread(() -> h.put(7), "producer");
        consumer.start();
        producer.start();
        consumer.join();
        producer.join();
        assert got[0] == 7 : "consumer took " + got[0];
    }
}
