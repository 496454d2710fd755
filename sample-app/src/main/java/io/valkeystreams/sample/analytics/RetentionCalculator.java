package io.valkeystreams.sample.analytics;

import io.valkeystreams.core.catalog.PlatformStreams;
import io.valkeystreams.core.consume.Delivery;
import io.valkeystreams.core.events.UserBehaviorEvent;
import io.valkeystreams.core.wire.Envelope;
import io.valkeystreams.core.wire.EventCodec;
import io.valkeystreams.sample.state.Effects;
import io.valkeystreams.sample.state.EventTime;
import io.valkeystreams.sample.state.GroupState;
import io.valkeystreams.sample.state.StateSpace;
import io.valkeystreams.sample.state.StateStore;
import io.valkeystreams.spring.StreamHandler;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * {@code retention_calculator}: daily active users, one set of user hashes per UTC day of the event (so a retry
 * or replay days later still counts on the day it happened), and per day the users who were also active the day
 * before (returning users).
 * Takes the raw {@link Envelope} to read the event's {@code timestamp}.
 */
@Component
public class RetentionCalculator implements GroupState {

    static final String GROUP = "retention_calculator";
    /** Days shown. */
    static final int DAYS_SHOWN = 14;
    private static final StateSpace SPACE = StateSpace.group(GROUP);

    private final StateStore store;
    private final EventCodec codec;

    /** Creates the handler. */
    public RetentionCalculator(StateStore store, EventCodec codec) {
        this.store = store;
        this.codec = codec;
    }

    /** Marks the user hash active on the event's day. */
    @StreamHandler(stream = PlatformStreams.ANALYTICS_USER_BEHAVIOR, group = GROUP)
    public void apply(Envelope envelope, Delivery delivery) {
        UserBehaviorEvent event = codec.decode(envelope.fields(), UserBehaviorEvent.class);
        String day = EventTime.day(envelope, delivery);
        store.applyOnce(delivery, Effects.in(SPACE)
                .sadd("active:" + day, event.userHash())
                .sadd("days", day));
    }

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    public Map<String, Object> snapshot(String userId) {
        TreeSet<String> days = new TreeSet<>(store.members(SPACE, "days"));
        Map<String, Object> daily = new LinkedHashMap<>();
        for (String day : days.descendingSet()) {
            if (daily.size() == DAYS_SHOWN) {
                break;
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("active", store.size(SPACE, "active:" + day));
            counts.put("returning", store.common(SPACE, "active:" + day,
                    "active:" + LocalDate.parse(day).minusDays(1)));
            daily.put(day, counts);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("days", daily);
        view.put("stats", store.stats(SPACE));
        return view;
    }
}
