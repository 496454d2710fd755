package io.valkeystreams.core.events;

/**
 * A change of a user's reputation, on {@code reputation.events}, keyed by user.
 *
 * @param userId             the user whose reputation changed (required)
 * @param eventType          what happened, such as {@code exchange_completed} (required)
 * @param impactScore        signed change of the score (finite)
 * @param groupId            group involved, or null
 * @param exchangeId         exchange involved, or null
 * @param description        free text, or null
 * @param processingPriority {@code high} when |impactScore| &gt; 5, else {@code normal}
 */
public record ReputationEvent(String userId, String eventType, double impactScore, String groupId,
                              String exchangeId, String description, String processingPriority) {

    /** |impactScore| above this makes the event's processing priority {@code high}. */
    public static final double HIGH_IMPACT = 5.0;

    /** Validates the fields. */
    public ReputationEvent {
        Require.nonBlank("reputation event", "user_id", userId);
        Require.nonBlank("reputation event", "event_type", eventType);
        Require.finite("reputation event", "impact_score", impactScore);
        Require.optionalNonBlank("reputation event", "group_id", groupId);
        Require.optionalNonBlank("reputation event", "exchange_id", exchangeId);
        if (processingPriority == null) {
            processingPriority = priorityOf(impactScore);
        }
    }

    /** Creates an event with the processing priority derived from the impact. */
    public static ReputationEvent of(String userId, String eventType, double impactScore, String groupId,
                                     String exchangeId, String description) {
        return new ReputationEvent(userId, eventType, impactScore, groupId, exchangeId, description, null);
    }

    private static String priorityOf(double impactScore) {
        return Math.abs(impactScore) > HIGH_IMPACT ? "high" : "normal";
    }
}
