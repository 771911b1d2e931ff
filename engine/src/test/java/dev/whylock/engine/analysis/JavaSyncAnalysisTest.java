package dev.whylock.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.Field;
import dev.whylock.engine.Latch;
import dev.whylock.engine.Monitor;
import dev.whylock.engine.Program;
import dev.whylock.engine.ReadWriteLock;
import dev.whylock.engine.Semaphore;
import dev.whylock.engine.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The analyses see the Java primitives: a monitor's holds make a lockset, and a wait/notify, a
 * latch, a semaphore, park/unpark and read-write locks order accesses for the race detector, so
 * correctly synchronised programs show no data race while unsynchronised ones still do.
 */
class JavaSyncAnalysisTest {

    private static List<String> racyFields(AnalysisReport r) {
        return r.races().races().stream().map(DataRace::field).distinct().sorted().toList();
    }

    /** x is written before notify and read after the wait returns, all under the monitor. */
    static Program waitNotify() {
        return AnalysisTest.program("wait-notify", env -> {
            Monitor m = env.monitor("Box.this");
            Field<Integer> x = env.field("Box.x", 0);
            env.spawn("consumer", () -> {
                m.lock("Box.take");
                try {
                    while (x.get("Box.take") == 0) {
                        m.await("Box.take");
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                m.unlock("Box.take");
            });
            env.spawn("producer", () -> {
                m.lock("Box.put");
                x.set(1, "Box.put");
                m.signal("Box.put");
                m.unlock("Box.put");
            });
        });
    }

    @Test
    void waitNotifyUnderTheMonitor_analyses_protectedByItAndNoRace() {
        AnalysisReport r = AnalysisTest.analyse(waitNotify());
        assertEquals(List.of("Box.this"), AnalysisTest.row(r, "Box.x").locks());
        assertEquals(List.of(), racyFields(r));
    }

    /** Writes published through a latch, a semaphore and an unpark, read after the matching wait. */
    static Program published(boolean synchronised) {
        return AnalysisTest.program("published-" + synchronised, env -> {
            Latch l = env.latch("done", 1);
            Semaphore s = env.semaphore("ready", 0);
            Field<Integer> a = env.field("a", 0);
            Field<Integer> b = env.field("b", 0);
            Field<Integer> c = env.field("c", 0);
            Task reader = env.spawn("reader", () -> {
                try {
                    if (synchronised) {
                        l.await("reader");
                        s.acquire("reader");
                        env.park("reader");
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                a.get("reader");
                b.get("reader");
                c.get("reader");
            });
            env.spawn("writer", () -> {
                a.set(1, "writer");
                l.countDown("writer");
                b.set(1, "writer");
                s.release("writer");
                c.set(1, "writer");
                env.unpark(reader, "writer");
            });
        });
    }

    @Test
    void writesPublishedThroughLatchSemaphoreAndUnpark_races_noneOnlyWhenTheReaderWaits() {
        assertEquals(List.of(), racyFields(AnalysisTest.analyse(published(true))));
        assertEquals(List.of("a", "b", "c"), racyFields(AnalysisTest.analyse(published(false))));
    }

    /** Readers under the read lock and a writer under the write lock. */
    static Program readersAndWriter() {
        return AnalysisTest.program("readers-and-writer", env -> {
            ReadWriteLock rw = env.readWriteLock("Cache.lock");
            Field<Integer> x = env.field("Cache.x", 0);
            for (int i = 0; i < 2; i++) {
                String name = "R" + i;
                env.spawn(name, () -> {
                    rw.lockRead(name);
                    x.get(name);
                    rw.unlockRead(name);
                });
            }
            env.spawn("W", () -> {
                rw.lockWrite("W");
                x.set(1, "W");
                rw.unlockWrite("W");
            });
        });
    }

    @Test
    void readersAndWriterOfAReadWriteLock_analyses_protectedByItAndNoRace() {
        AnalysisReport r = AnalysisTest.analyse(readersAndWriter());
        assertEquals(List.of("Cache.lock"), AnalysisTest.row(r, "Cache.x").locks());
        assertTrue(racyFields(r).isEmpty(), r.races().races().toString());
    }

    /**
     * A timed tryLock that has to wait and then times out does not hold the lock: the write that
     * follows is unprotected. (The first step of such a wait once counted as an acquisition.)
     */
    static Program timedOutTryLock(boolean readWrite) {
        return AnalysisTest.program("timed-out-trylock-" + readWrite, env -> {
            Monitor m = env.monitor("M");
            ReadWriteLock rw = env.readWriteLock("RW");
            Field<Integer> x = env.field("x", 0);
            env.spawn("holder", () -> {
                if (readWrite) {
                    rw.lockWrite("holder");
                    x.set(1, "holder");
                    rw.unlockWrite("holder");
                } else {
                    m.lock("holder");
                    x.set(1, "holder");
                    m.unlock("holder");
                }
            });
            env.spawn("trier", () -> {
                try {
                    boolean got = readWrite ? rw.tryLockWrite(10, "trier") : m.tryLock(10, "trier");
                    x.set(2, "trier");
                    if (got) {
                        if (readWrite) {
                            rw.unlockWrite("trier");
                        } else {
                            m.unlock("trier");
                        }
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
        });
    }

    @Test
    void timedTryLockThatTimesOut_holdsNothing() {
        for (boolean readWrite : new boolean[] {false, true}) {
            AnalysisReport r = AnalysisTest.analyse(timedOutTryLock(readWrite));
            assertEquals(List.of(), AnalysisTest.row(r, "x").locks(), "read-write " + readWrite);
            assertEquals(List.of("x"), racyFields(r), "read-write " + readWrite);
        }
    }
}
