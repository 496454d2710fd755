package io.valkeystreams.core.admin;

import java.util.List;

/**
 * What provisioning did: the stream keys and groups it created and those that already existed.
 *
 * @param createdKeys    partition keys created as empty streams
 * @param existingKeys   partition keys that were already streams
 * @param createdGroups  groups created (from ID 0)
 * @param existingGroups groups that already existed
 */
public record ProvisionReport(List<String> createdKeys, List<String> existingKeys,
                              List<KeyGroup> createdGroups, List<KeyGroup> existingGroups) {

    /** A consumer group on one key. */
    public record KeyGroup(String key, String group) {
    }

    /** Copies the lists. */
    public ProvisionReport {
        createdKeys = List.copyOf(createdKeys);
        existingKeys = List.copyOf(existingKeys);
        createdGroups = List.copyOf(createdGroups);
        existingGroups = List.copyOf(existingGroups);
    }

    /** Whether this run changed nothing. */
    public boolean unchanged() {
        return createdKeys.isEmpty() && createdGroups.isEmpty();
    }
}
