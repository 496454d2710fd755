package io.valkeystreams.core.cache;

import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.wire.Envelope;
import io.valkeystreams.core.wire.WireFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Invalidates the cache keys that stream entries stale, as an {@link InvalidationMapping} declares.
 * It is meant to be called by the handler of a consumer in the group {@link #CONSUMER_GROUP} on
 * every stream of the mapping (register it with {@link #registerGroup}), once per delivered entry.
 * Invalidation is idempotent, so redeliveries are harmless. A Valkey failure is thrown, so the
 * entry is retried; an entry without the key field cannot be mapped and is reported as skipped.
 */
public final class CacheInvalidator {

    /** The consumer group the invalidator runs in. */
    public static final String CONSUMER_GROUP = "cache_invalidator";

    private static final Logger log = LoggerFactory.getLogger(CacheInvalidator.class);

    private final StreamsCaches caches;
    private final InvalidationMapping mapping;

    /**
     * Creates an invalidator.
     *
     * @throws CacheException when a rule names a cache that {@code caches} does not define
     */
    public CacheInvalidator(StreamsCaches caches, InvalidationMapping mapping) {
        this.caches = Objects.requireNonNull(caches, "caches must not be null");
        this.mapping = Objects.requireNonNull(mapping, "mapping must not be null");
        for (InvalidationRule rule : mapping.rules()) {
            if (caches.find(rule.cache()).isEmpty()) {
                throw new CacheException("invalidation rule " + rule + " names unknown cache '" + rule.cache()
                        + "'; define the cache or remove the rule");
            }
        }
    }

    /** The mapping applied. */
    public InvalidationMapping mapping() {
        return mapping;
    }

    /** Adds {@link #CONSUMER_GROUP} to every stream of the mapping. */
    public StreamCatalog.Builder registerGroup(StreamCatalog.Builder catalog) {
        mapping.streams().forEach(stream -> catalog.addGroups(stream, CONSUMER_GROUP));
        return catalog;
    }

    /**
     * Invalidates what a parsed entry stales; its stream is the entry's {@code stream_name} field.
     *
     * @throws CacheException when the entry has no {@code stream_name}
     */
    public InvalidationResult invalidate(Envelope entry) {
        Objects.requireNonNull(entry, "entry must not be null");
        if (entry.streamName() == null || entry.streamName().isBlank()) {
            throw new CacheException("entry " + entry.eventId() + " has no " + WireFields.STREAM_NAME
                    + " field; call invalidate(stream, fields) with the stream it was read from");
        }
        return invalidate(entry.streamName(), entry.fields());
    }

    /**
     * Invalidates what an entry of a stream stales.
     *
     * @param stream base stream name (not a partition key)
     * @param fields the entry's fields in the wire format; {@code event_type} selects typed rules
     * @throws io.valkeystreams.core.StreamsException when Valkey fails (retry the entry)
     */
    public InvalidationResult invalidate(String stream, Map<String, String> fields) {
        if (stream == null || stream.isBlank()) {
            throw new CacheException("stream must not be blank; pass the base stream name, such as 'reputation.events'");
        }
        Objects.requireNonNull(fields, "fields must not be null");
        String eventType = fields.get(WireFields.EVENT_TYPE);
        List<InvalidationResult.Invalidated> invalidated = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (InvalidationRule rule : mapping.rulesFor(stream, eventType)) {
            String key = fields.get(rule.keyField());
            if (key == null || key.isBlank()) {
                String reason = "entry " + fields.get(WireFields.EVENT_ID) + " of " + stream + " (" + eventType
                        + ") has no field '" + rule.keyField() + "' for cache '" + rule.cache() + "'";
                log.warn("cache invalidation skipped: {}", reason);
                skipped.add(reason);
                continue;
            }
            boolean existed = caches.cache(rule.cache()).invalidate(key);
            invalidated.add(new InvalidationResult.Invalidated(rule.cache(), key, existed));
        }
        return new InvalidationResult(invalidated, skipped);
    }
}
