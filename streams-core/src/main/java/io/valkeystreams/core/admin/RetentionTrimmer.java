package io.valkeystreams.core.admin;

import io.lettuce.core.XTrimArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.connection.LettuceErrors;
import io.valkeystreams.core.connection.StreamsConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Enforces time retention: removes entries older than each stream's retention from its partition
 * keys and its dead-letter stream, with {@code XTRIM <key> MINID [~] <now - retention>}. Entry IDs
 * carry their creation time in milliseconds, which is what the cut-off compares against.
 */
public final class RetentionTrimmer {

    private final StreamsConnection connection;
    private final Clock clock;

    /** Creates a trimmer using the system clock. */
    public RetentionTrimmer(StreamsConnection connection) {
        this(connection, Clock.systemUTC());
    }

    /** Creates a trimmer with an explicit clock (for tests). */
    public RetentionTrimmer(StreamsConnection connection, Clock clock) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Trims every stream of the catalog. */
    public TrimReport trim(StreamCatalog catalog, TrimMode mode) {
        long started = System.nanoTime();
        List<TrimReport.KeyTrim> results = new ArrayList<>();
        for (StreamDefinition definition : catalog.streams()) {
            results.addAll(trim(definition, mode));
        }
        return new TrimReport(results, Duration.ofNanos(System.nanoTime() - started));
    }

    /** Trims one stream's partition keys and dead-letter stream. */
    public List<TrimReport.KeyTrim> trim(StreamDefinition definition, TrimMode mode) {
        Objects.requireNonNull(mode, "mode");
        String minId = Math.max(0, clock.millis() - definition.retention().toMillis()) + "-0";
        RedisClusterCommands<String, String> commands = connection.sync();
        List<TrimReport.KeyTrim> results = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        definition.keys().stream().map(StreamKey::key).forEach(keys::add);
        keys.add(definition.deadLetterKey());
        for (String key : keys) {
            XTrimArgs args = XTrimArgs.Builder.minId(minId);
            if (mode == TrimMode.APPROXIMATE) {
                args.approximateTrimming();
            }
            try {
                Long removed = commands.xtrim(key, args);
                results.add(new TrimReport.KeyTrim(key, minId, removed == null ? 0 : removed));
            } catch (RuntimeException e) {
                throw LettuceErrors.translate("XTRIM " + key + " MINID " + minId, e);
            }
        }
        return results;
    }
}
