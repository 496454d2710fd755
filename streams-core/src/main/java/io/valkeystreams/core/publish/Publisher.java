package io.valkeystreams.core.publish;

import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.wire.EventCodec;
import io.valkeystreams.core.wire.JacksonEventCodec;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Publishes events to the streams of a catalog: chooses the partition, adds the wire format's
 * metadata, writes with {@code XADD <key> MAXLEN ~ <max_length / partitions> *}, and announces
 * high-priority events on {@code priority.events}. Invalid input is refused before anything is
 * written. Thread-safe; close it to release its connections.
 */
public interface Publisher extends AutoCloseable {

    /** Starts a builder on a connection and a catalog. */
    static Builder builder(StreamsConnection connection, StreamCatalog catalog) {
        return new Builder(connection, catalog);
    }

    /**
     * Publishes one event and waits until it is written (and confirmed, when durability is set).
     *
     * @param stream       base stream name
     * @param partitionKey key that keeps related events in order, or null to spread evenly
     * @param event        a record, a bean, or a map of fields including {@code event_type}
     * @throws io.valkeystreams.core.catalog.CatalogException for an unknown stream
     * @throws InvalidEventException    for a blank key, an oversized entry, or a field that cannot be written
     * @throws io.valkeystreams.core.StreamsException when Valkey is down or refuses the write
     */
    default PublishResult publish(String stream, String partitionKey, Object event) {
        return publish(PublishRequest.of(stream, partitionKey, event));
    }

    /** Publishes one request and waits; see {@link #publish(String, String, Object)}. */
    PublishResult publish(PublishRequest request);

    /**
     * Publishes one event without waiting. Validation errors are thrown at once; server errors
     * complete the stage exceptionally. Past the in-flight limit the call waits or is refused,
     * as {@link PublisherOptions#overflowPolicy()} says.
     */
    CompletionStage<PublishResult> publishAsync(PublishRequest request);

    /** Publishes one event without waiting; see {@link #publishAsync(PublishRequest)}. */
    default CompletionStage<PublishResult> publishAsync(String stream, String partitionKey, Object event) {
        return publishAsync(PublishRequest.of(stream, partitionKey, event));
    }

    /**
     * Publishes a list of events in one pipeline (one round of flushes) and waits for all. Every
     * request is validated before any is written. A batch is not a transaction: if the server fails
     * midway, the exception says so and earlier entries of the batch may be stored.
     *
     * @return the results, in request order
     */
    List<PublishResult> publishAll(List<PublishRequest> requests);

    /** The catalog this publisher writes to. */
    StreamCatalog catalog();

    /** Refuses further publishes, waits briefly for in-flight ones and closes dedicated connections. */
    @Override
    void close();

    /** Builder for a {@link Publisher}. */
    final class Builder {
        private final StreamsConnection connection;
        private final StreamCatalog catalog;
        private EventCodec codec = new JacksonEventCodec();
        private PublisherOptions options = PublisherOptions.defaults();
        private PublishListener listener = PublishListener.NONE;

        private Builder(StreamsConnection connection, StreamCatalog catalog) {
            this.connection = Objects.requireNonNull(connection, "connection must not be null");
            this.catalog = Objects.requireNonNull(catalog, "catalog must not be null");
        }

        /** The codec that turns events into fields (default: {@link JacksonEventCodec}). */
        public Builder codec(EventCodec codec) {
            this.codec = Objects.requireNonNull(codec, "codec must not be null");
            return this;
        }

        /** Publisher options (default: {@link PublisherOptions#defaults()}). */
        public Builder options(PublisherOptions options) {
            this.options = Objects.requireNonNull(options, "options must not be null");
            return this;
        }

        /** Observer of publishes (default: none). */
        public Builder listener(PublishListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener must not be null");
            return this;
        }

        /** Builds the publisher. */
        public Publisher build() {
            return new DefaultPublisher(connection, catalog, codec, options, listener);
        }
    }
}
