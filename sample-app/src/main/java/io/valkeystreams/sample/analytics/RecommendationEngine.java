package io.valkeystreams.sample.analytics;

import io.valkeystreams.core.catalog.PlatformStreams;
import io.valkeystreams.core.consume.Delivery;
import io.valkeystreams.core.events.UserBehaviorEvent;
import io.valkeystreams.sample.state.Effects;
import io.valkeystreams.sample.state.GroupState;
import io.valkeystreams.sample.state.StateSpace;
import io.valkeystreams.sample.state.StateStore;
import io.valkeystreams.spring.StreamHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code recommendation_engine}: popularity of what users look at, a sorted set of {@code <category>/<item>}
 * where the item is the event's {@code item} or {@code screen} property (else its event type); recommends the
 * most popular.
 */
@Component
public class RecommendationEngine implements GroupState {

    static final String GROUP = "recommendation_engine";
    /** Items recommended. */
    static final int TOP = 10;
    private static final StateSpace SPACE = StateSpace.group(GROUP);

    private final StateStore store;

    /** Creates the handler. */
    public RecommendationEngine(StateStore store) {
        this.store = store;
    }

    /** Adds one to the item's popularity. */
    @StreamHandler(stream = PlatformStreams.ANALYTICS_USER_BEHAVIOR, group = GROUP)
    public void apply(UserBehaviorEvent event, Delivery delivery) {
        Object item = event.properties().getOrDefault("item", event.properties().getOrDefault("screen", event.eventType()));
        store.applyOnce(delivery, Effects.in(SPACE).zincrBy("popular", event.eventCategory() + "/" + item, 1));
    }

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    public Map<String, Object> snapshot(String userId) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("recommended", store.top(SPACE, "popular", TOP));
        view.put("stats", store.stats(SPACE));
        return view;
    }
}
