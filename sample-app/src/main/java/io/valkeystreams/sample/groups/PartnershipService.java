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
 * {@code partnership_service}: takes the partnership activities ({@code partnership_requested},
 * {@code partnership_accepted}, {@code partnership_declined}) and counts them per group and per type.
 */
@Component
public class PartnershipService implements GroupState {

    static final String GROUP = "partnership_service";
    private static final StateSpace SPACE = StateSpace.group(GROUP);

    private final StateStore store;

    /** Creates the handler. */
    public PartnershipService(StateStore store) {
        this.store = store;
    }

    /** Counts the partnership activity. */
    @StreamHandler(stream = PlatformStreams.GROUP_MODE_ACTIVITIES, group = GROUP,
            eventType = {"partnership_requested", "partnership_accepted", "partnership_declined"})
    public void partnership(GroupActivityEvent event, Delivery delivery) {
        store.applyOnce(delivery, Effects.in(SPACE)
                .hincrBy("by_type", event.eventType(), 1)
                .hincrBy("by_group", event.groupId() + "/" + event.eventType(), 1));
    }

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    public Map<String, Object> snapshot(String userId) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("by_type", Snapshots.counts(store.hash(SPACE, "by_type")));
        view.put("by_group", Snapshots.counts(store.hash(SPACE, "by_group")));
        view.put("stats", store.stats(SPACE));
        return view;
    }
}
