package dev.whylock.engine.search;

import dev.whylock.engine.exec.Footprint;
import dev.whylock.engine.result.Violation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wire form of a split search's work units and their results: plain data that another JVM
 * running the same whylock and model turns back into the unit (see {@link SplitSearch#runSent}).
 *
 * <p>What it carries, and so what it depends on: per frame of a unit's prefix (and of a result's
 * frames), the fields of {@link SourceDpor.FrameState}: the enabled, backtrack, done and sleep sets
 * as task indices, the frame's fixed flag, choice index, chosen task, value count and value, and the
 * sleep and done footprints of the tasks in those sets as entries (object id, mode, delta) without
 * the objects' before-states: the search uses those footprints only to decide which tasks stay
 * asleep (dependency is defined on objects and modes alone), and object ids are numbered per
 * execution in creation order, so they mean the same on every JVM that runs the same program. The
 * operations and their clocks are not sent: the receiving unit recomputes them by replaying the
 * prefix. Violations and the observers' state travel Java-serialised. A change to SourceDpor's
 * frames (a new per-frame set, wakeup trees) must be added here, on both sides.
 */
public final class UnitWire {

    /** Bumped whenever the layout changes; a reader refuses another version. */
    static final int VERSION = 1;

    private UnitWire() {}

    /** A unit as the receiving JVM runs it. */
    record SentUnit(List<SourceDpor.FrameState> prefix, int floor, long unitExecutions, long budget, List<MergeableObserver> observers) {}

    /** The plain-data form of {@code unit}, with fresh copies of its search's observers. */
    public static byte[] unit(SplitSearch.WorkUnit unit) {
        return write(out -> {
            out.writeInt(VERSION);
            writeFrames(out, unit.prefix());
            out.writeInt(unit.floor());
            out.writeLong(unit.unitExecutions());
            out.writeLong(unit.budget());
            out.writeObject(new ArrayList<>(unit.freshObservers()));
        });
    }

    @SuppressWarnings("unchecked")
    static SentUnit readUnit(byte[] bytes) {
        return read(bytes, in -> {
            checkVersion(in.readInt());
            List<SourceDpor.FrameState> prefix = readFrames(in);
            int floor = in.readInt();
            long unitExecutions = in.readLong();
            long budget = in.readLong();
            List<MergeableObserver> observers = (List<MergeableObserver>) in.readObject();
            return new SentUnit(prefix, floor, unitExecutions, budget, observers);
        });
    }

    static byte[] result(SplitSearch.UnitResult r) {
        return write(out -> {
            out.writeInt(VERSION);
            out.writeLong(r.executions());
            out.writeLong(r.blocked());
            out.writeLong(r.steps());
            out.writeBoolean(r.bounded());
            out.writeBoolean(r.stopNow());
            out.writeBoolean(r.interrupted());
            out.writeObject(new ArrayList<>(r.found().values()));
            writeFrames(out, r.frames());
            out.writeObject(new ArrayList<>(r.observed()));
        });
    }

    /** A unit's result from its plain-data form ({@link SplitSearch#runSent}'s answer). */
    @SuppressWarnings("unchecked")
    public static SplitSearch.UnitResult result(byte[] bytes) {
        return read(bytes, in -> {
            checkVersion(in.readInt());
            long executions = in.readLong();
            long blocked = in.readLong();
            long steps = in.readLong();
            boolean bounded = in.readBoolean();
            boolean stopNow = in.readBoolean();
            boolean interrupted = in.readBoolean();
            Map<String, Violation> found = new LinkedHashMap<>();
            for (Violation v : (List<Violation>) in.readObject()) {
                found.put(v.key(), v);
            }
            List<SourceDpor.FrameState> frames = readFrames(in);
            List<MergeableObserver> observed = (List<MergeableObserver>) in.readObject();
            return new SplitSearch.UnitResult(executions, blocked, steps, bounded, stopNow, interrupted, found, frames, observed);
        });
    }

    private static void checkVersion(int v) {
        if (v != VERSION) {
            throw new IllegalArgumentException("work unit of wire version " + v + ", this whylock reads version " + VERSION);
        }
    }

    private static void writeFrames(ObjectOutputStream out, List<SourceDpor.FrameState> frames) throws IOException {
        out.writeInt(frames.size());
        for (SourceDpor.FrameState f : frames) {
            writeBits(out, f.enabled);
            writeBits(out, f.backtrack);
            writeBits(out, f.done);
            writeBits(out, f.sleep);
            writeFootprints(out, f.sleepFp);
            writeFootprints(out, f.doneFp);
            out.writeBoolean(f.fixed);
            out.writeInt(f.choice);
            out.writeInt(f.chosen);
            out.writeInt(f.valueCount);
            out.writeInt(f.value);
        }
    }

    private static List<SourceDpor.FrameState> readFrames(ObjectInputStream in) throws IOException {
        int n = in.readInt();
        List<SourceDpor.FrameState> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            BitSet enabled = readBits(in);
            BitSet backtrack = readBits(in);
            BitSet done = readBits(in);
            BitSet sleep = readBits(in);
            Footprint[] sleepFp = readFootprints(in);
            Footprint[] doneFp = readFootprints(in);
            out.add(new SourceDpor.FrameState(enabled, backtrack, done, sleep, sleepFp, doneFp, in.readBoolean(), in.readInt(),
                    in.readInt(), in.readInt(), in.readInt()));
        }
        return out;
    }

    private static void writeBits(ObjectOutputStream out, BitSet b) throws IOException {
        long[] words = b.toLongArray();
        out.writeInt(words.length);
        for (long w : words) {
            out.writeLong(w);
        }
    }

    private static BitSet readBits(ObjectInputStream in) throws IOException {
        long[] words = new long[in.readInt()];
        for (int i = 0; i < words.length; i++) {
            words[i] = in.readLong();
        }
        return BitSet.valueOf(words);
    }

    private static void writeFootprints(ObjectOutputStream out, Footprint[] fps) throws IOException {
        out.writeInt(fps.length);
        for (Footprint fp : fps) {
            out.writeInt(fp == null ? -1 : fp.size());
            if (fp == null) {
                continue;
            }
            for (int e = 0; e < fp.size(); e++) {
                out.writeInt(fp.object(e));
                out.writeByte(fp.mode(e));
                out.writeLong(fp.delta(e));
            }
            out.writeBoolean(fp.observesAllMemory());
        }
    }

    private static Footprint[] readFootprints(ObjectInputStream in) throws IOException {
        Footprint[] fps = new Footprint[in.readInt()];
        for (int i = 0; i < fps.length; i++) {
            int size = in.readInt();
            if (size < 0) {
                continue;
            }
            Footprint.Builder b = new Footprint.Builder();
            for (int e = 0; e < size; e++) {
                int object = in.readInt();
                byte mode = in.readByte();
                long delta = in.readLong();
                switch (mode) {
                    case Footprint.OBSERVE -> b.observe(object);
                    case Footprint.MODIFY -> b.modify(object);
                    default -> b.add(object, delta, 0);
                }
            }
            if (in.readBoolean()) {
                b.observeAllMemory();
            }
            fps[i] = b.build();
        }
        return fps;
    }

    /** {@code o} (plain data: records of strings, numbers and lists) Java-serialised, for another JVM running the same whylock. */
    public static byte[] plain(Object o) {
        return write(out -> out.writeObject(o));
    }

    /** What {@link #plain(Object)} wrote. */
    public static Object fromPlain(byte[] bytes) {
        return read(bytes, ObjectInputStream::readObject);
    }

    private interface Writer {
        void write(ObjectOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(ObjectInputStream in) throws IOException, ClassNotFoundException;
    }

    private static byte[] write(Writer w) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            w.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a work unit or exploration as plain data", e);
        }
        return bytes.toByteArray();
    }

    private static <T> T read(byte[] bytes, Reader<T> r) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return r.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a work unit or exploration from plain data", e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a work unit or exploration names a class this whylock does not have: " + e.getMessage(), e);
        }
    }
}
