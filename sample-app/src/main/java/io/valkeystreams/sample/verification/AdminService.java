package io.valkeystreams.sample.verification;

import io.valkeystreams.core.catalog.PlatformStreams;
import io.valkeystreams.core.consume.Delivery;
import io.valkeystreams.core.events.VerificationEvent;
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
 * {@code admin_service}: puts every failed or not approved verification on a capped review queue (the newest
 * {@value #KEPT}) for an administrator, and counts reviewed and passed-through verifications.
 */
@Component
public class AdminService implements GroupState {

    static final String GROUP = "admin_service";
    /** Review items kept. */
    static final int KEPT = 100;
    private static final StateSpace SPACE = StateSpace.group(GROUP);

    private final StateStore store;

    /** Creates the handler. */
    public AdminService(StateStore store) {
        this.store = store;
    }

    /** Queues the verification for review when it failed or was not approved. */
    @StreamHandler(stream = PlatformStreams.VERIFICATION_EVENTS, group = GROUP)
    public void apply(VerificationEvent event, Delivery delivery) {
        boolean review = VerificationEvent.FAILED.equals(event.eventType()) || !"approved".equals(event.status());
        Effects effects = Effects.in(SPACE).hincrBy("counts", review ? "to_review" : "passed", 1);
        if (review) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("user_id", event.userId());
            item.put("verification_type", event.verificationType());
            item.put("event_type", event.eventType());
            item.put("status", event.status());
            item.put("reason", event.reason());
            item.put("event_id", StateStore.eventId(delivery));
            effects.pushCapped("review_queue", Snapshots.json(item), KEPT);
        }
        store.applyOnce(delivery, effects);
    }

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    public Map<String, Object> snapshot(String userId) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("counts", Snapshots.counts(store.hash(SPACE, "counts")));
        view.put("review_queue", Snapshots.records(store.list(SPACE, "review_queue", 20)));
        view.put("stats", store.stats(SPACE));
        return view;
    }
}
