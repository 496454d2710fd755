package io.valkeystreams.sample.groups;

import io.valkeystreams.core.catalog.PlatformStreams;
import io.valkeystreams.core.consume.Delivery;
import io.valkeystreams.core.events.GroupActivityEvent;
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
 * {@code food_discovery_service}: takes only {@code food_shared} activities (the container acknowledges other
 * types without calling it), counts them per group and keeps each group's latest share.
 */
@Component
public class FoodDiscoveryService implements GroupState {

    static final String GROUP = "food_discovery_service";
    private static final StateSpace SPACE = StateSpace.group(GROUP);

    private final StateStore store;

    /** Creates the handler. */
    public FoodDiscoveryService(StateStore store) {
        this.store = store;
    }

    /** Counts the share and remembers it as the group's latest. */
    @StreamHandler(stream = PlatformStreams.GROUP_MODE_ACTIVITIES, group = GROUP, eventType = "food_shared")
    public void foodShared(GroupActivityEvent event, Delivery delivery) {
        Map<String, Object> latest = new LinkedHashMap<>();
        latest.put("actor_user_id", event.actorUserId());
        latest.put("details", event.details());
        latest.put("event_id", StateStore.eventId(delivery));
        store.applyOnce(delivery, Effects.in(SPACE)
                .hincrBy("shared_by_group", event.groupId(), 1)
                .hset("latest_share", event.groupId(), Snapshots.json(latest)));
    }

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    public Map<String, Object> snapshot(String userId) {
        Map<String, Object> latest = new LinkedHashMap<>();
        store.hash(SPACE, "latest_share").forEach((group, json) ->
                latest.put(group, Snapshots.record(json)));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("shared_by_group", Snapshots.counts(store.hash(SPACE, "shared_by_group")));
        view.put("latest_share", latest);
        view.put("stats", store.stats(SPACE));
        return view;
    }
}
