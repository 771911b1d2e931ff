package dev.whylock.examples.realworld;

import javax.annotation.concurrent.GuardedBy;

/**
 * An event source keeps its listeners in an array. Adding and removing happen under the source's
 * monitor; {@code fire} copies the array under a separate {@code fireLock} and calls the copy
 * outside any lock. The two locks do not exclude each other: a copy taken while a listener is
 * removed can read the old size and the cleared slot, and then calls a null listener.
 */
public class ListenerList {
    interface Listener {
        void onEvent(String event);
    }

    private final Object fireLock = new Object();
    @GuardedBy("this")
    private final Listener[] listeners = new Listener[4];
    @GuardedBy("this")
    private int size;

    synchronized void add(Listener l) {
        listeners[size] = l;
        size++;
    }

    synchronized void remove(Listener l) {
        for (int i = 0; i < size; i++) {
            if (listeners[i] == l) {
                for (int j = i; j < size - 1; j++) {
                    listeners[j] = listeners[j + 1];
                }
                size--;
                listeners[size] = null;
                return;
            }
        }
    }

    void fire(String event) {
        Listener[] copy;
        synchronized (fireLock) {
            copy = new Listener[size];
            for (int i = 0; i < copy.length; i++) {
                copy[i] = listeners[i];
            }
        }
        for (Listener l : copy) {
            l.onEvent(event);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        ListenerList source = new ListenerList();
        int[] calls = new int[1];
        Listener audit = e -> calls[0]++;
        Listener metrics = e -> calls[0]++;
        source.add(audit);
        source.add(metrics);
        Thread publisher = new Thread(() -> source.fire("saved"), "publisher");
        Thread unsubscribe = new Thread(() -> source.remove(audit), "unsubscribe");
        publisher.start();
        unsubscribe.start();
        publisher.join();
        unsubscribe.join();
    }
}
