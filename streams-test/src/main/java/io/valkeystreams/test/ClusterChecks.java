package io.valkeystreams.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Descriptions of what keeps a cluster from being stable, for {@link Poll}: each method returns null
 * when all is well, else a sentence naming the nodes and what they report.
 */
final class ClusterChecks {

    private ClusterChecks() {
    }

    /** What keeps some node from knowing all the others, or null when every node knows them all. */
    static String unknownNodes(List<ClusterNode> nodes) {
        List<String> missing = new ArrayList<>();
        for (ClusterNode node : nodes) {
            String known = node.info("cluster_known_nodes");
            if (!Integer.toString(nodes.size()).equals(known)) {
                missing.add(node + " knows " + known + " of " + nodes.size() + " nodes");
            }
        }
        return missing.isEmpty() ? null : String.join("; ", missing);
    }

    /**
     * What keeps the given live nodes from being a stable cluster, or null when each reports
     * {@code cluster_state:ok}, all list each other as healthy with the same roles, masters and slots,
     * and every replica's link to its master is up.
     */
    static String unstable(List<ClusterNode> live) {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> nodesBySignature = new TreeMap<>();
        for (ClusterNode node : live) {
            String state = node.info("cluster_state");
            if (!"ok".equals(state)) {
                problems.add(node + " reports cluster_state:" + state);
            }
            ClusterView view = node.view();
            for (ClusterNode other : live) {
                boolean healthy = view.find(other.id())
                        .filter(entry -> !entry.isFailed() && !entry.flags().contains("handshake"))
                        .isPresent();
                if (!healthy) {
                    problems.add(node + " does not (yet) list " + other + " as healthy");
                }
            }
            ClusterView.Entry self = view.find(node.id()).orElse(null);
            if (self != null && !self.isMaster()) {
                String link = node.replicationInfo("master_link_status");
                if (!"up".equals(link)) {
                    problems.add("replica " + node + " has master_link_status:" + link);
                }
            }
            nodesBySignature.computeIfAbsent(view.signature(), key -> new ArrayList<>()).add(node.toString());
        }
        if (nodesBySignature.size() > 1) {
            List<String> views = new ArrayList<>();
            nodesBySignature.forEach((signature, nodes) -> views.add(nodes + " see [" + signature + "]"));
            problems.add("nodes disagree on the cluster: " + String.join(" whereas ", views));
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }
}
