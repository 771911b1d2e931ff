package dev.whylock.engine.why;

import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.search.MergeableObserver;
import dev.whylock.engine.search.UnitWire;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The wire form of one inquiry exploration sent to a cluster member and of its answer: the
 * scenario's name, the experiment, the baseline it is judged against and fresh copies of the
 * observers that watch it; back come the {@link ScenarioRun} and the copies, which the coordinator
 * absorbs. Java-serialised plain data ({@link UnitWire#plain}).
 */
final class ExplorationWire {

    /** Bumped whenever the layout changes; a reader refuses another version. */
    static final int VERSION = 1;

    private ExplorationWire() {}

    record Request(int version, String scenario, LockExperiment experiment, ScenarioRunner.Baseline baseline,
            ArrayList<MergeableObserver> observers) implements Serializable {}

    record Answer(int version, ScenarioRun run, ArrayList<MergeableObserver> observers) implements Serializable {}

    static byte[] request(String scenario, LockExperiment experiment, ScenarioRunner.Baseline baseline, List<MergeableObserver> observers) {
        return UnitWire.plain(new Request(VERSION, scenario, experiment, baseline, new ArrayList<>(observers)));
    }

    static Request readRequest(byte[] bytes) {
        Request r = (Request) UnitWire.fromPlain(bytes);
        check(r.version());
        return r;
    }

    static byte[] answer(ScenarioRun run, List<MergeableObserver> observers) {
        return UnitWire.plain(new Answer(VERSION, run, new ArrayList<>(observers)));
    }

    static Answer readAnswer(byte[] bytes) {
        Answer a = (Answer) UnitWire.fromPlain(bytes);
        check(a.version());
        return a;
    }

    private static void check(int version) {
        if (version != VERSION) {
            throw new IllegalStateException("an inquiry exploration of wire version " + version + ", this whylock reads " + VERSION);
        }
    }
}
