package io.valkeystreams.core.deadletter;

import io.valkeystreams.core.StreamsException;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.connection.LettuceErrors;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.retry.FailedEntry;
import io.valkeystreams.core.retry.Recoverer;
import io.valkeystreams.core.wire.WireFields;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Writes a failed entry to {@code <name>:dlq} with a plain XADD. */
final class DeadLetterWriter implements Recoverer {

    private final StreamsConnection connection;

    DeadLetterWriter(StreamsConnection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    @Override
    public void recover(FailedEntry entry) {
        if (entry == null) {
            throw new StreamsException("failed entry must not be null");
        }
        String key = entry.source().stream() + StreamDefinition.DEAD_LETTER_SUFFIX;
        Map<String, String> fields = new LinkedHashMap<>(entry.fields());
        WireFields.DEAD_LETTER.forEach(fields::remove);
        fields.put(WireFields.DLQ_GROUP, entry.group());
        fields.put(WireFields.DLQ_SOURCE, entry.source().key());
        fields.put(WireFields.DLQ_SOURCE_ID, entry.entryId());
        fields.put(WireFields.DLQ_DELIVERIES, Long.toString(entry.deliveries()));
        fields.put(WireFields.DLQ_ERROR, entry.error());
        fields.put(WireFields.DLQ_FAILED_AT, Long.toString(entry.failedAt().toEpochMilli()));
        try {
            connection.sync().xadd(key, fields);
        } catch (RuntimeException e) {
            throw LettuceErrors.translate("XADD " + key + " (dead letter of " + entry.source() + " "
                    + entry.entryId() + ")", e);
        }
    }

    @Override
    public String toString() {
        return "DeadLetterWriter[" + connection.describe() + "]";
    }
}
