package io.valkeystreams.sample.metrics;

import io.valkeystreams.core.catalog.PlatformStreams;
import io.valkeystreams.core.consume.Delivery;
import io.valkeystreams.core.events.PlatformMetricEvent;
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
 * {@code alert_manager}: raises an alert for every sample above its metric's threshold ({@link AlertRules}): a
 * capped list of the newest {@value #KEPT} alerts and a count per service.
 */
@Component
public class AlertManager implements GroupState {

    static final String GROUP = "alert_manager";
    /** Alerts kept. */
    static final int KEPT = 100;
    private static final StateSpace SPACE = StateSpace.group(GROUP);

    private final StateStore store;
    private final AlertRules rules;

    /** Creates the handler. */
    public AlertManager(StateStore store, AlertRules rules) {
        this.store = store;
        this.rules = rules;
    }

    /** Raises an alert when the sample is above its threshold. */
    @StreamHandler(stream = PlatformStreams.ANALYTICS_PLATFORM_METRICS, group = GROUP)
    public void apply(PlatformMetricEvent event, Delivery delivery) {
        Double threshold = rules.thresholdOf(event.metricName());
        boolean alert = threshold != null && event.value() > threshold;
        Effects effects = Effects.in(SPACE).hincrBy("checked", alert ? "alerts" : "ok", 1);
        if (alert) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("service", event.service());
            record.put("metric_name", event.metricName());
            record.put("value", event.value());
            record.put("threshold", threshold);
            record.put("event_id", StateStore.eventId(delivery));
            effects.pushCapped("alerts", Snapshots.json(record), KEPT).hincrBy("alerts_by_service", event.service(), 1);
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
        view.put("thresholds", rules.thresholds());
        view.put("checked", Snapshots.counts(store.hash(SPACE, "checked")));
        view.put("alerts_by_service", Snapshots.counts(store.hash(SPACE, "alerts_by_service")));
        view.put("recent_alerts", Snapshots.records(store.list(SPACE, "alerts", 20)));
        view.put("stats", store.stats(SPACE));
        return view;
    }
}
