package io.valkeystreams.sample.reputation;

import io.valkeystreams.sample.state.StateStore;
import io.valkeystreams.sample.state.Units;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/**
 * Reads a user's reputation through the {@value #CACHE} cache; reputation_calculator evicts the user's entry
 * after each event it applies. Loads are synchronized per key ({@code sync}), which with an in-memory cache also
 * keeps a load that read the old score from landing after the eviction.
 */
@Service
public class ReputationReader {

    /** The cache of reputation views, by user ID. */
    public static final String CACHE = "reputation_scores";

    private final StateStore store;

    /** Creates the reader. */
    public ReputationReader(StateStore store) {
        this.store = store;
    }

    /**
     * The user's reputation.
     *
     * @throws UnknownUserException when no event was applied for the user
     */
    @Cacheable(cacheNames = CACHE, key = "#userId", sync = true)
    public ReputationView read(String userId) {
        List<String> values = store.fields(ReputationKeys.user(userId), ReputationKeys.SCORE, ReputationKeys.UNITS,
                ReputationKeys.EVENTS);
        if (values == null || values.get(0) == null) {
            throw new UnknownUserException(userId);
        }
        BigDecimal score = Units.toDecimal(Long.parseLong(values.get(0)));
        return new ReputationView(userId, score, TrustLevel.of(score).id(), Long.parseLong(values.get(1)));
    }
}
