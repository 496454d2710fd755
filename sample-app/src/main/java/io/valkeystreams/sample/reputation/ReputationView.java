package io.valkeystreams.sample.reputation;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * A user's reputation as {@code GET /api/users/{userId}/reputation} answers it (snake_case in JSON). Serializable
 * and a plain record, so any cache manager can store it.
 *
 * @param userId     the user
 * @param score      exact sum of the impact scores of the user's distinct reputation events
 * @param trustLevel the {@link TrustLevel} of the score
 * @param events     number of distinct reputation events applied
 */
public record ReputationView(String userId, BigDecimal score, String trustLevel, long events) implements Serializable {
}
