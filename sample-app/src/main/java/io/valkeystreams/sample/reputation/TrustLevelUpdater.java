package io.valkeystreams.sample.reputation;

import io.valkeystreams.core.catalog.PlatformStreams;
import io.valkeystreams.core.consume.Delivery;
import io.valkeystreams.core.events.ReputationEvent;
import io.valkeystreams.sample.state.GroupState;
import io.valkeystreams.sample.state.Snapshots;
import io.valkeystreams.sample.state.StateSpace;
import io.valkeystreams.sample.state.StateStore;
import io.valkeystreams.sample.state.Units;
import io.valkeystreams.spring.StreamHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * {@code trust_level_updater}: keeps its own running score per user, derives the {@link TrustLevel} from it, and
 * records level changes (promotions and demotions), once per event, in one atomic script.
 */
@Component
public class TrustLevelUpdater implements GroupState {

    static final String GROUP = "trust_level_updater";
    /** Level changes kept. */
    static final int CHANGES_KEPT = 100;

    private static final RedisScript<String> SCRIPT = StateStore.script("trust-level.lua", String.class);
    private static final StateSpace SPACE = StateSpace.group(GROUP);

    private final StateStore store;

    /** Creates the handler. */
    public TrustLevelUpdater(StateStore store) {
        this.store = store;
    }

    /** Adds the event's impact to the user's running score and updates the user's trust level. */
    @StreamHandler(stream = PlatformStreams.REPUTATION_EVENTS, group = GROUP)
    public void apply(ReputationEvent event, Delivery delivery) {
        List<String> args = new ArrayList<>(List.of(event.userId(), Long.toString(ImpactUnits.of(event)),
                Integer.toString(CHANGES_KEPT)));
        for (TrustLevel level : TrustLevel.values()) {
            args.add(level.id());
            args.add(Long.toString(level.minimumUnits()));
        }
        store.applyOnce(delivery, SPACE, SCRIPT, List.of(SPACE.key("scores"), SPACE.key("levels"),
                SPACE.key("level_counts"), SPACE.key("changes")), args);
    }

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    public Map<String, Object> snapshot(String userId) {
        Map<String, Object> view = new LinkedHashMap<>();
        if (userId != null) {
            String units = store.fields(SPACE, "scores", userId).get(0);
            view.put("user_id", userId);
            view.put("score", units == null ? null : Units.toDecimal(Long.parseLong(units)));
            view.put("trust_level", store.fields(SPACE, "levels", userId).get(0));
        }
        Map<String, Long> perLevel = Snapshots.counts(store.hash(SPACE, "level_counts"));
        perLevel.values().removeIf(users -> users == 0);
        view.put("users_per_level", perLevel);
        view.put("recent_changes", Snapshots.records(store.list(SPACE, "changes", 20)));
        view.put("stats", store.stats(SPACE));
        return view;
    }
}
