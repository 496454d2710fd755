package io.valkeystreams.test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * A real Valkey Cluster on this machine for tests: N masters (3 by default), each with optional
 * replicas, every node a {@code valkey-server} process with its own free port, cluster bus port and
 * temporary directory. {@link #start()} returns once every node reports {@code cluster_state:ok} and
 * all agree on the slot map. Every process is killed on {@link #close()} and at JVM exit.
 *
 * <pre>{@code
 * try (ValkeyCluster cluster = ValkeyCluster.start()) {
 *     StreamsConnection connection = StreamsConnection.connect(cluster.url());
 *     ...
 * }
 * }</pre>
 */
public final class ValkeyCluster implements AutoCloseable {

    /** Default number of masters: the fewest with which a cluster can still elect a replacement. */
    public static final int DEFAULT_MASTERS = 3;
    /** Default {@code cluster-node-timeout}: short, so failures are detected within seconds. */
    public static final Duration DEFAULT_NODE_TIMEOUT = Duration.ofMillis(2_000);
    /** Default time for the cluster to form, or to become stable again after a failover. */
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(30);

    static final String NO_BINARY_MESSAGE = "A local Valkey Cluster needs a valkey-server (or redis-server) binary: "
            + "install it on PATH (run scripts/ensure-valkey; Debian: apt-get install valkey-server, macOS: brew "
            + "install valkey) or set " + ValkeyBinary.BINARY_ENV + " to its path. VALKEY_URL and Docker are not "
            + "used for clusters.";

    private final List<ClusterNode> nodes;
    private final Duration readyTimeout;
    private final Map<String, LostMaster> killedMasters = new ConcurrentHashMap<>();

    private ValkeyCluster(List<ClusterNode> nodes, Duration readyTimeout) {
        this.nodes = nodes;
        this.readyTimeout = readyTimeout;
    }

    /** Starts a cluster of {@value #DEFAULT_MASTERS} masters without replicas. */
    public static ValkeyCluster start() {
        return builder().start();
    }

    /** Starts a builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The cluster's seed URI listing every node, masters first: {@code redis-cluster://127.0.0.1:p1,127.0.0.1:p2,…}. */
    public String url() {
        return nodes.stream().map(node -> node.host() + ":" + node.port())
                .collect(Collectors.joining(",", "redis-cluster://", ""));
    }

    /** Every node in start order, dead or alive: the masters, then the replicas of each master in turn. */
    public List<ClusterNode> nodes() {
        return nodes;
    }

    /**
     * The running nodes that are masters now (after a failover, a promoted replica is one of them).
     *
     * @throws ValkeyServerException when a running node does not answer
     */
    public List<ClusterNode> masters() {
        return running().stream().filter(node -> node.role() == ClusterNode.Role.MASTER).toList();
    }

    /**
     * The running nodes that are replicas now.
     *
     * @throws ValkeyServerException when a running node does not answer
     */
    public List<ClusterNode> replicas() {
        return running().stream().filter(node -> node.role() == ClusterNode.Role.REPLICA).toList();
    }

    /**
     * The running replicas of a master, as the cluster lists them.
     *
     * @throws ValkeyServerException when no node answers
     */
    public List<ClusterNode> replicasOf(ClusterNode master) {
        requireMember(master);
        List<String> ids = anyRunning().view().replicasOf(master.id()).stream()
                .filter(entry -> !entry.isFailed()).map(ClusterView.Entry::id).toList();
        return running().stream().filter(node -> ids.contains(node.id())).toList();
    }

    /**
     * The master that serves a key now, found from the key's {@link SlotHash#slot(String) slot} and the
     * slot map of a running node.
     *
     * @throws ValkeyServerException when no healthy master serves that slot
     */
    public ClusterNode masterFor(String key) {
        int slot = SlotHash.slot(key);
        ClusterNode asked = anyRunning();
        String ownerId = asked.view().ownerOf(slot).map(ClusterView.Entry::id).orElseThrow(() ->
                new ValkeyServerException("no healthy master serves slot " + slot + " of key '" + key + "' according to "
                        + asked + "; its view: " + asked.call("CLUSTER", "NODES")));
        return byId(ownerId);
    }

    /**
     * Removes every key from every master (replicas follow), so the next test starts empty.
     *
     * @throws ValkeyServerException when a master does not answer
     */
    public void flushAll() {
        masters().forEach(master -> master.call("FLUSHALL"));
    }

    /**
     * Kills a node at once (SIGKILL), as a crash would. When it is a master, its slots and replicas are
     * remembered so {@link #awaitFailover(ClusterNode)} can tell when one of them has taken over.
     */
    public void kill(ClusterNode node) {
        requireMember(node);
        if (node.isRunning()) {
            ClusterView before = node.view();
            before.find(node.id()).filter(ClusterView.Entry::isMaster).ifPresent(self -> killedMasters.put(node.id(),
                    new LostMaster(self.slots(), before.replicasOf(node.id()).stream().map(ClusterView.Entry::id).toList())));
        }
        node.server().kill();
    }

    /** Waits, up to the builder's ready timeout, as {@link #awaitFailover(ClusterNode, Duration)} does. */
    public ClusterNode awaitFailover(ClusterNode killedMaster) {
        return awaitFailover(killedMaster, readyTimeout);
    }

    /**
     * Waits until a replica of a master killed by {@link #kill(ClusterNode)} has been promoted: every
     * running node reports {@code cluster_state:ok}, all agree on the slot map, and the killed master's
     * slots are served by one of its former replicas.
     *
     * @return the promoted replica, now a master
     * @throws ValkeyServerException when the node was not a master killed through this cluster, had no
     *                               replica, or no replica took over in time (the message quotes what each node reports)
     */
    public ClusterNode awaitFailover(ClusterNode killedMaster, Duration timeout) {
        requireMember(killedMaster);
        LostMaster lost = killedMasters.get(killedMaster.id());
        if (lost == null) {
            throw new ValkeyServerException("node " + killedMaster + " was not a master killed through kill(node); "
                    + "kill a master with ValkeyCluster.kill before waiting for its failover");
        }
        if (lost.replicaIds().isEmpty()) {
            throw new ValkeyServerException("master " + killedMaster + " had no replica to promote; build the cluster "
                    + "with replicasPerMaster(1) or more");
        }
        List<ClusterNode> live = running();
        AtomicReference<String> promoted = new AtomicReference<>();
        Poll.until(timeout, "promote a replica of " + killedMaster, () -> {
            String unstable = ClusterChecks.unstable(live);
            if (unstable != null) {
                return unstable;
            }
            ClusterView view = live.get(0).view();
            for (String replicaId : lost.replicaIds()) {
                ClusterView.Entry entry = view.find(replicaId).orElse(null);
                if (entry != null && entry.isMaster() && entry.slots().containsAll(lost.slots())) {
                    promoted.set(replicaId);
                    return null;
                }
            }
            return "the slots " + lost.slots() + " of " + killedMaster + " are not yet served by one of its replicas";
        });
        return byId(promoted.get());
    }

    /**
     * Waits until every running node reports {@code cluster_state:ok}, all list each other as healthy with
     * the same roles and slot map, and every replica's link to its master is up.
     *
     * @throws ValkeyServerException when that does not happen within {@code timeout}
     */
    public void awaitStable(Duration timeout) {
        List<ClusterNode> live = running();
        Poll.until(timeout, "become stable", () -> ClusterChecks.unstable(live));
    }

    /** Whether every node runs, reports {@code cluster_state:ok} and agrees with the others. */
    public boolean isHealthy() {
        if (!nodes.stream().allMatch(ClusterNode::isRunning)) {
            return false;
        }
        try {
            return ClusterChecks.unstable(nodes) == null;
        } catch (ValkeyServerException e) {
            return false;
        }
    }

    /** Kills every node and deletes its directory. */
    @Override
    public void close() {
        nodes.forEach(node -> node.server().close());
    }

    @Override
    public String toString() {
        return "ValkeyCluster[" + url() + "]";
    }

    private List<ClusterNode> running() {
        return nodes.stream().filter(ClusterNode::isRunning).toList();
    }

    private ClusterNode anyRunning() {
        return nodes.stream().filter(ClusterNode::isRunning).findFirst().orElseThrow(() ->
                new ValkeyServerException("no node of the cluster " + url() + " is running"));
    }

    private ClusterNode byId(String id) {
        return nodes.stream().filter(node -> node.id().equals(id)).findFirst().orElseThrow(() ->
                new ValkeyServerException("the cluster " + url() + " lists node " + id + ", which it did not start"));
    }

    private void requireMember(ClusterNode node) {
        if (node == null || !nodes.contains(node)) {
            throw new IllegalArgumentException("node " + node + " is not a node of " + this);
        }
    }

    private record LostMaster(List<ClusterView.SlotRange> slots, List<String> replicaIds) {
    }

    /** Options for a cluster; the defaults suit fast tests. */
    public static final class Builder {
        private Path binary;
        private int masters = DEFAULT_MASTERS;
        private int replicasPerMaster;
        private Duration nodeTimeout = DEFAULT_NODE_TIMEOUT;
        private Duration readyTimeout = DEFAULT_READY_TIMEOUT;
        private final List<String> extraArgs = new ArrayList<>();

        private Builder() {
        }

        /** The server binary; by default the one {@link ValkeyBinary#find()} finds. */
        public Builder binary(Path binary) {
            if (binary == null) {
                throw new IllegalArgumentException("binary must not be null; omit it to use the one on PATH");
            }
            this.binary = binary;
            return this;
        }

        /** Number of masters; at least 1, and 3 or more for a failover to find a majority. */
        public Builder masters(int masters) {
            if (masters < 1) {
                throw new IllegalArgumentException("masters must be at least 1, was " + masters);
            }
            this.masters = masters;
            return this;
        }

        /** Replicas of each master; 0 (the default) for none. */
        public Builder replicasPerMaster(int replicas) {
            if (replicas < 0) {
                throw new IllegalArgumentException("replicasPerMaster must be 0 or more, was " + replicas);
            }
            this.replicasPerMaster = replicas;
            return this;
        }

        /** {@code cluster-node-timeout}: how long a node may be unreachable before it counts as failing. */
        public Builder nodeTimeout(Duration timeout) {
            this.nodeTimeout = positive("nodeTimeout", timeout);
            return this;
        }

        /** How long the cluster may take to form, and the default wait for a failover. */
        public Builder readyTimeout(Duration timeout) {
            this.readyTimeout = positive("readyTimeout", timeout);
            return this;
        }

        /** Extra arguments for every node, such as {@code "--appendonly", "yes"}; later ones win. */
        public Builder args(String... args) {
            extraArgs.addAll(List.of(args));
            return this;
        }

        /**
         * Starts the nodes, forms the cluster and waits until it is stable.
         *
         * @throws ValkeyServerException when no binary is found, a node cannot start (the message quotes its
         *                               output) or the cluster does not become stable in time
         */
        public ValkeyCluster start() {
            Path server = binary != null ? binary
                    : ValkeyBinary.find().orElseThrow(() -> new ValkeyServerException(NO_BINARY_MESSAGE));
            List<ClusterNode> nodes = new ClusterFormation(server, masters, replicasPerMaster, nodeTimeout,
                    readyTimeout, extraArgs).form();
            return new ValkeyCluster(nodes, readyTimeout);
        }

        private static Duration positive(String field, Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(field + " must be positive, was " + value);
            }
            return value;
        }
    }
}
