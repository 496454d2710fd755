package io.valkeystreams.sample.api;

import java.math.BigDecimal;
import java.util.Map;

/** JSON bodies of the publish endpoints, in the wire format's snake_case. */
final class PublishRequests {

    private PublishRequests() {
    }

    /** {@code POST /api/reputation-events}. */
    record Reputation(String userId, String eventType, Double impactScore, String groupId, String exchangeId,
                      String description) {
    }

    /** {@code POST /api/mode-transitions}. */
    record ModeTransition(String userId, String fromMode, String toMode, String reason) {
    }

    /** {@code POST /api/verification-events}. */
    record Verification(String userId, String eventType, String verificationType, String status, String verifiedBy,
                        String reason) {
    }

    /** {@code POST /api/group-activities}. */
    record GroupActivity(String groupId, String eventType, String actorUserId, Map<String, Object> details) {
    }

    /** {@code POST /api/analytics/behavior}: a raw user ID (hashed before publishing) or a user hash. */
    record Behavior(String userId, String userHash, String eventType, String eventCategory,
                    Map<String, Object> properties, String sessionHash, String platform) {
    }

    /** {@code POST /api/analytics/business-events}. */
    record Business(String eventType, String accountId, BigDecimal amount, String currency,
                    Map<String, Object> properties) {
    }

    /** {@code POST /api/analytics/platform-metrics}. */
    record PlatformMetric(String service, String metricName, Double value, String unit, Map<String, String> tags) {
    }
}
