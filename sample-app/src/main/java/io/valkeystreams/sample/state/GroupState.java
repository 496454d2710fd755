package io.valkeystreams.sample.state;

import java.util.Map;

/** A consumer group's state, as shown by {@code GET /api/state/{group}}. */
public interface GroupState {

    /** The consumer group. */
    String group();

    /**
     * The group's state as JSON-ready values.
     *
     * @param userId narrows the view to one user where the group keeps state per user, or null
     * @throws StateQueryException when the group needs a user ID and none was given
     */
    Map<String, Object> snapshot(String userId);
}
