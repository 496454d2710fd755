package io.valkeystreams.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One node's view of the cluster, parsed from its {@code CLUSTER NODES} reply: every node it knows,
 * with flags, master and the slot ranges it serves. Slots being migrated or imported are ignored.
 *
 * @param entries one entry per known node
 */
record ClusterView(List<Entry> entries) {

    ClusterView {
        entries = List.copyOf(entries);
    }

    /** Parses a {@code CLUSTER NODES} reply. */
    static ClusterView parse(String clusterNodes) {
        List<Entry> entries = new ArrayList<>();
        for (String line : clusterNodes.split("\n")) {
            if (!line.isBlank()) {
                entries.add(Entry.parse(line.trim()));
            }
        }
        return new ClusterView(entries);
    }

    /** The healthy master serving a slot, if any. */
    Optional<Entry> ownerOf(int slot) {
        return entries.stream()
                .filter(entry -> entry.isMaster() && !entry.isFailed())
                .filter(entry -> entry.slots().stream().anyMatch(range -> range.contains(slot)))
                .findFirst();
    }

    /** The entry of the node with that ID, if known. */
    Optional<Entry> find(String id) {
        return entries.stream().filter(entry -> entry.id().equals(id)).findFirst();
    }

    /** The nodes this view lists as replicas of the given master. */
    List<Entry> replicasOf(String masterId) {
        return entries.stream().filter(entry -> !entry.isMaster() && masterId.equals(entry.masterId())).toList();
    }

    /**
     * Roles, masters, failure marks and slots of every node, independent of which node was asked;
     * two nodes agree on the cluster when their signatures are equal.
     */
    String signature() {
        return entries.stream().map(Entry::signature).sorted().collect(Collectors.joining("; "));
    }

    /**
     * A contiguous range of slots.
     *
     * @param from first slot
     * @param to   last slot, inclusive
     */
    record SlotRange(int from, int to) {

        boolean contains(int slot) {
            return slot >= from && slot <= to;
        }

        @Override
        public String toString() {
            return from == to ? Integer.toString(from) : from + "-" + to;
        }
    }

    /**
     * One line of {@code CLUSTER NODES}.
     *
     * @param id       node ID
     * @param port     client port
     * @param flags    flags such as {@code myself}, {@code master}, {@code slave}, {@code fail}
     * @param masterId ID of its master for a replica, else null
     * @param slots    slot ranges it serves
     */
    record Entry(String id, int port, Set<String> flags, String masterId, List<SlotRange> slots) {

        private static final int FIRST_SLOT_FIELD = 8;

        static Entry parse(String line) {
            String[] fields = line.split(" ");
            if (fields.length < FIRST_SLOT_FIELD) {
                throw new ValkeyServerException("unexpected CLUSTER NODES line (fewer than 8 fields): " + line);
            }
            String address = fields[1];
            int at = address.indexOf('@');
            String hostPort = at >= 0 ? address.substring(0, at) : address;
            int port = Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
            List<SlotRange> slots = new ArrayList<>();
            for (int i = FIRST_SLOT_FIELD; i < fields.length; i++) {
                String slot = fields[i];
                if (slot.startsWith("[")) {
                    continue;
                }
                int dash = slot.indexOf('-');
                slots.add(dash < 0
                        ? new SlotRange(Integer.parseInt(slot), Integer.parseInt(slot))
                        : new SlotRange(Integer.parseInt(slot.substring(0, dash)),
                                Integer.parseInt(slot.substring(dash + 1))));
            }
            String masterId = "-".equals(fields[3]) ? null : fields[3];
            return new Entry(fields[0], port, Set.of(fields[2].split(",")), masterId, slots);
        }

        boolean isMaster() {
            return flags.contains("master");
        }

        boolean isFailed() {
            return flags.contains("fail");
        }

        String signature() {
            return id + (isMaster() ? " master" : " replica-of " + masterId) + (isFailed() ? " fail" : "")
                    + (flags.contains("handshake") ? " handshake" : "") + " " + slots;
        }
    }
}
