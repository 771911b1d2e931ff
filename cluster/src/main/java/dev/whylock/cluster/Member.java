package dev.whylock.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A member of a whylock cluster: a Hazelcast member that runs the work units coordinators send it
 * ({@link RunUnit}), on {@code slots} threads, for the jobs its {@link JobResolver} can rebuild. It
 * carries its whylock fingerprint (version and model) as a member attribute; it refuses to stay in a
 * cluster whose members carry another, and coordinators send units only to members with theirs.
 */
public final class Member implements AutoCloseable {

    static final String CLUSTER_NAME = "whylock";
    static final String EXECUTOR = "whylock-units";
    static final String FINGERPRINT = "whylock.fingerprint";
    static final String SLOTS = "whylock.slots";
    /** Stack of a unit's thread, as the local workers have it (deep model code runs on it). */
    private static final long STACK_BYTES = 8L << 20;

    /** The members of this JVM by Hazelcast instance name, for the units they receive. */
    private static final Map<String, Member> RUNNING = new ConcurrentHashMap<>();

    private final HazelcastInstance hz;
    private final String fingerprint;
    private final JobResolver resolver;
    private final ExecutorService units;
    /** The jobs rebuilt lately (a worker serves explorations one after another): the last few are kept. */
    private final Map<List<String>, JobResolver.Job> jobs = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<List<String>, JobResolver.Job> eldest) {
                    return size() > KEPT_JOBS;
                }
            });
    static final int KEPT_JOBS = 8;
    private final AtomicInteger ran = new AtomicInteger();

    private Member(HazelcastInstance hz, String fingerprint, JobResolver resolver, int slots) {
        this.hz = hz;
        this.fingerprint = fingerprint;
        this.resolver = resolver;
        AtomicInteger n = new AtomicInteger();
        this.units = Executors.newFixedThreadPool(slots, r -> {
            Thread t = new Thread(null, r, "whylock-unit-" + n.incrementAndGet(), STACK_BYTES);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts a member listening on {@code port} (or the next free one) of {@code bindHost} (null:
     * every interface, the address Hazelcast picks), joining the members at {@code join} (HOST:PORT
     * each; itself alone if none answers). Refused with a {@link ClusterException} if a member there
     * carries another fingerprint.
     */
    public static Member start(String bindHost, int port, List<String> join, String fingerprint, JobResolver resolver, int slots) {
        Config c = new Config();
        c.setClusterName(CLUSTER_NAME);
        Settings.quiet(c::setProperty);
        c.setProperty("hazelcast.partition.count", "7");
        c.setProperty("hazelcast.wait.seconds.before.join", "0");
        if (bindHost != null) {
            // Listen on that address only: a member runs what it is sent, so it should be reachable only where asked.
            c.setProperty("hazelcast.local.localAddress", bindHost);
            c.setProperty("hazelcast.socket.bind.any", "false");
        }
        NetworkConfig net = c.getNetworkConfig();
        net.setPort(port).setPortAutoIncrement(true).setPortCount(100);
        JoinConfig j = net.getJoin();
        j.getMulticastConfig().setEnabled(false);
        j.getAutoDetectionConfig().setEnabled(false);
        j.getTcpIpConfig().setEnabled(true).setMembers(join).setConnectionTimeoutSeconds(2);
        c.getMemberAttributeConfig().setAttribute(FINGERPRINT, fingerprint).setAttribute(SLOTS, Integer.toString(slots));
        c.getExecutorConfig(EXECUTOR).setPoolSize(slots);
        c.getJetConfig().setEnabled(false);
        HazelcastInstance hz = join(c, join);
        for (com.hazelcast.cluster.Member m : hz.getCluster().getMembers()) {
            String theirs = m.getAttribute(FINGERPRINT);
            if (!fingerprint.equals(theirs)) {
                hz.getLifecycleService().terminate();
                throw new ClusterException("refused: the member at " + address(m) + " runs " + Fingerprints.describe(theirs)
                        + ", this worker runs " + Fingerprints.describe(fingerprint)
                        + "; every member must run the same whylock version and model");
            }
        }
        Member me = new Member(hz, fingerprint, resolver, slots);
        RUNNING.put(hz.getName(), me);
        return me;
    }

    /**
     * Starts the Hazelcast member; if it names other members to join but finds itself alone (none
     * answered in time), tries again twice, then gives up with a message rather than run alone.
     */
    private static HazelcastInstance join(Config c, List<String> join) {
        for (int attempt = 1;; attempt++) {
            HazelcastInstance hz = Hazelcast.newHazelcastInstance(c);
            String me = address(hz.getCluster().getLocalMember());
            boolean others = join.stream().anyMatch(a -> !a.equals(me));
            if (!others || hz.getCluster().getMembers().size() > 1) {
                return hz;
            }
            hz.getLifecycleService().terminate();
            if (attempt == 3) {
                throw new ClusterException("cannot join the whylock cluster at " + String.join(", ", join)
                        + ": no member answered; start the first worker with --join pointing at itself");
            }
        }
    }

    static Member of(HazelcastInstance hz) {
        Member m = RUNNING.get(hz.getName());
        if (m == null) {
            throw new IllegalStateException("no whylock member runs in Hazelcast instance " + hz.getName());
        }
        return m;
    }

    /** Runs one unit (a split search's work unit, an inquiry's exploration) for job {@code spec} (rebuilt once per member) on a unit thread, and returns its result as plain data. */
    byte[] run(List<String> spec, byte[] unit) throws Exception {
        JobResolver.Job job = jobs.computeIfAbsent(List.copyOf(spec), resolver::resolve);
        Future<byte[]> f = units.submit(() -> job.run(unit, () -> Thread.currentThread().isInterrupted()));
        try {
            byte[] out = f.get();
            ran.incrementAndGet();
            return out;
        } catch (InterruptedException e) {
            f.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    /** How many units this member has run. */
    public int unitsRun() {
        return ran.get();
    }

    public String fingerprint() {
        return fingerprint;
    }

    /** HOST:PORT where this member listens. */
    public String address() {
        return address(hz.getCluster().getLocalMember());
    }

    static String address(com.hazelcast.cluster.Member m) {
        InetSocketAddress a = m.getSocketAddress();
        return a.getHostString() + ":" + a.getPort();
    }

    /** How many members the cluster this member is in has. */
    public int clusterSize() {
        return hz.getCluster().getMembers().size();
    }

    /** Stops at once, as a killed process would: the units it was running are lost to their coordinators. */
    public void kill() {
        RUNNING.remove(hz.getName());
        hz.getLifecycleService().terminate();
        units.shutdownNow();
    }

    /** Blocks until this member stops (another thread's {@link #close()}, or its Hazelcast instance shut down). */
    public void awaitStop() throws InterruptedException {
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        hz.getLifecycleService().addLifecycleListener(e -> {
            if (e.getState() == com.hazelcast.core.LifecycleEvent.LifecycleState.SHUTDOWN) {
                stopped.countDown();
            }
        });
        if (hz.getLifecycleService().isRunning()) {
            stopped.await();
        }
    }

    @Override
    public void close() {
        RUNNING.remove(hz.getName());
        hz.shutdown();
        units.shutdownNow();
    }
}
