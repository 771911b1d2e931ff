package jvmtest;

import java.util.Arrays;

/**
 * Programs whose arrays are written or read by JDK code: System.arraycopy into an array another
 * thread reads (found), the same under a lock (clean), Arrays.fill of disjoint halves by two threads
 * (clean: the ranges do not overlap), a clone taken while another thread writes (found).
 */
public class ArrayCopies {

    /** BUG: main reads an element that a thread's arraycopy writes, no lock; main assumes it came first. */
    public static void copyRace() throws InterruptedException {
        int[] shared = new int[2];
        Thread t = new Thread(() -> System.arraycopy(new int[] {1, 1}, 0, shared, 0, 2));
        t.start();
        int seen = shared[1];
        t.join();
        assert seen == 0 : "the copy came first";
    }

    /** Correct: the copy and the read hold the same lock, and main reads only after the copy is known done. */
    public static void copyLocked() throws InterruptedException {
        int[] shared = new int[2];
        boolean[] done = new boolean[1];
        Thread t = new Thread(() -> {
            synchronized (shared) {
                System.arraycopy(new int[] {1, 1}, 0, shared, 0, 2);
                done[0] = true;
            }
        });
        t.start();
        synchronized (shared) {
            assert !done[0] || shared[0] + shared[1] == 2 : "half a copy";
        }
        t.join();
    }

    /** Correct: two threads fill disjoint halves of one array. */
    public static void fillHalves() throws InterruptedException {
        int[] a = new int[4];
        Thread t = new Thread(() -> Arrays.fill(a, 0, 2, 1));
        t.start();
        Arrays.fill(a, 2, 4, 2);
        t.join();
        assert Arrays.equals(a, new int[] {1, 1, 2, 2}) : Arrays.toString(a);
    }

    /** BUG: main clones the array while a thread writes it; main assumes the clone is all zeros. */
    public static void cloneRace() throws InterruptedException {
        int[] a = new int[2];
        Thread t = new Thread(() -> a[1] = 5);
        t.start();
        int[] copy = a.clone();
        t.join();
        assert copy[1] == 0 : "the clone saw the write";
    }

    /** BUG: a thread copies a list into the array main reads, no lock; main assumes it read before the copy. */
    public static void toArrayRace() throws InterruptedException {
        Integer[] shared = new Integer[1];
        java.util.List<Integer> list = java.util.List.of(7);
        Thread t = new Thread(() -> list.toArray(shared));
        t.start();
        Integer seen = shared[0];
        t.join();
        assert seen == null : "the copy came first";
    }

    /** BUG: a thread sets an element through Arrays.asList's view while main reads the array itself. */
    public static void asListWriteThrough() throws InterruptedException {
        Integer[] shared = {0, 0};
        java.util.List<Integer> view = Arrays.asList(shared);
        Thread t = new Thread(() -> view.set(1, 5));
        t.start();
        Integer seen = shared[1];
        t.join();
        assert seen == 0 : "the write through the view came first";
    }

    /** Correct: two threads set different elements through Arrays.asList's view; no element is shared. */
    public static void asListDisjointSets() throws InterruptedException {
        Integer[] shared = {0, 0};
        java.util.List<Integer> view = Arrays.asList(shared);
        Thread t = new Thread(() -> view.set(0, 1));
        t.start();
        view.set(1, 2);
        t.join();
        assert shared[0] == 1 && shared[1] == 2 : Arrays.toString(shared);
    }
}
