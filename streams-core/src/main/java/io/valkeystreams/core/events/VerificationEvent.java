package io.valkeystreams.core.events;

/**
 * The end of a verification, on {@code verification.events}, keyed by user.
 *
 * @param userId           the verified user (required)
 * @param eventType        {@code verification_completed} or {@code verification_failed} (or another, required)
 * @param verificationType what was verified, such as {@code phone} or {@code address} (required)
 * @param status           outcome, such as {@code approved} or {@code rejected} (required)
 * @param verifiedBy       who verified (admin or service), or null
 * @param reason           why, or null
 */
public record VerificationEvent(String userId, String eventType, String verificationType, String status,
                                String verifiedBy, String reason) {

    /** Event type of a completed verification. */
    public static final String COMPLETED = "verification_completed";
    /** Event type of a failed verification. */
    public static final String FAILED = "verification_failed";

    /** Validates the fields. */
    public VerificationEvent {
        Require.nonBlank("verification event", "user_id", userId);
        Require.nonBlank("verification event", "event_type", eventType);
        Require.nonBlank("verification event", "verification_type", verificationType);
        Require.nonBlank("verification event", "status", status);
    }
}
