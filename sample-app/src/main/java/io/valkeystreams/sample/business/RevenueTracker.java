package io.valkeystreams.sample.business;

import io.valkeystreams.core.catalog.PlatformStreams;
import io.valkeystreams.core.consume.Delivery;
import io.valkeystreams.core.events.BusinessEvent;
import io.valkeystreams.sample.state.Effects;
import io.valkeystreams.sample.state.GroupState;
import io.valkeystreams.sample.state.Snapshots;
import io.valkeystreams.sample.state.StateSpace;
import io.valkeystreams.sample.state.StateStore;
import io.valkeystreams.sample.state.Units;
import io.valkeystreams.spring.StreamHandler;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** {@code revenue_tracker}: revenue per currency as exact decimals, and business events counted per type. */
@Component
public class RevenueTracker implements GroupState {

    static final String GROUP = "revenue_tracker";
    private static final StateSpace SPACE = StateSpace.group(GROUP);

    private final StateStore store;

    /** Creates the handler. */
    public RevenueTracker(StateStore store) {
        this.store = store;
    }

    /** Adds the event's amount to its currency's revenue. */
    @StreamHandler(stream = PlatformStreams.ANALYTICS_BUSINESS_EVENTS, group = GROUP)
    public void apply(BusinessEvent event, Delivery delivery) {
        Effects effects = Effects.in(SPACE).hincrBy("events_by_type", event.eventType(), 1);
        if (event.amount() != null) {
            effects.hincrBy("revenue_units", event.currency(), AmountUnits.of(event));
        }
        store.applyOnce(delivery, effects);
    }

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    public Map<String, Object> snapshot(String userId) {
        Map<String, BigDecimal> revenue = new TreeMap<>();
        store.hash(SPACE, "revenue_units").forEach((currency, units) ->
                revenue.put(currency, Units.toDecimal(Long.parseLong(units))));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("revenue", revenue);
        view.put("events_by_type", Snapshots.counts(store.hash(SPACE, "events_by_type")));
        view.put("stats", store.stats(SPACE));
        return view;
    }
}
