package dev.whylock.bench.compare;

import dev.whylock.engine.Completion;
import dev.whylock.engine.Env;
import dev.whylock.engine.Field;
import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.Mutex;
import dev.whylock.engine.Program;
import dev.whylock.engine.Task;
import dev.whylock.linux.model.Models;
import dev.whylock.linux.model.ScenarioLoader;
import java.util.List;
import java.util.function.Consumer;

/**
 * The comparison programs written on the whylock engine API, buggy and fixed, mirroring
 * {@link Programs} operation for operation. The kernel race is the model itself (scenario A of
 * KERNEL-NOTES 5.4, with and without rtnl in the socket/upstream registration paths).
 */
final class EnginePrograms {

    private EnginePrograms() {}

    static final List<LockExperiment> NO_RTNL = List.of(LockExperiment.remove("rtnl_mutex",
            "sfp_bus_add_upstream", "sfp_bus_del_upstream", "sfp_register_socket", "sfp_unregister_socket"));

    /** The program, and the lock experiments to run it with. */
    record Case(Program program, List<LockExperiment> experiments) {}

    static Case of(String name, boolean buggy) {
        return switch (name) {
            case "lost-update" -> new Case(lostUpdate(buggy), List.of());
            case "check-then-act" -> new Case(checkThenAct(buggy), List.of());
            case "ab-ba" -> new Case(abba(buggy), List.of());
            case "missed-signal" -> new Case(missedSignal(buggy), List.of());
            case "work-stealing-queue" -> new Case(workStealing(buggy), List.of());
            case "ethtool-vs-cage-unbind" -> new Case(Models.get("sfp-v5.14").program(
                    ScenarioLoader.builtin("ethtool-module-eeprom-vs-cage-unbind")), buggy ? NO_RTNL : List.of());
            default -> throw new IllegalArgumentException(name);
        };
    }

    static Program program(String name, Consumer<Env> body) {
        return new Program() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void run(Env env) {
                body.accept(env);
            }
        };
    }

    static Program lostUpdate(boolean buggy) {
        return program("lost-update", env -> {
            Field<Integer> c = env.field("counter", 0);
            Mutex m = env.mutex("L");
            Task a = env.spawn("T0", () -> inc(c, m, buggy));
            Task b = env.spawn("T1", () -> inc(c, m, buggy));
            env.join(a);
            env.join(b);
            env.bugOn(c.get("check") != 2, "lost update");
        });
    }

    private static void inc(Field<Integer> c, Mutex m, boolean buggy) {
        if (!buggy) {
            m.lock("inc");
        }
        c.set(c.get("inc") + 1, "inc");
        if (!buggy) {
            m.unlock("inc");
        }
    }

    static Program checkThenAct(boolean buggy) {
        return program("check-then-act", env -> {
            Field<Integer> owner = env.field("owner", -1);
            Field<Integer> claims = env.field("claims", 0);
            Mutex casLock = env.mutex("cas");
            for (int t = 0; t < 2; t++) {
                int me = t;
                env.spawn("T" + t, () -> {
                    boolean mine;
                    if (!buggy) {
                        casLock.lock("cas"); // compareAndSet: the check and the act are one step
                    }
                    mine = owner.get("check") == -1;
                    if (mine) {
                        owner.set(me, "act");
                    }
                    if (!buggy) {
                        casLock.unlock("cas");
                    }
                    if (mine) {
                        casLock.lock("count");
                        int n = claims.get("count") + 1;
                        claims.set(n, "count");
                        casLock.unlock("count");
                        env.bugOn(n > 1, "slot claimed twice");
                    }
                });
            }
        });
    }

    static Program abba(boolean buggy) {
        return program("ab-ba", env -> {
            Mutex a = env.mutex("A");
            Mutex b = env.mutex("B");
            Field<Integer> x = env.field("x", 0);
            env.spawn("T0", () -> {
                a.lock("t0");
                b.lock("t0");
                x.set(1, "t0");
                b.unlock("t0");
                a.unlock("t0");
            });
            env.spawn("T1", () -> {
                Mutex first = buggy ? b : a;
                Mutex second = buggy ? a : b;
                first.lock("t1");
                second.lock("t1");
                x.set(2, "t1");
                second.unlock("t1");
                first.unlock("t1");
            });
        });
    }

    static Program missedSignal(boolean buggy) {
        return program("missed-signal", env -> {
            Field<Integer> flag = env.field("flag", 0);
            Field<Integer> waiting = env.field("waiting", 0);
            Mutex monitor = env.mutex("monitor");
            Completion wake = env.completion("wake");
            env.spawn("waiter", () -> {
                if (buggy) {
                    if (flag.get("check") == 0) {
                        monitor.lock("wait");
                        waiting.set(1, "wait");
                        monitor.unlock("wait");
                        wake.waitFor("wait");
                    }
                } else {
                    monitor.lock("wait");
                    boolean sleep = flag.get("check") == 0;
                    if (sleep) {
                        waiting.set(1, "wait");
                    }
                    monitor.unlock("wait");
                    if (sleep) {
                        wake.waitFor("wait");
                    }
                }
            });
            env.spawn("signaller", () -> {
                monitor.lock("notify");
                flag.set(1, "notify");
                if (waiting.get("notify") == 1) {
                    wake.complete("notify");
                }
                monitor.unlock("notify");
            });
        });
    }

    /** The Chase-Lev shape of {@link Programs.Deque}: CAS is a lock-protected compare and set. */
    static Program workStealing(boolean buggy) {
        return program("work-stealing-queue", env -> {
            Field<Integer> top = env.field("top", 0);
            Field<Integer> bottom = env.field("bottom", 2);
            Mutex cas = env.mutex("cas");
            Field<Integer> taken0 = env.field("taken0", 0);
            Field<Integer> taken1 = env.field("taken1", 0);
            List<Field<Integer>> taken = List.of(taken0, taken1);
            Consumer<Integer> take = v -> {
                if (v >= 0) {
                    cas.lock("take");
                    int n = taken.get(v).get("take") + 1;
                    taken.get(v).set(n, "take");
                    cas.unlock("take");
                    env.bugOn(n > 1, "item " + v + " taken twice");
                }
            };
            java.util.function.IntSupplier pop = () -> {
                int b = bottom.get("pop") - 1;
                bottom.set(b, "pop");
                int t = top.get("pop");
                if (t > b) {
                    bottom.set(t, "pop");
                    return -1;
                }
                int v = b; // items[i] == i
                if (t == b) {
                    if (buggy) {
                        top.set(t + 1, "pop");
                    } else {
                        cas.lock("pop-cas");
                        boolean ok = top.get("pop-cas") == t;
                        if (ok) {
                            top.set(t + 1, "pop-cas");
                        }
                        cas.unlock("pop-cas");
                        if (!ok) {
                            v = -1;
                        }
                    }
                    bottom.set(t + 1, "pop");
                }
                return v;
            };
            env.spawn("owner", () -> {
                take.accept(pop.getAsInt());
                take.accept(pop.getAsInt());
            });
            env.spawn("thief", () -> {
                int t = top.get("steal");
                int b = bottom.get("steal");
                if (t < b) {
                    cas.lock("steal-cas");
                    boolean ok = top.get("steal-cas") == t;
                    if (ok) {
                        top.set(t + 1, "steal-cas");
                    }
                    cas.unlock("steal-cas");
                    if (ok) {
                        take.accept(t);
                    }
                }
            });
        });
    }
}
