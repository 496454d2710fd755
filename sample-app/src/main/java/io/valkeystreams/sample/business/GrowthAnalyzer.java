package io.valkeystreams.sample.business;

import io.valkeystreams.core.catalog.PlatformStreams;
import io.valkeystreams.core.consume.Delivery;
import io.valkeystreams.core.events.BusinessEvent;
import io.valkeystreams.core.wire.Envelope;
import io.valkeystreams.core.wire.EventCodec;
import io.valkeystreams.sample.state.Effects;
import io.valkeystreams.sample.state.EventTime;
import io.valkeystreams.sample.state.GroupState;
import io.valkeystreams.sample.state.Snapshots;
import io.valkeystreams.sample.state.StateSpace;
import io.valkeystreams.sample.state.StateStore;
import io.valkeystreams.spring.StreamHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code growth_analyzer}: business events per UTC day and type ({@code <day>/<event_type>}), and the distinct
 * accounts seen. Takes the raw {@link Envelope} to read the event's {@code timestamp}.
 */
@Component
public class GrowthAnalyzer implements GroupState {

    static final String GROUP = "growth_analyzer";
    private static final StateSpace SPACE = StateSpace.group(GROUP);

    private final StateStore store;
    private final EventCodec codec;

    /** Creates the handler. */
    public GrowthAnalyzer(StateStore store, EventCodec codec) {
        this.store = store;
        this.codec = codec;
    }

    /** Counts the event on its day and remembers its account. */
    @StreamHandler(stream = PlatformStreams.ANALYTICS_BUSINESS_EVENTS, group = GROUP)
    public void apply(Envelope envelope, Delivery delivery) {
        BusinessEvent event = codec.decode(envelope.fields(), BusinessEvent.class);
        Effects effects = Effects.in(SPACE)
                .hincrBy("daily", EventTime.day(envelope, delivery) + "/" + event.eventType(), 1);
        if (event.accountId() != null) {
            effects.sadd("accounts", event.accountId());
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
        view.put("daily", Snapshots.counts(store.hash(SPACE, "daily")));
        view.put("distinct_accounts", store.size(SPACE, "accounts"));
        view.put("stats", store.stats(SPACE));
        return view;
    }
}
