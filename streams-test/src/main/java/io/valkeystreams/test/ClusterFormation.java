package io.valkeystreams.test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the processes of a new cluster and joins them the way {@code valkey-cli --cluster create}
 * does: slots split evenly over the masters with {@code CLUSTER ADDSLOTSRANGE}, a distinct config
 * epoch each, {@code CLUSTER MEET} from the first node, then {@code CLUSTER REPLICATE}; and waits
 * until the cluster is stable.
 */
final class ClusterFormation {

    private final Path binary;
    private final int masters;
    private final int replicasPerMaster;
    private final Duration nodeTimeout;
    private final Duration readyTimeout;
    private final List<String> extraArgs;

    ClusterFormation(Path binary, int masters, int replicasPerMaster, Duration nodeTimeout, Duration readyTimeout,
                     List<String> extraArgs) {
        this.binary = binary;
        this.masters = masters;
        this.replicasPerMaster = replicasPerMaster;
        this.nodeTimeout = nodeTimeout;
        this.readyTimeout = readyTimeout;
        this.extraArgs = List.copyOf(extraArgs);
    }

    /**
     * Forms the cluster; its nodes are the masters first, then the replicas of the first master, of
     * the second, and so on. On failure every process started so far is stopped.
     *
     * @throws ValkeyServerException when a node cannot start or the cluster does not become stable
     */
    List<ClusterNode> form() {
        List<SpawnedValkeyServer> servers = new ArrayList<>();
        try {
            int total = masters * (1 + replicasPerMaster);
            for (int i = 0; i < total; i++) {
                servers.add(startServer());
            }
            List<ClusterNode> nodes = new ArrayList<>();
            for (SpawnedValkeyServer server : servers) {
                nodes.add(new ClusterNode(server, String.valueOf(server.call("CLUSTER", "MYID"))));
            }
            assignSlots(nodes.subList(0, masters));
            meet(nodes);
            Poll.until(readyTimeout, "let every node learn of all " + total + " nodes",
                    () -> ClusterChecks.unknownNodes(nodes));
            replicate(nodes);
            Poll.until(readyTimeout, "become stable", () -> ClusterChecks.unstable(nodes));
            return List.copyOf(nodes);
        } catch (RuntimeException e) {
            servers.forEach(SpawnedValkeyServer::close);
            throw e;
        }
    }

    private SpawnedValkeyServer startServer() {
        List<String> args = new ArrayList<>(List.of(
                "--cluster-enabled", "yes",
                "--cluster-config-file", "nodes.conf",
                "--cluster-node-timeout", Long.toString(nodeTimeout.toMillis()),
                // a replica may always take over, however long ago it last heard from its master
                "--cluster-replica-validity-factor", "0",
                // a new replica gets its first copy at once rather than after the default 5 s
                "--repl-diskless-sync-delay", "0"));
        args.addAll(extraArgs);
        return SpawnedValkeyServer.builder(binary).clusterBus().args(args.toArray(String[]::new)).start();
    }

    private void assignSlots(List<ClusterNode> masterNodes) {
        int count = masterNodes.size();
        for (int i = 0; i < count; i++) {
            int from = i * SlotHash.SLOT_COUNT / count;
            int to = (i + 1) * SlotHash.SLOT_COUNT / count - 1;
            ClusterNode master = masterNodes.get(i);
            master.call("CLUSTER", "ADDSLOTSRANGE", Integer.toString(from), Integer.toString(to));
            master.call("CLUSTER", "SET-CONFIG-EPOCH", Integer.toString(i + 1));
        }
    }

    private static void meet(List<ClusterNode> nodes) {
        ClusterNode first = nodes.get(0);
        for (ClusterNode other : nodes.subList(1, nodes.size())) {
            first.call("CLUSTER", "MEET", other.host(), Integer.toString(other.port()),
                    Integer.toString(other.busPort()));
        }
    }

    private void replicate(List<ClusterNode> nodes) {
        for (int m = 0; m < masters; m++) {
            for (int r = 0; r < replicasPerMaster; r++) {
                ClusterNode replica = nodes.get(masters + m * replicasPerMaster + r);
                replica.call("CLUSTER", "REPLICATE", nodes.get(m).id());
            }
        }
    }
}
