package io.valkeystreams.test;

import java.util.List;

/**
 * One {@code valkey-server} process of a {@link ValkeyCluster}. Its ID and ports are fixed; its
 * {@link #role()} is read from the server, since a failover turns a replica into a master.
 */
public final class ClusterNode {

    /** What a node currently is in its shard. */
    public enum Role {
        /** Serves slots and accepts writes. */
        MASTER,
        /** Copies a master and may replace it when it fails. */
        REPLICA
    }

    private final SpawnedValkeyServer server;
    private final String id;

    ClusterNode(SpawnedValkeyServer server, String id) {
        this.server = server;
        this.id = id;
    }

    /** The node's cluster ID (40 hex characters), as {@code CLUSTER MYID} reports it. */
    public String id() {
        return id;
    }

    /** Host clients connect to. */
    public String host() {
        return server.host();
    }

    /** Client port. */
    public int port() {
        return server.port();
    }

    /** Cluster bus port, on which nodes gossip with each other. */
    public int busPort() {
        return server.clusterBusPort();
    }

    /** A URI for this node alone, such as {@code redis://127.0.0.1:41234}. */
    public String url() {
        return server.url();
    }

    /** Whether the process runs and answers {@code PING}. */
    public boolean isRunning() {
        return server.isRunning();
    }

    /**
     * The node's current role, from its {@code ROLE} reply.
     *
     * @throws ValkeyServerException when the node does not answer
     */
    public Role role() {
        Object reply = call("ROLE");
        if (reply instanceof List<?> fields && !fields.isEmpty()) {
            Object role = fields.get(0);
            if ("master".equals(role)) {
                return Role.MASTER;
            }
            if ("slave".equals(role)) {
                return Role.REPLICA;
            }
        }
        throw new ValkeyServerException("cluster node " + this + " answered ROLE with " + reply
                + ", expected 'master' or 'slave' first");
    }

    /**
     * Sends one command to this node only (no redirection is followed) and returns its reply.
     *
     * @throws ValkeyServerException when the node is down or answers with an error (such as {@code MOVED})
     */
    public Object call(String... command) {
        return server.call(command);
    }

    SpawnedValkeyServer server() {
        return server;
    }

    ClusterView view() {
        return ClusterView.parse(String.valueOf(call("CLUSTER", "NODES")));
    }

    /** Reads one field of {@code CLUSTER INFO}, such as {@code cluster_state}. */
    String info(String field) {
        return field(String.valueOf(call("CLUSTER", "INFO")), field);
    }

    /** Reads one field of {@code INFO replication}, such as {@code master_link_status}. */
    String replicationInfo(String field) {
        return field(String.valueOf(call("INFO", "replication")), field);
    }

    private static String field(String info, String name) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith(name + ":")) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return host() + ":" + port() + " (" + id.substring(0, Math.min(8, id.length())) + ")";
    }
}
