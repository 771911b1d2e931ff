package dev.whylock.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** The task a coordinator sends a member: one work unit of a job, as plain data; the answer is the unit's result as plain data. */
final class RunUnit implements Callable<byte[]>, Serializable, HazelcastInstanceAware {
    private static final long serialVersionUID = 1L;

    private final ArrayList<String> spec;
    private final byte[] unit;
    private transient HazelcastInstance hz;

    RunUnit(List<String> spec, byte[] unit) {
        this.spec = new ArrayList<>(spec);
        this.unit = unit;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hz) {
        this.hz = hz;
    }

    @Override
    public byte[] call() throws Exception {
        return Member.of(hz).run(spec, unit);
    }
}
