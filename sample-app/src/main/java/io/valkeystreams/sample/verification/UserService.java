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
 * {@code user_service}: each user's verifications (latest status per verification type) on the user's profile,
 * and how many verifications ended in each status.
 */
@Component
public class UserService implements GroupState {

    static final String GROUP = "user_service";
    private static final StateSpace SPACE = StateSpace.group(GROUP);

    private final StateStore store;

    /** Creates the handler. */
    public UserService(StateStore store) {
        this.store = store;
    }

    /** Records the verification's outcome on the user's profile. */
    @StreamHandler(stream = PlatformStreams.VERIFICATION_EVENTS, group = GROUP)
    public void apply(VerificationEvent event, Delivery delivery) {
        store.applyOnce(delivery, Effects.in(SPACE)
                .hset("profile:" + event.userId(), event.verificationType(), event.status())
                .hincrBy("by_status", event.status(), 1));
    }

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    public Map<String, Object> snapshot(String userId) {
        Map<String, Object> view = new LinkedHashMap<>();
        if (userId != null) {
            view.put("user_id", userId);
            view.put("verifications", store.hash(SPACE, "profile:" + userId));
        }
        view.put("by_status", Snapshots.counts(store.hash(SPACE, "by_status")));
        view.put("stats", store.stats(SPACE));
        return view;
    }
}
