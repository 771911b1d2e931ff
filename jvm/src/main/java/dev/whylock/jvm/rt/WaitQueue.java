package dev.whylock.jvm.rt;

import dev.whylock.engine.Env;
import dev.whylock.engine.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import java.util.function.LongUnaryOperator;

/**
 * A synchronizer's state as one engine field: a number (a count, permits, a flag, a version) and
 * the tasks waiting for it to change. Every change is one atomic visible operation, so a check
 * and the enqueueing that follows it cannot be separated by another task (no lost wake-up), and
 * the field's {@link Field.Kind#VOLATILE} kind orders whatever a releaser did before every later
 * acquirer.
 */
final class WaitQueue {

    /** The immutable state: {@code text} is what traces show, e.g. {@code count=1} or the last call. */
    record State(long value, List<Waiter> waiters, String text) {
        @Override
        public String toString() {
            if (text.isEmpty()) {
                return waiters.isEmpty() ? "none waiting" : "waiting: " + waiters;
            }
            return waiters.isEmpty() ? text : text + ", waiting: " + waiters;
        }
    }

    private final Env env;
    final Field<State> field;
    private final String valueName;
    private final java.util.function.LongFunction<String> format;

    /**
     * {@code valueName} labels the number in traces ({@code count=1}); empty shows the bare number,
     * null only the waiters.
     */
    WaitQueue(Env env, String name, long initial, String valueName) {
        this(env, name, initial, valueName, null);
    }

    /** A queue whose number traces show as {@code format} renders it (a packed state in its parts). */
    WaitQueue(Env env, String name, long initial, java.util.function.LongFunction<String> format) {
        this(env, name, initial, "", format);
    }

    private WaitQueue(Env env, String name, long initial, String valueName, java.util.function.LongFunction<String> format) {
        this.env = env;
        this.valueName = valueName;
        this.format = format;
        this.field = env.field(name, new State(initial, List.of(), show(initial))).ordered();
    }

    private String show(long v) {
        if (format != null) {
            return format.apply(v);
        }
        return valueName == null ? "" : valueName.isEmpty() ? Long.toString(v) : valueName + "=" + v;
    }

    Env env() {
        return env;
    }

    /** The number, as a visible read. */
    long read(String site) {
        return field.get(site).value();
    }

    /** The number without an operation: only for code that already ordered itself with an operation on this queue. */
    long peek() {
        return field.value().value();
    }

    /** How many tasks wait, without an operation (for choosing whom a notify wakes). */
    int waiting() {
        return field.value().waiters().size();
    }

    /**
     * One step: if {@code test} holds for the number, replaces it by {@code take} of it and returns
     * true; otherwise enqueues {@code w} (when not null) and returns false.
     */
    boolean tryOrEnqueue(LongPredicate test, LongUnaryOperator take, Waiter w, String site) {
        return tryOrEnqueue(test, take, w, null, site);
    }

    /** As {@link #tryOrEnqueue(LongPredicate, LongUnaryOperator, Waiter, String)}; on success, when {@code woken} is not null, every waiter is removed into it. */
    boolean tryOrEnqueue(LongPredicate test, LongUnaryOperator take, Waiter w, List<Waiter> woken, String site) {
        boolean[] ok = new boolean[1];
        field.update(s -> {
            if (test.test(s.value())) {
                ok[0] = true;
                long v = take.applyAsLong(s.value());
                if (woken != null) {
                    woken.addAll(s.waiters());
                    return new State(v, List.of(), show(v));
                }
                return new State(v, s.waiters(), show(v));
            }
            if (w == null) {
                return s;
            }
            List<Waiter> ws = new ArrayList<>(s.waiters());
            ws.add(w);
            return new State(s.value(), List.copyOf(ws), s.text());
        }, site);
        return ok[0];
    }

    /** Enqueues {@code w} unconditionally. */
    void enqueue(Waiter w, String site) {
        tryOrEnqueue(v -> false, v -> v, w, site);
    }

