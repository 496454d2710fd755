package io.valkeystreams.core.events;

import io.valkeystreams.core.wire.EventType;

/**
 * A user's switch between modes, on {@code user.mode.transitions}, keyed by user; its
 * {@code event_type} is always {@code mode_transition}.
 *
 * @param userId                 the user (required)
 * @param fromMode               previous mode (required)
 * @param toMode                 new mode (required)
 * @param reason                 why, or null
 * @param requiresReverification true when the new mode is {@code neighborhood}
 */
@EventType(ModeTransitionEvent.EVENT_TYPE)
public record ModeTransitionEvent(String userId, String fromMode, String toMode, String reason,
                                  boolean requiresReverification) {

    /** The event type of every mode transition. */
    public static final String EVENT_TYPE = "mode_transition";
    /** The mode that requires re-verification. */
    public static final String NEIGHBORHOOD = "neighborhood";

    /** Validates the fields. */
    public ModeTransitionEvent {
        Require.nonBlank("mode transition", "user_id", userId);
        Require.nonBlank("mode transition", "from_mode", fromMode);
        Require.nonBlank("mode transition", "to_mode", toMode);
    }

    /** Creates a transition; re-verification is required when moving to {@code neighborhood}. */
    public static ModeTransitionEvent of(String userId, String fromMode, String toMode, String reason) {
        return new ModeTransitionEvent(userId, fromMode, toMode, reason, NEIGHBORHOOD.equals(toMode));
    }
}
