package jvmtest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Vector;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Programs over the JDK's collections, whose code whylock does not rewrite: each call is an access
 * to the collection as a whole. Plain collections shared without a lock (found, in the order the
 * default schedule does not take), a concurrent map used through the {@code Map} interface
 * (check-then-act found, putIfAbsent clean), a Vector with client-side locking (clean) and with a
 * different lock (found), a synchronized list iterated without its lock (found) and with it
 * (clean), and a map changed through its key-set view (found).
 */
public class Collections2 {

    /** BUG: two threads add to one ArrayList without a lock; main assumes it added last. */
    public static void listRace() throws InterruptedException {
        List<Integer> list = new ArrayList<>();
        Thread t = new Thread(() -> list.add(1));
        t.start();
        list.add(2);
        t.join();
        assert list.get(0) == 1 : "main added first";
    }

    /** BUG: check-then-act on a ConcurrentHashMap typed as Map; main assumes its value stays. */
    public static void concurrentMapCheckThenAct() throws InterruptedException {
        Map<String, Integer> m = new ConcurrentHashMap<>();
        Thread t = new Thread(() -> {
            if (!m.containsKey("k")) {
                m.put("k", 1);
            }
        });
        t.start();
        if (!m.containsKey("k")) {
            m.put("k", 2);
        }
        t.join();
        assert m.get("k") == 1 || m.get("k") == 2 : "lost";
        assert !(m.get("k") == 2) : "main's value won";
    }

    /** Correct: putIfAbsent decides atomically, so whoever came first keeps the key and learns it. */
    public static void concurrentMapPutIfAbsent() throws InterruptedException {
        Map<String, Integer> m = new ConcurrentHashMap<>();
        Integer[] theirs = new Integer[1];
        Thread t = new Thread(() -> theirs[0] = m.putIfAbsent("k", 1));
        t.start();
        Integer mine = m.putIfAbsent("k", 2);
        t.join();
        assert (mine == null) != (theirs[0] == null) : mine + " / " + theirs[0];
        assert m.get("k") == (mine == null ? 2 : 1) : "the first value did not stay";
    }

    /** Correct: add-if-empty under the Vector's own monitor; the other thread's add waits for it. */
    public static void vectorClientLock() throws InterruptedException {
        Vector<String> v = new Vector<>();
        Thread t = new Thread(() -> {
            synchronized (v) {
                if (v.isEmpty()) {
                    v.add("x");
                    assert v.size() == 1 : "an add got in while the vector was locked: " + v;
                }
            }
        });
        t.start();
        v.add("y");
        t.join();
    }

    /** BUG: the same add-if-empty under another lock: the vector's own add does not wait for it. */
    public static void vectorWrongLock() throws InterruptedException {
        Vector<String> v = new Vector<>();
        Object lock = new Object();
        Thread t = new Thread(() -> {
            synchronized (lock) {
                if (v.isEmpty()) {
                    v.add("x");
                    assert v.size() == 1 : "an add got in between: " + v;
                }
            }
        });
        t.start();
        v.add("y");
        t.join();
    }

    /** BUG: a synchronized list iterated without holding it, as its documentation forbids. */
    public static void synchronizedListIteratedUnlocked() throws InterruptedException {
        List<Integer> list = Collections.synchronizedList(new ArrayList<>(List.of(1, 2)));
        Thread t = new Thread(() -> list.add(3));
        t.start();
        int sum = 0;
        for (Iterator<Integer> it = list.iterator(); it.hasNext();) {
            sum += it.next();
        }
        t.join();
        assert sum == 3 || sum == 6 : "sum " + sum;
    }

    /** Correct: the iteration holds the list's monitor. */
    public static void synchronizedListIteratedLocked() throws InterruptedException {
        List<Integer> list = Collections.synchronizedList(new ArrayList<>(List.of(1, 2)));
        Thread t = new Thread(() -> list.add(3));
        t.start();
        int sum = 0;
        synchronized (list) {
            for (int x : list) {
                sum += x;
            }
        }
        t.join();
        assert sum == 3 || sum == 6 : "sum " + sum;
    }

    /** BUG: a thread removes through the key-set view while main reads the map, no lock. */
    public static void keySetViewRace() throws InterruptedException {
        Map<String, Integer> m = new HashMap<>(Map.of("k", 1));
        Thread t = new Thread(() -> m.keySet().remove("k"));
        t.start();
        Integer v = m.get("k");
        t.join();
        assert v != null : "removed before main read it";
    }

    /** Correct: a SynchronousQueue (whylock's model of it) used through the Queue interface: offers and polls are its own operations, no race. */
    public static void synchronousQueueAsQueue() throws InterruptedException {
        java.util.Queue<Integer> q = new java.util.concurrent.SynchronousQueue<>();
        Thread t = new Thread(() -> q.offer(1));
        t.start();
        Integer got = q.poll();
        t.join();
        assert got == null || got == 1 : "got " + got;
    }

    /** BUG: two threads append to one StringBuilder without a lock; main assumes its text came first. */
    public static void builderRace() throws InterruptedException {
        StringBuilder b = new StringBuilder();
        Thread t = new Thread(() -> b.append("t"));
        t.start();
        b.append("m");
        t.join();
        assert b.charAt(0) == 'm' : "the thread appended first: " + b;
    }

    /** Correct: a StringBuffer's appends are synchronized on it, and main reads it only after join. */
    public static void bufferAppends() throws InterruptedException {
        StringBuffer b = new StringBuffer();
        Thread t = new Thread(() -> b.append("t"));
        t.start();
        b.append("m");
        t.join();
        assert b.length() == 2 : "lost an append: " + b;
    }

    /** BUG: two threads draw from one seeded Random; main assumes the thread drew first (which value each gets depends on the order). */
    public static void sharedRandom() throws InterruptedException {
        java.util.Random r = new java.util.Random(42);
        int[] theirs = new int[1];
        Thread t = new Thread(() -> theirs[0] = r.nextInt(1000));
        t.start();
        int mine = r.nextInt(1000);
        t.join();
        assert theirs[0] == new java.util.Random(42).nextInt(1000) : "main drew first: " + mine + " / " + theirs[0];
    }

    /** BUG: main iterates a getter's unmodifiable view while a thread adds to the list behind it. */
    public static void unmodifiableViewIterated() throws InterruptedException {
        List<Integer> items = new ArrayList<>(List.of(1, 2));
        List<Integer> view = Collections.unmodifiableList(items);
        Thread t = new Thread(() -> items.add(3));
        t.start();
        int sum = 0;
        for (int x : view) {
            sum += x;
        }
        t.join();
        assert sum == 3 || sum == 6 : "sum " + sum;
    }

    /** The program's own list class: calls typed with it run the JDK's ArrayList code unobserved. */
    static class Names extends ArrayList<String> {
        private static final long serialVersionUID = 1L;
    }

    /** Two threads add to the program's own ArrayList subclass: whylock names it as not controlled. */
    public static void ownSubclass() throws InterruptedException {
        Names names = new Names();
        Thread t = new Thread(() -> names.add("t"));
        t.start();
        names.add("m");
        t.join();
    }
}
