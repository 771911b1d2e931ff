package dev.whylock.bench;

import dev.whylock.engine.Env;
import dev.whylock.engine.Field;
import dev.whylock.engine.Mutex;
import dev.whylock.engine.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The litmus programs the benchmarks measure (the same shapes the engine tests pin). */
public final class LitmusPrograms {

    private LitmusPrograms() {}

    static Program of(String name, Consumer<Env> run) {
        return new Program() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void run(Env env) {
                run.accept(env);
            }
        };
    }

    /** Two tasks each writing k fields of their own: one Mazurkiewicz trace, C(2k,k) interleavings. */
    public static Program independent(int k) {
        return of("independent-" + k, env -> {
            for (int t = 0; t < 2; t++) {
                List<Field<Integer>> mine = new ArrayList<>();
                for (int i = 0; i < k; i++) {
                    mine.add(env.field("t" + t + ".x" + i, 0));
                }
                env.spawn("T" + t, () -> mine.forEach(f -> f.set(1, "step")));
            }
        });
    }

    /** n tasks each taking one lock once: n! traces. */
    public static Program lockOnce(int n) {
        return of("lock-once-" + n, env -> {
            Mutex m = env.mutex("L");
            for (int t = 0; t < n; t++) {
                env.spawn("T" + t, () -> {
                    m.lock("critical");
                    m.unlock("critical");
                });
            }
        });
    }

    /** Two tasks incrementing a shared counter under a lock, {@code steps} times each: a long single execution. */
    public static Program longCounter(int steps) {
        return of("counter-" + steps, env -> {
            Mutex m = env.mutex("L");
            Field<Integer> c = env.field("counter", 0);
            for (int t = 0; t < 2; t++) {
                env.spawn("T" + t, () -> {
                    for (int i = 0; i < steps; i++) {
                        m.lock("inc");
                        c.set(c.get("inc") + 1, "inc");
                        m.unlock("inc");
                    }
                });
            }
        });
    }

    /** Two tasks each doing {@code counter = counter + 1} without a lock, then main checks the sum: the lost update. */
    public static Program lostUpdate() {
        return of("lost-update", env -> {
            Field<Integer> c = env.field("counter", 0);
            List<dev.whylock.engine.Task> ts = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                ts.add(env.spawn("T" + t, () -> c.set(c.get("inc") + 1, "inc")));
            }
            ts.forEach(env::join);
            env.warnOn(c.get("check") != 2, "lost update: counter is " + c.peek());
        });
    }

    /** Two tasks taking locks A and B in opposite orders: the AB-BA deadlock. */
    public static Program abba() {
        return of("ab-ba", env -> {
            Mutex a = env.mutex("A");
            Mutex b = env.mutex("B");
            Field<Integer> x = env.field("x", 0);
            env.spawn("T0", () -> {
                a.lock("t0-a");
                b.lock("t0-b");
                x.set(1, "t0-write");
                b.unlock("t0-b");
                a.unlock("t0-a");
            });
            env.spawn("T1", () -> {
                b.lock("t1-b");
                a.lock("t1-a");
                x.set(2, "t1-write");
                a.unlock("t1-a");
                b.unlock("t1-b");
            });
        });
    }

    /** Two tasks each claiming a slot if it is free, check and act not atomic: both can claim it. */
    public static Program checkThenAct() {
        return of("check-then-act", env -> {
            Field<Integer> owner = env.field("owner", -1);
            Field<Integer> claims = env.field("claims", 0);
            Mutex m = env.mutex("claims_lock");
            for (int t = 0; t < 2; t++) {
                int me = t;
                env.spawn("T" + t, () -> {
                    if (owner.get("check") == -1) {
                        owner.set(me, "act");
                        m.lock("count");
                        int n = claims.get("count") + 1;
                        claims.set(n, "count");
                        m.unlock("count");
                        env.bugOn(n > 1, "slot claimed twice");
                    }
                });
            }
        });
    }

    /**
     * A waiter that checks a flag and then registers itself and sleeps, and a signaller that sets the
     * flag and wakes the waiter only if it has registered: the signal can fall between check and
     * sleep, and the waiter sleeps forever (a deadlock).
     */
    public static Program missedSignal() {
        return of("missed-signal", env -> {
            Field<Integer> flag = env.field("flag", 0);
            Field<Integer> waiting = env.field("waiting", 0);
            dev.whylock.engine.Completion wake = env.completion("wake");
            env.spawn("waiter", () -> {
                if (flag.get("check") == 0) {
                    waiting.set(1, "register");
                    wake.waitFor("sleep");
                }
            });
            env.spawn("signaller", () -> {
                flag.set(1, "set");
                if (waiting.get("waiter?") == 1) {
                    wake.complete("wake");
                }
            });
        });
    }

    /**
     * Mixed: three tasks, each doing a private step, a locked increment of a shared counter and an
     * unlocked read of a flag that one of them writes.
     */
    public static Program mixedLockAndFlag() {
        return of("mixed-lock-flag", env -> {
            Mutex m = env.mutex("L");
            Field<Integer> c = env.field("counter", 0);
            Field<Integer> flag = env.field("flag", 0);
            for (int t = 0; t < 3; t++) {
                int me = t;
                Field<Integer> mine = env.field("t" + t + ".local", 0);
                env.spawn("T" + t, () -> {
                    mine.set(1, "private");
                    m.lock("inc");
                    c.set(c.get("inc") + 1, "inc");
                    m.unlock("inc");
                    if (me == 0) {
                        flag.set(1, "publish");
                    } else {
                        flag.get("observe");
                    }
                });
            }
        });
    }

    /**
     * Mixed: a producer publishing two items through a lock-protected queue length and a completion,
     * a consumer waiting for it, and an independent task touching its own fields.
     */
    public static Program mixedProducerConsumer() {
        return of("mixed-producer-consumer", env -> {
            Mutex m = env.mutex("q_lock");
            Field<Integer> len = env.field("q.len", 0);
            dev.whylock.engine.Completion ready = env.completion("ready");
            Field<Integer> a = env.field("other.a", 0);
            Field<Integer> b = env.field("other.b", 0);
            env.spawn("producer", () -> {
                for (int i = 0; i < 2; i++) {
                    m.lock("push");
                    len.set(len.get("push") + 1, "push");
                    m.unlock("push");
                }
                ready.complete("publish");
            });
            env.spawn("consumer", () -> {
                ready.waitFor("wait");
                m.lock("pop");
                int n = len.get("pop");
                env.bugOn(n != 2, "consumer saw " + n + " items");
                len.set(0, "pop");
                m.unlock("pop");
            });
            env.spawn("other", () -> {
                a.set(1, "a");
                b.set(a.get("b") + 1, "b");
            });
        });
    }
}
