package io.valkeystreams.sample.analytics;

import io.valkeystreams.core.catalog.PlatformStreams;
import io.valkeystreams.core.consume.Delivery;
import io.valkeystreams.core.events.UserBehaviorEvent;
import io.valkeystreams.sample.state.Effects;
import io.valkeystreams.sample.state.GroupState;
import io.valkeystreams.sample.state.Snapshots;
import io.valkeystreams.sample.state.StateSpace;
import io.valkeystreams.sample.state.StateStore;
import io.valkeystreams.spring.StreamHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code behavior_analyzer}: behaviour events counted per {@code <category>/<event_type>} and per platform. */
@Component
public class BehaviorAnalyzer implements GroupState {

    static final String GROUP = "behavior_analyzer";
    private static final StateSpace SPACE = StateSpace.group(GROUP);

    private final StateStore store;

    /** Creates the handler. */
    public BehaviorAnalyzer(StateStore store) {
        this.store = store;
    }

    /** Counts the event. */
    @StreamHandler(stream = PlatformStreams.ANALYTICS_USER_BEHAVIOR, group = GROUP)
    public void apply(UserBehaviorEvent event, Delivery delivery) {
        store.applyOnce(delivery, Effects.in(SPACE)
                .hincrBy("by_category_type", event.eventCategory() + "/" + event.eventType(), 1)
                .hincrBy("by_platform", event.platform(), 1));
    }

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    public Map<String, Object> snapshot(String userId) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("by_category_type", Snapshots.counts(store.hash(SPACE, "by_category_type")));
        view.put("by_platform", Snapshots.counts(store.hash(SPACE, "by_platform")));
        view.put("stats", store.stats(SPACE));
        return view;
    }
}
