package io.valkeystreams.sample.modes;

import io.valkeystreams.core.catalog.PlatformStreams;
import io.valkeystreams.core.consume.Delivery;
import io.valkeystreams.core.events.ModeTransitionEvent;
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
 * {@code notification_service}: writes the notification a user gets for a mode change to a capped outbox (the
 * newest {@value #KEPT}), and counts notifications per kind.
 */
@Component
public class NotificationService implements GroupState {

    static final String GROUP = "notification_service";
    /** Notifications kept in the outbox. */
    static final int KEPT = 100;
    private static final StateSpace SPACE = StateSpace.group(GROUP);

    private final StateStore store;

    /** Creates the handler. */
    public NotificationService(StateStore store) {
        this.store = store;
    }

    /** Queues the user's notification. */
    @StreamHandler(stream = PlatformStreams.USER_MODE_TRANSITIONS, group = GROUP)
    public void apply(ModeTransitionEvent event, Delivery delivery) {
        String kind = event.requiresReverification() ? "reverification_required" : "mode_changed";
        String text = event.requiresReverification()
                ? "You switched to " + event.toMode() + " mode: please verify your address again."
                : "You switched from " + event.fromMode() + " to " + event.toMode() + " mode.";
        Map<String, Object> notification = new LinkedHashMap<>();
        notification.put("user_id", event.userId());
        notification.put("kind", kind);
        notification.put("text", text);
        notification.put("event_id", StateStore.eventId(delivery));
        store.applyOnce(delivery, Effects.in(SPACE)
                .pushCapped("outbox", Snapshots.json(notification), KEPT)
                .hincrBy("sent_by_kind", kind, 1));
    }

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    public Map<String, Object> snapshot(String userId) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("sent_by_kind", Snapshots.counts(store.hash(SPACE, "sent_by_kind")));
        view.put("outbox", Snapshots.records(store.list(SPACE, "outbox", 20)).stream()
                .filter(notification -> userId == null || userId.equals(notification.get("user_id"))).toList());
        view.put("stats", store.stats(SPACE));
        return view;
    }
}
