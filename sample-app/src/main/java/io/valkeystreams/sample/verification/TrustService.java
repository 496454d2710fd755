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
 * {@code trust_service}: outcomes per verification type ({@code <type>/<event_type>}) and the set of users with
 * at least one approved, completed verification.
 */
@Component
public class TrustService implements GroupState {

    static final String GROUP = "trust_service";
    private static final StateSpace SPACE = StateSpace.group(GROUP);

    private final StateStore store;

    /** Creates the handler. */
    public TrustService(StateStore store) {
        this.store = store;
    }

    /** Counts the outcome; an approved completion makes the user verified. */
    @StreamHandler(stream = PlatformStreams.VERIFICATION_EVENTS, group = GROUP)
    public void apply(VerificationEvent event, Delivery delivery) {
        Effects effects = Effects.in(SPACE).hincrBy("outcomes", event.verificationType() + "/" + event.eventType(), 1);
        if (VerificationEvent.COMPLETED.equals(event.eventType()) && "approved".equals(event.status())) {
            effects.sadd("verified_users", event.userId());
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
        view.put("outcomes", Snapshots.counts(store.hash(SPACE, "outcomes")));
        view.put("verified_users", store.size(SPACE, "verified_users"));
        view.put("stats", store.stats(SPACE));
        return view;
    }
}
