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
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * {@code reputation_service} on mode transitions: the mode each user is in (reputation is earned per mode),
 * transitions counted per {@code from->to} pair, and the users whose move requires re-verification.
 */
@Component
public class ReputationService implements GroupState {

    static final String GROUP = "reputation_service";
    private static final StateSpace SPACE = StateSpace.group(GROUP);

    private final StateStore store;

    /** Creates the handler. */
    public ReputationService(StateStore store) {
        this.store = store;
    }

    /** Records the user's new mode. */
    @StreamHandler(stream = PlatformStreams.USER_MODE_TRANSITIONS, group = GROUP)
    public void apply(ModeTransitionEvent event, Delivery delivery) {
        Effects effects = Effects.in(SPACE)
                .hset("user_modes", event.userId(), event.toMode())
                .hincrBy("transitions", event.fromMode() + "->" + event.toMode(), 1);
        if (event.requiresReverification()) {
            effects.sadd("reverification_required", event.userId());
        }
        store.applyOnce(delivery, effects);
    }

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    public Map<String, Object> snapshot(String userId) {
        Map<String, String> modes = store.hash(SPACE, "user_modes");
        Map<String, Object> view = new LinkedHashMap<>();
        if (userId != null) {
            view.put("user_id", userId);
            view.put("mode", modes.get(userId));
        }
        Map<String, Long> usersPerMode = new TreeMap<>();
        modes.values().forEach(mode -> usersPerMode.merge(mode, 1L, Long::sum));
        view.put("users_per_mode", usersPerMode);
        view.put("transitions", Snapshots.counts(store.hash(SPACE, "transitions")));
        view.put("reverification_required", store.size(SPACE, "reverification_required"));
        view.put("stats", store.stats(SPACE));
        return view;
    }
}
