package jvmtest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Programs over VarHandles on their own fields and arrays: a counter incremented with plain-mode
 * get/set (found: lost update and race) and with a CAS loop (clean: the field is plain, but every
 * access goes through ordered modes); a CAS racing with a plain read of the same field (found);
 * publication by setRelease/getAcquire (clean); static fields, arrays and a private lookup; and a
 * VarHandle on a JDK class's field and a byte-array view, which whylock does not model (refused by
 * name).
 */
public class VarHandles {
    private int count;
    private static long total;
    private static final VarHandle COUNT;
    private static final VarHandle TOTAL;
    private static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            COUNT = l.findVarHandle(VarHandles.class, "count", int.class);
            TOTAL = l.findStaticVarHandle(VarHandles.class, "total", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** BUG: read, then write, through the plain modes: an increment is lost, and the accesses race. */
    public static void plainLostUpdate() throws InterruptedException {
        VarHandles v = new VarHandles();
        Runnable inc = () -> {
            int c = (int) COUNT.get(v);
            COUNT.set(v, c + 1);
        };
        Two.run(inc, inc);
        assert v.count == 2 : "an increment was lost: count is " + v.count;
    }

    /** Correct: a CAS loop on a plain field; every access is an ordered mode, so no race either. */
    public static void casLoop() throws InterruptedException {
        VarHandles v = new VarHandles();
        Runnable inc = () -> {
            int c;
            do {
                c = (int) COUNT.getVolatile(v);
            } while (!COUNT.compareAndSet(v, c, c + 1));
        };
        Two.run(inc, inc);
        assert (int) COUNT.getVolatile(v) == 2 : "count is " + v.count;
    }

    /** BUG: A updates the field by CAS while main reads it plainly before joining: the plain read races with the CAS. */
    public static void casAndPlainRead() throws InterruptedException {
        VarHandles v = new VarHandles();
        Thread a = new Thread(() -> COUNT.compareAndSet(v, 0, 1), "A");
        a.start();
        int seen = v.count;
        a.join();
        assert seen == 0 || seen == 1 : "impossible: " + seen;
    }

    /** Correct: data written plainly, then published by setRelease; the reader reads it only after getAcquire saw the flag. */
    public static void releaseAcquire() throws InterruptedException {
        int[] data = new int[1];
        VarHandles flag = new VarHandles();
        Thread w = new Thread(() -> {
            data[0] = 42;
            COUNT.setRelease(flag, 1);
        }, "writer");
        w.start();
        if ((int) COUNT.getAcquire(flag) == 1) {
            assert data[0] == 42 : "published data not seen: " + data[0];
        }
        w.join();
    }

    /** Correct: getAndAdd on a static field and on array elements, through a private lookup too. */
    public static void staticAndArray() throws Exception {
        total = 0;
        int[] cells = new int[2];
        VarHandle count = MethodHandles.privateLookupIn(VarHandles.class, MethodHandles.lookup())
                .findVarHandle(VarHandles.class, "count", int.class);
        VarHandles v = new VarHandles();
        Runnable add = () -> {
            TOTAL.getAndAdd(3L);
            INTS.getAndAdd(cells, 1, 1);
            count.getAndAdd(v, 1);
        };
        Two.run(add, add);
        VarHandle unreflected = MethodHandles.lookup().unreflectVarHandle(VarHandles.class.getDeclaredField("count"));
        assert total == 6 && cells[1] == 2 && (int) unreflected.getVolatile(v) == 2 : total + " " + cells[1] + " " + v.count;
    }

    /** BUG: array elements through the plain modes: an increment is lost. */
    public static void arrayLostUpdate() throws InterruptedException {
        int[] cells = new int[1];
        Runnable inc = () -> {
            int c = (int) INTS.get(cells, 0);
            INTS.set(cells, 0, c + 1);
        };
        Two.run(inc, inc);
        assert cells[0] == 2 : "an increment was lost: " + cells[0];
    }

    /** Not modelled: a VarHandle on a field of a JDK class; refused by name. */
    public static void jdkField() throws Exception {
        java.awt.Point p = new java.awt.Point();
        VarHandle x = MethodHandles.lookup().findVarHandle(java.awt.Point.class, "x", int.class);
        Thread a = new Thread(() -> x.getAndAdd(p, 1), "A");
        a.start();
        a.join();
    }

    /** Not modelled: a VarHandle viewing a byte array as ints; refused by name. */
    public static void byteView() throws InterruptedException {
        byte[] bytes = new byte[8];
        VarHandle view = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
        Thread a = new Thread(() -> view.getAndAdd(bytes, 0, 1), "A");
        a.start();
        a.join();
    }
}
