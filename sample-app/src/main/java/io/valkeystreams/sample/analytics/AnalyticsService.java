package io.valkeystreams.sample.analytics;

import io.valkeystreams.core.catalog.PlatformStreams;
import io.valkeystreams.core.consume.Delivery;
import io.valkeystreams.core.events.ModeTransitionEvent;
import io.valkeystreams.core.events.ReputationEvent;
import io.valkeystreams.sample.state.Effects;
import io.valkeystreams.sample.state.GroupState;
import io.valkeystreams.sample.state.Snapshots;
import io.valkeystreams.sample.state.StateSpace;
import io.valkeystreams.sample.state.StateStore;
import io.valkeystreams.spring.StreamHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code analytics_service}, a group on two streams: reputation events counted per event type, and mode
 * transitions counted per target mode.
 */
@Component
public class AnalyticsService implements GroupState {

    static final String GROUP = "analytics_service";
    private static final StateSpace SPACE = StateSpace.group(GROUP);

    private final StateStore store;

    /** Creates the handlers. */
    public AnalyticsService(StateStore store) {
        this.store = store;
    }

    /** Counts the reputation event by type. */
    @StreamHandler(stream = PlatformStreams.REPUTATION_EVENTS, group = GROUP)
    public void reputation(ReputationEvent event, Delivery delivery) {
        store.applyOnce(delivery, Effects.in(SPACE).hincrBy("reputation_events_by_type", event.eventType(), 1));
    }

    /** Counts the mode transition by target mode. */
    @StreamHandler(stream = PlatformStreams.USER_MODE_TRANSITIONS, group = GROUP)
    public void modeTransition(ModeTransitionEvent event, Delivery delivery) {
        store.applyOnce(delivery, Effects.in(SPACE).hincrBy("mode_transitions_by_target", event.toMode(), 1));
    }

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    public Map<String, Object> snapshot(String userId) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("reputation_events_by_type", Snapshots.counts(store.hash(SPACE, "reputation_events_by_type")));
        view.put("mode_transitions_by_target", Snapshots.counts(store.hash(SPACE, "mode_transitions_by_target")));
        view.put("stats", store.stats(SPACE));
        return view;
    }
}
