package io.valkeystreams.sample.state;

/**
 * A namespace of Valkey keys that one consumer group updates together: every key starts with
 * {@code sample:{<tag>}:}, so all of them share one hash slot and one Lua script may touch them on a
 * Valkey Cluster too. Groups whose state is small use their own name as the tag; the reputation score uses
 * the user ID, so users spread over the cluster.
 *
 * @param tag   the hash tag (group name or user ID)
 * @param scope an optional name between the tag and the key, or empty
 */
public record StateSpace(String tag, String scope) {

    /** Prefix of every key the sample app writes. */
    public static final String PREFIX = "sample:";

    /** Validates the tag. */
    public StateSpace {
        if (tag == null || tag.isBlank()) {
            throw new IllegalArgumentException("state space: tag must not be blank");
        }
        scope = scope == null ? "" : scope;
    }

    /** The space of a consumer group whose whole state lives in one slot: keys {@code sample:{<group>}:<name>}. */
    public static StateSpace group(String group) {
        return new StateSpace(group, "");
    }

    /** A space per subject (such as a user): keys {@code sample:{<subject>}:<scope>:<name>}. */
    public static StateSpace of(String subject, String scope) {
        return new StateSpace(subject, scope);
    }

    /** The full key of a name in this space. */
    public String key(String name) {
        return PREFIX + "{" + tag + "}:" + (scope.isEmpty() ? "" : scope + ":") + name;
    }

    /** The key that marks an event as applied in this space. */
    String markKey(String eventId) {
        return key("applied:" + eventId);
    }

    /** The hash with this space's counters: applied, duplicates, last_event_id, last_applied_ms. */
    String statsKey() {
        return key("stats");
    }
}
