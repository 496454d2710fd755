package io.valkeystreams.sample.reputation;

import io.valkeystreams.sample.state.StateSpace;

/**
 * Where reputation_calculator keeps a user's score: the hash {@code sample:{<user>}:reputation:score}
 * (fields {@code units}, {@code events}, {@code last_event_type}, {@code last_event_id}) beside the marks
 * {@code sample:{<user>}:reputation:applied:<event_id>}; one hash slot per user.
 */
final class ReputationKeys {

    /** The hash holding the score. */
    static final String SCORE = "score";
    /** Field: the score in ten-thousandths. */
    static final String UNITS = "units";
    /** Field: distinct events applied. */
    static final String EVENTS = "events";

    private ReputationKeys() {
    }

    static StateSpace user(String userId) {
        return StateSpace.of(userId, "reputation");
    }
}
