package dev.whylock.cluster;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import dev.whylock.engine.Program;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.SplitSearch;
import dev.whylock.engine.search.UnitWire;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A coordinator's connection to a whylock cluster (a Hazelcast client): it explores a program with
 * the split search ({@link SplitSearch}), sending each round's units to the members with its
 * fingerprint, as many at once to a member as it has slots, the next unit to whichever member
 * frees a slot first. A unit whose member leaves before answering (killed, disconnected) is sent
 * again to another member; results are merged in unit order whoever ran them, so the result is the
 * one a single machine gives, with no unit lost or counted twice.
 */
public final class Cluster implements AutoCloseable {

    private final HazelcastInstance client;
    private final List<Member> localMembers;
    private final String fingerprint;
    private final String where;
    private long unitsSent;
    private long unitsResent;
    private final Map<String, Long> unitsByMember = new HashMap<>();
    /** Members that left (or could not be reached) during this connection: sent nothing more. */
    private final java.util.Set<UUID> gone = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** For {@link #call}: guards the counters above and the slots in use per member, which it waits on. */
    private final Object slotLock = new Object();
    private final Map<com.hazelcast.cluster.Member, Integer> inUse = new HashMap<>();

    private Cluster(HazelcastInstance client, List<Member> localMembers, String fingerprint, String where) {
        this.client = client;
        this.localMembers = localMembers;
        this.fingerprint = fingerprint;
        this.where = where;
    }

    /**
     * Connects to the cluster at {@code address} ({@code local:N} starts N members in this JVM, on
     * loopback, with {@code resolver}), giving up after {@code timeout} with a {@link ClusterException}.
     */
    public static Cluster connect(Address address, String fingerprint, JobResolver resolver, Duration timeout) {
        List<Member> local = new ArrayList<>();
        String target;
        if (address.local()) {
            int slots = Math.max(1, Runtime.getRuntime().availableProcessors() / address.localMembers());
            try {
                for (int i = 0; i < address.localMembers(); i++) {
                    String first = local.isEmpty() ? "127.0.0.1:" + LOCAL_PORT : local.get(0).address();
                    local.add(Member.start("127.0.0.1", LOCAL_PORT, List.of(first), fingerprint, resolver, slots));
                }
            } catch (RuntimeException e) {
                local.forEach(Member::close);
                throw e;
            }
            target = local.get(0).address();
        } else {
            target = address.toString();
        }
        ClientConfig cc = new ClientConfig();
        cc.setClusterName(Member.CLUSTER_NAME);
        cc.setInstanceName("whylock-coordinator-" + UUID.randomUUID());
        Settings.quiet(cc::setProperty);
        cc.setProperty("hazelcast.client.invocation.timeout.seconds", "30");
        cc.getNetworkConfig().addAddress(target).setConnectionTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        cc.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(timeout.toMillis())
                .setInitialBackoffMillis(200).setMaxBackoffMillis(1000);
        HazelcastInstance client;
        try {
            client = HazelcastClient.newHazelcastClient(cc);
        } catch (RuntimeException e) {
            local.forEach(Member::close);
            throw new ClusterException("cannot reach a whylock cluster at " + address + " within " + timeout.toSeconds()
                    + " s; start one with 'whylock worker --join " + (address.local() ? "HOST:PORT" : address) + "' on each machine", e);
        }
        Cluster c = new Cluster(client, local, fingerprint, address.toString());
        try {
            c.members(); // refuses a cluster without a member of ours now, not in the middle of the search
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** The port {@code local:N} members start from (the next free one is taken). */
    static final int LOCAL_PORT = 5801;

    /**
     * Explores {@code program} with {@code cfg} (dpor) as the command line's split search does, its
     * units run by the members, each of which rebuilds the program from {@code spec} with its
     * {@link JobResolver}.
     */
    public ExplorationResult explore(Program program, SearchConfig cfg, List<String> spec) {
        // Each unit goes to a member with a free slot as soon as it is handed out (no rounds), as many
        // at once as the members have slots now; a member that leaves has its units sent again.
        return SplitSearch.explore(program, cfg, SplitSearch.DEFAULT_SPLIT_DEPTH, SplitSearch.DEFAULT_UNIT_EXECUTIONS, slots(), u -> {
            byte[] answer = call(spec, UnitWire.unit(u), u::abandoned);
            return answer == null ? null : UnitWire.result(answer);
        });
    }

    /** The members that run our units, with their slots; refuses (with a message) a cluster with none. */
    private Map<com.hazelcast.cluster.Member, Integer> members() {
        Map<com.hazelcast.cluster.Member, Integer> ours = new java.util.LinkedHashMap<>();
        List<String> refused = new ArrayList<>();
        for (com.hazelcast.cluster.Member m : client.getCluster().getMembers()) {
            if (gone.contains(m.getUuid())) {
                continue;
            }
            String theirs = m.getAttribute(Member.FINGERPRINT);
            if (fingerprint.equals(theirs)) {
                String slots = m.getAttribute(Member.SLOTS);
                ours.put(m, slots == null ? 1 : Math.max(1, Integer.parseInt(slots)));
            } else {
                refused.add(Member.address(m) + " runs " + Fingerprints.describe(theirs));
            }
        }
        if (ours.isEmpty()) {
            throw new ClusterException(refused.isEmpty() ? "the cluster at " + where + " has no member left"
                    : "refused: no member of the cluster at " + where + " runs " + Fingerprints.describe(fingerprint) + " ("
                    + String.join("; ", refused) + "); every member must run the same whylock version and model");
        }
        return ours;
    }

    /** Whether a unit failed because its member left or could not be reached (the unit itself did not fail). */
    private static boolean memberGone(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof com.hazelcast.core.MemberLeftException || c instanceof com.hazelcast.spi.exception.TargetNotMemberException
                    || c instanceof com.hazelcast.spi.exception.TargetDisconnectedException
                    || c instanceof com.hazelcast.core.HazelcastInstanceNotActiveException
                    || c instanceof com.hazelcast.client.HazelcastClientOfflineException
                    || c instanceof com.hazelcast.client.HazelcastClientNotActiveException
                    || c instanceof java.util.concurrent.RejectedExecutionException || c instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
    }

    /** The slots of the members that run our units: how many units the cluster runs at once. */
    public int slots() {
        synchronized (slotLock) {
            return members().values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * Runs one piece of work of job {@code spec} (for a why inquiry: one exploration) on a member
     * with a free slot, waiting for one, and returns its answer; sent again to another member if its
     * member leaves first. Several threads may call at once (as many as {@link #slots()} keeps
     * busy). Null if {@code cancelled} turns true first (the member is told to stop).
     */
    public byte[] call(List<String> spec, byte[] work, java.util.function.BooleanSupplier cancelled) {
        IExecutorService executor = client.getExecutorService(Member.EXECUTOR);
        while (true) {
            com.hazelcast.cluster.Member m = takeSlot(cancelled);
            if (m == null) {
                return null;
            }
            java.util.concurrent.Future<byte[]> f = null;
            try {
                f = executor.submitToMember(new RunUnit(spec, work), m);
                while (true) {
                    try {
                        return f.get(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                    } catch (java.util.concurrent.TimeoutException e) {
                        if (cancelled.getAsBoolean()) {
                            f.cancel(true);
                            return null;
                        }
                    }
                }
            } catch (java.util.concurrent.ExecutionException | RuntimeException e) {
                Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
                if (!memberGone(e)) {
                    throw new ClusterException("a member failed to run a piece of the job: " + rootMessage(cause), cause);
                }
                synchronized (slotLock) { // its member left: another one runs it (nothing of it was used)
                    unitsResent++;
                    gone.add(m.getUuid());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (f != null) {
                    f.cancel(true);
                }
                throw new ClusterException("interrupted while waiting for the cluster at " + where);
            } finally {
                synchronized (slotLock) {
                    inUse.merge(m, -1, Integer::sum);
                    slotLock.notifyAll();
                }
            }
        }
    }

    /** A member with a free slot, taken; waits for one; null if cancelled while waiting. */
    private com.hazelcast.cluster.Member takeSlot(java.util.function.BooleanSupplier cancelled) {
        synchronized (slotLock) {
            while (true) {
                for (Map.Entry<com.hazelcast.cluster.Member, Integer> e : members().entrySet()) {
                    if (inUse.getOrDefault(e.getKey(), 0) < e.getValue()) {
                        inUse.merge(e.getKey(), 1, Integer::sum);
                        unitsSent++;
                        unitsByMember.merge(Member.address(e.getKey()), 1L, Long::sum);
                        return e.getKey();
                    }
                }
                if (cancelled.getAsBoolean()) {
                    return null;
                }
                try {
                    slotLock.wait(200); // a slot frees, or a member joins
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new ClusterException("interrupted while waiting for the cluster at " + where);
                }
            }
        }
    }

    /** Units sent to members so far, counting each send (a unit sent again after its member left counts twice). */
    public long unitsSent() {
        synchronized (slotLock) {
            return unitsSent;
        }
    }

    /** Units sent again because their member left before answering. */
    public long unitsResent() {
        synchronized (slotLock) {
            return unitsResent;
        }
    }

    /** Units sent per member address. */
    public Map<String, Long> unitsByMember() {
        synchronized (slotLock) {
            return Map.copyOf(unitsByMember);
        }
    }

    /** How many members with our fingerprint the cluster has now. */
    public int memberCount() {
        return members().size();
    }

    /** The members this connection started in this JVM ({@code local:N}), for tests that stop one. */
    public List<Member> localMembers() {
        return List.copyOf(localMembers);
    }

    @Override
    public void close() {
        client.shutdown();
        localMembers.forEach(Member::close);
    }
}
