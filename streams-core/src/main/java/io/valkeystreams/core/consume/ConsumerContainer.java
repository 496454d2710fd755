package io.valkeystreams.core.consume;

import io.valkeystreams.core.StreamsException;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.deadletter.DeadLetters;
import io.valkeystreams.core.lease.LeaseKeys;
import io.valkeystreams.core.retry.BackOffPolicy;
import io.valkeystreams.core.retry.ExceptionClassifier;
import io.valkeystreams.core.retry.Recoverer;
import io.valkeystreams.core.wire.EventCodec;
import io.valkeystreams.core.wire.JacksonEventCodec;
import java.time.Clock;

/**
 * Consumes one stream for one consumer group in this application instance, under a consumer name of its
 * own: reads the partition keys, hands each entry to its handler (one partition in ID order, partitions
 * concurrently), acknowledges, retries, dead-letters, and takes over entries of crashed consumers. Create
 * one per (stream, group) with {@link #builder}, then {@link #start()} it; {@link #stop()} drains it.
 * Several instances of a service share a group's work: in {@link ConsumerMode#UNORDERED} mode (the default)
 * as competing consumers on every partition, in {@link ConsumerMode#ORDERED} mode one instance per partition
 * at a time, under leases ({@link ConsumerOptions#mode()}).
 */
public interface ConsumerContainer extends AutoCloseable {

    /**
     * Starts a builder.
     *
     * @param group one of the definition's consumer groups
     * @throws StreamsException when an argument is null or the group is not one of the stream's groups
     */
    static Builder builder(StreamsConnection connection, StreamDefinition definition, String group) {
        return new Builder(connection, definition, group);
    }

    /**
     * Starts reading, handling and recovering in background threads. A container starts once.
     *
     * @throws StreamsException when it was started before
     */
    void start();

    /**
     * Stops gracefully: stops reading, lets the entries already read finish within the shutdown timeout and
     * acknowledges them; entries not finished by then stay pending and are taken over by other consumers.
     * Returns when the container's threads have ended. Idempotent.
     */
    void stop();

    /** Same as {@link #stop()}. */
    @Override
    default void close() {
        stop();
    }

    /** Whether it has started and not begun to stop (it may be waiting for Valkey to come back). */
    boolean isRunning();

    /** Its current state. */
    ContainerState state();

    /** The base stream name. */
    String stream();

    /** The consumer group. */
    String group();

    /** Its consumer name in the group, unique per instance. */
    String consumerName();

    /** Its options. */
    ConsumerOptions options();

    /** Assembles a container; only the handlers are required. */
    final class Builder {
        private final StreamsConnection connection;
        private final StreamDefinition definition;
        private final String group;
        private HandlerRegistry handlers;
        private ConsumerOptions options = ConsumerOptions.defaults();
        private EventCodec codec;
        private ConsumerListener listener = ConsumerListener.NO_OP;
        private BackOffPolicy backOff;
        private ExceptionClassifier classifier = ExceptionClassifier.standard();
        private Recoverer recoverer;
        private Clock clock = Clock.systemUTC();
        private String consumerName;

        private Builder(StreamsConnection connection, StreamDefinition definition, String group) {
            if (connection == null) {
                throw new StreamsException("consumer container: connection must not be null");
            }
            if (definition == null) {
                throw new StreamsException("consumer container: stream definition must not be null");
            }
            if (group == null || !definition.hasGroup(group)) {
                throw new StreamsException("consumer container: group '" + group + "' is not a consumer group of "
                        + "stream '" + definition.name() + "'; its groups are " + definition.groups());
            }
            this.connection = connection;
            this.definition = definition;
            this.group = group;
        }

        /** The handlers (required). */
        public Builder handlers(HandlerRegistry handlers) {
            this.handlers = handlers;
            return this;
        }

        /** The options; default {@link ConsumerOptions#defaults()}. */
        public Builder options(ConsumerOptions options) {
            this.options = options;
            return this;
        }

        /** The codec that decodes typed events; default a {@link JacksonEventCodec}. */
        public Builder codec(EventCodec codec) {
            this.codec = codec;
            return this;
        }

        /** The listener; default {@link ConsumerListener#NO_OP}. */
        public Builder listener(ConsumerListener listener) {
            this.listener = listener;
            return this;
        }

        /** The back-off between deliveries of a failing entry; default {@link ConsumerOptions#backOff()}. */
        public Builder backOff(BackOffPolicy backOff) {
            this.backOff = backOff;
            return this;
        }

        /** Which failures are retried; default {@link ExceptionClassifier#standard()}. */
        public Builder classifier(ExceptionClassifier classifier) {
            this.classifier = classifier;
            return this;
        }

        /** What happens to entries that are given up; default {@link DeadLetters#writer}. */
        public Builder recoverer(Recoverer recoverer) {
            this.recoverer = recoverer;
            return this;
        }

        /** The clock for dead-letter times; default the system clock in UTC. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** The consumer name; default {@code <host>-<pid>-<random>}, unique per container. */
        public Builder consumerName(String consumerName) {
            this.consumerName = consumerName;
            return this;
        }

        /**
         * Builds the container (not started).
         *
         * @throws StreamsException naming the field when a part is missing or invalid
         */
        public ConsumerContainer build() {
            if (handlers == null || handlers.isEmpty()) {
                throw new StreamsException("consumer container of " + definition.name() + "/" + group
                        + ": handlers must hold at least one handler or a catch-all, was " + handlers);
            }
            require(options, "options");
            require(listener, "listener");
            require(classifier, "classifier");
            require(clock, "clock");
            if (options.mode() == ConsumerMode.ORDERED) {
                definition.keys().forEach(key -> LeaseKeys.lease(key, group));
            }
            String name = consumerName == null ? ConsumerNames.generate() : consumerName;
            if (name.isBlank() || !name.chars().allMatch(c -> c > ' ' && c != 0x7f)) {
                throw new StreamsException("consumer container of " + definition.name() + "/" + group
                        + ": consumerName must be non-blank printable text without spaces, was '" + name + "'");
            }
            return new DefaultConsumerContainer(new ContainerSetup(connection, definition, group, name, handlers,
                    options, codec == null ? new JacksonEventCodec() : codec, new GuardedListener(listener),
                    backOff == null ? options.backOff() : backOff, classifier,
                    recoverer == null ? DeadLetters.writer(connection) : recoverer, clock,
                    ReadPlan.forConnection(connection)));
        }

        private void require(Object value, String field) {
            if (value == null) {
                throw new StreamsException("consumer container of " + definition.name() + "/" + group + ": "
                        + field + " must not be null");
            }
        }
    }
}
