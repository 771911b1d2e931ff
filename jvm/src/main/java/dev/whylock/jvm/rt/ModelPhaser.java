package dev.whylock.jvm.rt;

import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What {@code new Phaser(...)} creates in rewritten code: phase, registered and unarrived parties
 * are one number on the engine (a {@link WaitQueue}); registering, arriving and deregistering are
 * each one atomic operation on it, and a task awaiting an advance waits in its queue. The last
 * party to arrive runs {@link #onAdvance} (the application's override, which may do anything)
 * between two operations: its arrival, after which the phase is advancing (registering waits,
 * another arrival is the JDK's IllegalStateException), and the advance itself, which opens the
 * next phase or terminates the phaser and wakes the waiters. Tiered phasers (with a parent) are
 * not modelled: their first call stops the execution as not controlled.
 */
public class ModelPhaser extends Phaser {
    static final long UNARRIVED = 0xffffL;
    static final int PARTIES_SHIFT = 16;
    static final int PHASE_SHIFT = 32;
    static final long TERMINATED = 1L << 63;

    private final boolean tiered;
    private JvmRuntime rt;
    private WaitQueue state;

    public ModelPhaser() {
        this(null, 0);
    }

    public ModelPhaser(int parties) {
        this(null, parties);
    }

    public ModelPhaser(Phaser parent) {
        this(parent, 0);
    }

    public ModelPhaser(Phaser parent, int parties) {
        super(parent, parties);
        this.tiered = parent != null;
    }

    static int unarrived(long s) {
        return (int) (s & UNARRIVED);
    }

    static int parties(long s) {
        return (int) ((s >>> PARTIES_SHIFT) & 0xffffL);
    }

    static boolean terminated(long s) {
        return (s & TERMINATED) != 0L;
    }

    /** The phase as the JDK reports it: negative once terminated. */
    static int phase(long s) {
        int p = (int) ((s >>> PHASE_SHIFT) & 0x7fffffffL);
        return terminated(s) ? p | Integer.MIN_VALUE : p;
    }

    static long pack(int phase, int parties, int unarrived) {
        return ((long) (phase & 0x7fffffff) << PHASE_SHIFT) | ((long) parties << PARTIES_SHIFT) | unarrived;
    }

    static String show(long s) {
        return (terminated(s) ? "terminated, " : "") + "phase " + (phase(s) & 0x7fffffff) + ", " + parties(s) + " registered, "
                + (parties(s) - unarrived(s)) + " arrived" + (!terminated(s) && parties(s) > 0 && unarrived(s) == 0 ? " (advancing)" : "");
    }

    private WaitQueue state(JvmRuntime r) {
        if (tiered) {
            NotControlled.stopAt("java.util.concurrent.Phaser with a parent (tiered)");
        }
        if (rt != r) {
            rt = r;
            long initial = pack(super.getPhase() & 0x7fffffff, super.getRegisteredParties(), super.getUnarrivedParties());
            state = r.prims.counter(r.lockName(this), super.isTerminated() ? initial | TERMINATED : initial, ModelPhaser::show);
        }
        return state;
    }

    /** The runtime when the caller is controlled, else null (the JDK's Phaser then answers). */
    private static JvmRuntime controlled() {
        JvmRuntime r = JvmRuntime.active();
        return RtThreads.me(r) == null ? null : r;
    }

    private int register(JvmRuntime r, int n) {
        if (n < 0 || n > 0xffff) {
            throw new IllegalArgumentException("bad number of parties: " + n);
        }
        long[] got = new long[1];
        try {
            r.prims.acquire(RtThreads.me(r), state(r), s -> terminated(s) || !(parties(s) > 0 && unarrived(s) == 0),
                    s -> {
                        got[0] = s;
                        if (terminated(s)) {
                            return s;
                        }
                        if (parties(s) + n > 0xffff) {
                            throw new IllegalStateException("too many parties: " + (parties(s) + n));
                        }
                        return pack(phase(s), parties(s) + n, unarrived(s) + n);
                    }, -1, JvmPrimitives.Interrupts.IGNORE, CallerSite.of(r));
        } catch (InterruptedException e) {
            throw new IllegalStateException("an uninterruptible wait was interrupted", e);
        }
        return phase(got[0]);
    }

    @Override
    public int register() {
        JvmRuntime r = controlled();
        return r == null ? super.register() : register(r, 1);
    }

    @Override
    public int bulkRegister(int parties) {
        JvmRuntime r = controlled();
        return r == null ? super.bulkRegister(parties) : parties == 0 ? getPhase() : register(r, parties);
    }

    /**
     * One arrival (and deregistration): returns the arrival phase (negative when terminated); when
     * it was the last, runs onAdvance and advances, and {@code advanced[0]} is the new phase.
     */
    private int arrive(JvmRuntime r, boolean deregister, int[] advanced) {
        String site = CallerSite.of(r);
        WaitQueue q = state(r);
        long old = r.prims.release(q, s -> terminated(s) || unarrived(s) == 0 ? s
                : pack(phase(s), parties(s) - (deregister ? 1 : 0), unarrived(s) - 1), s -> false, site);
        if (terminated(old)) {
            advanced[0] = phase(old);
            return phase(old);
        }
        if (unarrived(old) == 0) {
            throw new IllegalStateException("Phaser: more arrivals than registered parties (" + show(old) + ")");
        }
        int phase = phase(old);
        int parties = parties(old) - (deregister ? 1 : 0);
        if (unarrived(old) > 1) {
            advanced[0] = -1;
            return phase;
        }
        boolean terminate = onAdvance(phase, parties);
        int next = (phase + 1) & 0x7fffffff;
        r.prims.release(q, s -> terminate ? s | TERMINATED : pack(next, parties, parties), s -> true, site);
        advanced[0] = terminate ? phase | Integer.MIN_VALUE : next;
        return phase;
    }

    @Override
    public int arrive() {
        JvmRuntime r = controlled();
        return r == null ? super.arrive() : arrive(r, false, new int[1]);
    }

    @Override
    public int arriveAndDeregister() {
        JvmRuntime r = controlled();
        return r == null ? super.arriveAndDeregister() : arrive(r, true, new int[1]);
    }

    @Override
    public int arriveAndAwaitAdvance() {
        JvmRuntime r = controlled();
        if (r == null) {
            return super.arriveAndAwaitAdvance();
        }
        int[] advanced = new int[1];
        int phase = arrive(r, false, advanced);
        if (phase < 0 || advanced[0] != -1) {
            return advanced[0];
        }
        try {
            return await(r, phase, -1, JvmPrimitives.Interrupts.IGNORE);
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("an uninterruptible, untimed wait ended early", e);
        }
    }

    /** Waits while the phase is {@code phase}; returns the phase then (negative when terminated). */
    private int await(JvmRuntime r, int phase, long nanos, JvmPrimitives.Interrupts interrupts)
            throws InterruptedException, TimeoutException {
        if (phase < 0) {
            return phase;
        }
        long[] seen = new long[1];
        if (!r.prims.acquire(RtThreads.me(r), state(r), s -> terminated(s) || phase(s) != phase, s -> seen[0] = s, nanos, interrupts,
                CallerSite.of(r))) {
            throw new TimeoutException("phase " + phase + " did not advance in time");
        }
        return phase(seen[0]);
    }

    @Override
    public int awaitAdvance(int phase) {
        JvmRuntime r = controlled();
        if (r == null) {
            return super.awaitAdvance(phase);
        }
        try {
            return await(r, phase, -1, JvmPrimitives.Interrupts.IGNORE);
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("an uninterruptible, untimed wait ended early", e);
        }
    }

    @Override
    public int awaitAdvanceInterruptibly(int phase) throws InterruptedException {
        JvmRuntime r = controlled();
        if (r == null) {
            return super.awaitAdvanceInterruptibly(phase);
        }
        try {
            return await(r, phase, -1, JvmPrimitives.Interrupts.THROW);
        } catch (TimeoutException e) {
            throw new IllegalStateException("an untimed wait timed out", e);
        }
    }

    @Override
    public int awaitAdvanceInterruptibly(int phase, long timeout, TimeUnit unit) throws InterruptedException, TimeoutException {
        JvmRuntime r = controlled();
        return r == null ? super.awaitAdvanceInterruptibly(phase, timeout, unit)
                : await(r, phase, Math.max(0, unit.toNanos(timeout)), JvmPrimitives.Interrupts.THROW);
    }

    @Override
    public void forceTermination() {
        JvmRuntime r = controlled();
        if (r == null) {
            super.forceTermination();
            return;
        }
        r.prims.release(state(r), s -> s | TERMINATED, s -> true, CallerSite.of(r));
    }

    private long read(JvmRuntime r) {
        return r.prims.read(state(r), CallerSite.of(r));
    }

    /** {@code getPhase()}, which is final in the JDK: call sites are redirected here. */
    public static int phaseOf(Phaser p, int site) {
        JvmRuntime r = controlled();
        return r != null && p instanceof ModelPhaser m ? phase(m.read(r)) : p.getPhase();
    }

    @Override
    public int getRegisteredParties() {
        JvmRuntime r = controlled();
        return r == null ? super.getRegisteredParties() : parties(read(r));
    }

    @Override
    public int getArrivedParties() {
        JvmRuntime r = controlled();
        if (r == null) {
            return super.getArrivedParties();
        }
        long s = read(r);
        return parties(s) - unarrived(s);
    }

    @Override
    public int getUnarrivedParties() {
        JvmRuntime r = controlled();
        return r == null ? super.getUnarrivedParties() : unarrived(read(r));
    }

    @Override
    public boolean isTerminated() {
        JvmRuntime r = controlled();
        return r == null ? super.isTerminated() : terminated(read(r));
    }

    @Override
    public String toString() {
        return "Phaser@" + Integer.toHexString(RtSystem.identityHashCode(this, 0));
    }
}
