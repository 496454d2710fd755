package io.valkeystreams.sample.business;

import io.valkeystreams.core.catalog.PlatformStreams;
import io.valkeystreams.core.consume.Delivery;
import io.valkeystreams.core.events.BusinessEvent;
import io.valkeystreams.core.wire.Envelope;
import io.valkeystreams.core.wire.EventCodec;
import io.valkeystreams.sample.state.Effects;
import io.valkeystreams.sample.state.EventTime;
import io.valkeystreams.sample.state.GroupState;
import io.valkeystreams.sample.state.StateSpace;
import io.valkeystreams.sample.state.StateStore;
import io.valkeystreams.sample.state.Units;
import io.valkeystreams.spring.StreamHandler;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * {@code forecast_engine}: revenue per UTC day and currency (exact decimals), and a run-rate forecast: the mean
 * daily revenue of the days seen, times {@value #HORIZON_DAYS}. Takes the raw {@link Envelope} to read the event's
 * {@code timestamp}.
 */
@Component
public class ForecastEngine implements GroupState {

    static final String GROUP = "forecast_engine";
    /** Days the forecast looks ahead. */
    static final int HORIZON_DAYS = 30;
    private static final StateSpace SPACE = StateSpace.group(GROUP);

    private final StateStore store;
    private final EventCodec codec;

    /** Creates the handler. */
    public ForecastEngine(StateStore store, EventCodec codec) {
        this.store = store;
        this.codec = codec;
    }

    /** Adds the amount to its day's revenue in its currency. */
    @StreamHandler(stream = PlatformStreams.ANALYTICS_BUSINESS_EVENTS, group = GROUP)
    public void apply(Envelope envelope, Delivery delivery) {
        BusinessEvent event = codec.decode(envelope.fields(), BusinessEvent.class);
        Effects effects = Effects.in(SPACE);
        if (event.amount() != null) {
            effects.hincrBy("daily_revenue_units", event.currency() + "/" + EventTime.day(envelope, delivery),
                    AmountUnits.of(event));
        }
        store.applyOnce(delivery, effects);
    }

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    public Map<String, Object> snapshot(String userId) {
        Map<String, Map<String, BigDecimal>> daily = new TreeMap<>();
        store.hash(SPACE, "daily_revenue_units").forEach((field, units) -> {
            int slash = field.indexOf('/');
            daily.computeIfAbsent(field.substring(0, slash), currency -> new TreeMap<>())
                    .put(field.substring(slash + 1), Units.toDecimal(Long.parseLong(units)));
        });
        Map<String, BigDecimal> forecast = new TreeMap<>();
        daily.forEach((currency, days) -> forecast.put(currency, days.values().stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .multiply(BigDecimal.valueOf(HORIZON_DAYS))
                .divide(BigDecimal.valueOf(days.size()), 2, RoundingMode.HALF_EVEN)));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("daily_revenue", daily);
        view.put("forecast_next_" + HORIZON_DAYS + "_days", forecast);
        view.put("stats", store.stats(SPACE));
        return view;
    }
}
