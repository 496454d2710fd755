package io.valkeystreams.core.events;

import java.util.Map;

/**
 * Something a group did in group mode, on {@code group.mode.activities}, keyed by group.
 *
 * @param groupId     the group (required)
 * @param eventType   what happened, such as {@code food_shared} or {@code partnership_requested} (required)
 * @param actorUserId the member who acted, or null
 * @param details     free-form details, written as JSON text (empty when null)
 */
public record GroupActivityEvent(String groupId, String eventType, String actorUserId, Map<String, Object> details) {

    /** Validates the fields. */
    public GroupActivityEvent {
        Require.nonBlank("group activity", "group_id", groupId);
        Require.nonBlank("group activity", "event_type", eventType);
        Require.optionalNonBlank("group activity", "actor_user_id", actorUserId);
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
