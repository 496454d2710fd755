package io.valkeystreams.spring.actuate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.valkeystreams.core.admin.StreamStatus;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.consume.ConsumerListener;
import io.valkeystreams.core.consume.Delivery;
import io.valkeystreams.core.consume.HandlerOutcome;
import io.valkeystreams.core.metrics.LagMonitor;
import io.valkeystreams.core.publish.PublishListener;
import io.valkeystreams.core.publish.PublishResult;
import io.valkeystreams.core.retry.FailedEntry;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Binds the stream meters of DESIGN.md: per stream, partition and group the lag in entries and
 * seconds, pending entries and entries trimmed before the group read them; per partition the
 * length; per stream the publish timer; per stream and group the handler timer (by outcome), retries,
 * dead letters, unknown event types and pending entries found trimmed. Gauges read the {@link LagMonitor} snapshot, so a scrape
 * never queries Valkey. Unknown values (before the first collection) are NaN.
 */
public final class StreamsMeterBinder implements MeterBinder, PublishListener, ConsumerListener {

    private final StreamCatalog catalog;
    private final LagMonitor monitor;
    private final Map<String, Timer> publishTimers = new ConcurrentHashMap<>();
    private final Map<String, Timer> handlerTimers = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private volatile MeterRegistry registry;

    /** Creates the binder. */
    public StreamsMeterBinder(StreamCatalog catalog, LagMonitor monitor) {
        this.catalog = catalog;
        this.monitor = monitor;
    }

    @Override
    public void bindTo(MeterRegistry meterRegistry) {
        this.registry = meterRegistry;
        for (StreamDefinition stream : catalog.streams()) {
            for (StreamKey key : stream.keys()) {
                Tags partitionTags = Tags.of("stream", stream.name(), "partition", Integer.toString(key.partition()));
                Gauge.builder("valkey.streams.length.entries", monitor, m -> m.snapshot().partition(key.key())
                                .map(p -> (double) p.length()).orElse(Double.NaN))
                        .description("Entries in the partition key").tags(partitionTags).register(meterRegistry);
                for (String group : stream.groups()) {
                    Tags tags = partitionTags.and("group", group);
                    groupGauge(meterRegistry, "valkey.streams.group.lag.entries", null,
                            "Entries not yet delivered to the group", tags, key, group,
                            g -> g.lagEntries() < 0 ? Double.NaN : g.lagEntries());
                    groupGauge(meterRegistry, "valkey.streams.group.lag.seconds", "seconds",
                            "Age of the oldest entry not yet delivered to the group", tags, key, group,
                            StreamStatus.GroupStatus::lagSeconds);
                    groupGauge(meterRegistry, "valkey.streams.group.pending.entries", null,
                            "Entries delivered to the group but not acknowledged", tags, key, group,
                            g -> g.pending());
                    groupGauge(meterRegistry, "valkey.streams.group.trimmed.unread.entries", null,
                            "Entries removed by length trimming before the group read them (lost to it)", tags, key,
                            group, g -> g.trimmedUnread());
                }
            }
        }
    }

    private void groupGauge(MeterRegistry meterRegistry, String name, String unit, String description, Tags tags,
                            StreamKey key, String group, ToDoubleFunction<StreamStatus.GroupStatus> value) {
        Gauge.builder(name, monitor, m -> m.snapshot().group(key.key(), group).map(value::applyAsDouble)
                        .orElse(Double.NaN))
                .description(description).baseUnit(unit).tags(tags).register(meterRegistry);
    }

    @Override
    public void published(PublishResult result, long nanos) {
        MeterRegistry meterRegistry = registry;
        if (meterRegistry == null) {
            return;
        }
        publishTimers.computeIfAbsent(result.key().stream(), stream -> Timer.builder("valkey.streams.publish")
                        .description("Time to publish one event, until written (and confirmed)")
                        .tag("stream", stream).publishPercentileHistogram().register(meterRegistry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void handled(Delivery delivery, HandlerOutcome outcome, Duration duration, Throwable failure) {
        MeterRegistry meterRegistry = registry;
        if (meterRegistry == null) {
            return;
        }
        String outcomeTag = outcome.name().toLowerCase(Locale.ROOT);
        handlerTimers.computeIfAbsent(delivery.stream() + "/" + delivery.group() + "/" + outcomeTag,
                        name -> Timer.builder("valkey.streams.handler")
                                .description("Time a handler took for one entry, by outcome")
                                .tags("stream", delivery.stream(), "group", delivery.group(), "outcome", outcomeTag)
                                .publishPercentileHistogram().register(meterRegistry))
                .record(duration);
    }

    @Override
    public void retryScheduled(Delivery delivery, Throwable failure, Duration backOff) {
        count("valkey.streams.retries", "Failed entries scheduled for another delivery", delivery.stream(),
                delivery.group());
    }

    @Override
    public void deadLettered(FailedEntry entry) {
        count("valkey.streams.dead.letters", "Entries written to the dead-letter stream", entry.source().stream(),
                entry.group());
    }

    @Override
    public void unknownEventType(Delivery delivery) {
        count("valkey.streams.unknown.types", "Entries whose event type has no handler", delivery.stream(),
                delivery.group());
    }

    @Override
    public void trimmedWhilePending(StreamKey key, String group, String entryId) {
        count("valkey.streams.trimmed.pending", "Pending entries found trimmed away and cleared", key.stream(), group);
    }

    private void count(String name, String description, String stream, String group) {
        MeterRegistry meterRegistry = registry;
        if (meterRegistry == null) {
            return;
        }
        counters.computeIfAbsent(name + "/" + stream + "/" + group, key -> Counter.builder(name)
                .description(description).tags("stream", stream, "group", group).register(meterRegistry)).increment();
    }
}