    /**
     * One step: replaces the number by {@code f} of it and removes the waiters to wake: all of them
     * ({@code which} &lt; 0), none (0), or the one at index {@code which - 1}. The caller then owns
     * their wake-ups.
     */
    List<Waiter> update(LongUnaryOperator f, int which, String text, String site) {
        List<Waiter> out = new ArrayList<>();
        field.update(s -> {
            long v = f.applyAsLong(s.value());
            List<Waiter> keep = new ArrayList<>(s.waiters());
            if (which < 0) {
                out.addAll(keep);
                keep.clear();
            } else if (which > 0 && !keep.isEmpty()) {
                out.add(keep.remove(Math.min(which, keep.size()) - 1));
            }
            return new State(v, List.copyOf(keep), text != null ? text : show(v));
        }, site);
        return out;
    }

    /** One step: removes {@code w} if it still waits here; true when the caller now owns its wake-up. */
    boolean remove(Waiter w, String site) {
        boolean[] found = new boolean[1];
        field.update(s -> {
            if (!s.waiters().contains(w)) {
                return s;
            }
            found[0] = true;
            List<Waiter> keep = new ArrayList<>(s.waiters());
            keep.remove(w);
            return new State(s.value(), List.copyOf(keep), s.text());
        }, site);
        return found[0];
    }

    /**
     * One step: replaces the number by {@code f} of it and, when {@code wake} holds for the new
     * number, removes every waiter into {@code woken} (the caller then owns their wake-ups).
     * Returns the old number.
     */
    long change(LongUnaryOperator f, java.util.function.LongPredicate wake, List<Waiter> woken, String site) {
        long[] old = new long[1];
        field.update(s -> {
            old[0] = s.value();
            long v = f.applyAsLong(s.value());
            if (!wake.test(v)) {
                return new State(v, s.waiters(), show(v));
            }
            woken.addAll(s.waiters());
            return new State(v, List.of(), show(v));
        }, site);
        return old[0];
    }

    /**
     * One step: if {@code test} holds for the number, replaces it by {@code f} of it and removes every
     * waiter into {@code woken} (the caller then owns their wake-ups); returns whether it did.
     */
    boolean changeIf(LongPredicate test, LongUnaryOperator f, List<Waiter> woken, String site) {
        boolean[] ok = new boolean[1];
        field.update(s -> {
            if (!test.test(s.value())) {
                return s;
            }
            ok[0] = true;
            long v = f.applyAsLong(s.value());
            woken.addAll(s.waiters());
            return new State(v, List.of(), show(v));
        }, site);
        return ok[0];
    }

    /** One step: applies {@code f} to the number and removes {@code w} if it still waits here; true when it did. */
    boolean remove(Waiter w, LongUnaryOperator f, String site) {
        boolean[] found = new boolean[1];
        field.update(s -> {
            List<Waiter> keep = new ArrayList<>(s.waiters());
            found[0] = keep.remove(w);
            long v = f.applyAsLong(s.value());
            return new State(v, List.copyOf(keep), valueName == null ? s.text() : show(v));
        }, site);
        return found[0];
    }

    /**
     * One step that performs {@code body} (a JDK call on the object this queue stands for) and
     * removes every waiter, whose wake-up the caller then owns; the number counts the changes and
     * {@code body}'s result is what traces show.
     */
    List<Waiter> mutate(java.util.function.Supplier<String> body, String site) {
        List<Waiter> out = new ArrayList<>();
        field.update(s -> {
            String text = body.get();
            out.addAll(s.waiters());
            return new State(s.value() + 1, List.of(), text);
        }, site);
        return out;
    }

    /**
     * One step that performs {@code body}: when it returns text (it succeeded), that is what traces
     * show and every waiter is removed into the returned list (the caller owns their wake-ups);
     * when it returns null (it would have had to wait), {@code w} is enqueued and null returned.
     */
    List<Waiter> attempt(java.util.function.Supplier<String> body, Waiter w, String site) {
        List<Waiter> out = new ArrayList<>();
        boolean[] ok = new boolean[1];
        field.update(s -> {
            String text = body.get();
            if (text != null) {
                ok[0] = true;
                out.addAll(s.waiters());
                return new State(s.value() + 1, List.of(), text);
            }
            List<Waiter> ws = new ArrayList<>(s.waiters());
            ws.add(w);
            return new State(s.value(), List.copyOf(ws), s.text());
        }, site);
        return ok[0] ? out : null;
    }

    /** Wakes every waiter in {@code ws} (removed by the caller's update) as signalled. */
    static void wakeAll(List<Waiter> ws, String site) {
        for (Waiter w : ws) {
            w.wake(Waiter.Reason.SIGNALLED, site);
        }
    }
}
