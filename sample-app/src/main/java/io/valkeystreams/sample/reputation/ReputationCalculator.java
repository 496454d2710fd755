package io.valkeystreams.sample.reputation;

import io.valkeystreams.core.catalog.PlatformStreams;
import io.valkeystreams.core.consume.Delivery;
import io.valkeystreams.core.events.ReputationEvent;
import io.valkeystreams.sample.state.Effects;
import io.valkeystreams.sample.state.GroupState;
import io.valkeystreams.sample.state.StateQueryException;
import io.valkeystreams.sample.state.StateSpace;
import io.valkeystreams.sample.state.StateStore;
import io.valkeystreams.sample.state.Units;
import io.valkeystreams.spring.StreamHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;

/**
 * {@code reputation_calculator}: keeps each user's score, the exact sum of the impact scores of the user's
 * distinct reputation events, and evicts the user's cached reputation after every event.
 */
@Component
public class ReputationCalculator implements GroupState {

    static final String GROUP = "reputation_calculator";

    private final StateStore store;
    private final CacheManager caches;

    /** Creates the handler. */
    public ReputationCalculator(StateStore store, CacheManager caches) {
        this.store = store;
        this.caches = caches;
    }

    /** Adds the event's impact to the user's score, once per event ID, then evicts the cached reputation. */
    @StreamHandler(stream = PlatformStreams.REPUTATION_EVENTS, group = GROUP)
    public void apply(ReputationEvent event, Delivery delivery) {
        StateSpace user = ReputationKeys.user(event.userId());
        store.applyOnce(delivery, Effects.in(user)
                .hincrBy(ReputationKeys.SCORE, ReputationKeys.UNITS, ImpactUnits.of(event))
                .hincrBy(ReputationKeys.SCORE, ReputationKeys.EVENTS, 1)
                .hset(ReputationKeys.SCORE, "last_event_type", event.eventType())
                .hset(ReputationKeys.SCORE, "last_event_id", StateStore.eventId(delivery)));
        Cache cache = caches.getCache(ReputationReader.CACHE);
        if (cache != null) {
            cache.evict(event.userId());
        }
    }

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    public Map<String, Object> snapshot(String userId) {
        if (userId == null) {
            throw new StateQueryException(GROUP + " keeps its state per user: add ?user_id=<user>");
        }
        StateSpace user = ReputationKeys.user(userId);
        List<String> score = store.fields(user, ReputationKeys.SCORE, ReputationKeys.UNITS, ReputationKeys.EVENTS,
                "last_event_type", "last_event_id");
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("user_id", userId);
        view.put("score", score.get(0) == null ? null : Units.toDecimal(Long.parseLong(score.get(0))));
        view.put("events", score.get(1) == null ? 0 : Long.parseLong(score.get(1)));
        view.put("last_event_type", score.get(2));
        view.put("last_event_id", score.get(3));
        view.put("stats", store.stats(user));
        return view;
    }
}
