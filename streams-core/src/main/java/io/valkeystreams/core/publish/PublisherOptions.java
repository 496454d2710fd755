package io.valkeystreams.core.publish;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Immutable publisher settings; build with {@link #builder()}, defaults in the {@code DEFAULT_*} constants.
 *
 * @param maxInFlight        asynchronous publishes allowed in flight at once
 * @param overflowPolicy     what an asynchronous publish does past {@code maxInFlight}
 * @param overflowTimeout    how long {@link OverflowPolicy#BLOCK} waits for a slot
 * @param maxPayloadBytes    largest entry accepted (field names and values, UTF-8 bytes)
 * @param durability         confirmation required before a publish completes
 * @param notifyHighPriority whether high-priority publishes are announced on {@link #priorityChannel}
 * @param priorityChannel    the channel for those announcements
 * @param clock              source of the {@code timestamp} field
 */
public record PublisherOptions(int maxInFlight, OverflowPolicy overflowPolicy, Duration overflowTimeout,
                               int maxPayloadBytes, Durability durability, boolean notifyHighPriority,
                               String priorityChannel, Clock clock) {

    /** Default in-flight limit. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 1024;
    /** Default overflow timeout. */
    public static final Duration DEFAULT_OVERFLOW_TIMEOUT = Duration.ofSeconds(5);
    /** Default entry size limit: 1 MiB. */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 1024 * 1024;
    /** The channel of the seed's priority notifications. */
    public static final String DEFAULT_PRIORITY_CHANNEL = "priority.events";

    /** Validates every value, naming the option and the value. */
    public PublisherOptions {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("publisher maxInFlight must be >= 1, was " + maxInFlight);
        }
        Objects.requireNonNull(overflowPolicy, "publisher overflowPolicy must not be null");
        if (overflowTimeout == null || overflowTimeout.isNegative()) {
            throw new IllegalArgumentException("publisher overflowTimeout must be >= 0, was " + overflowTimeout);
        }
        if (maxPayloadBytes < 64) {
            throw new IllegalArgumentException("publisher maxPayloadBytes must be >= 64, was " + maxPayloadBytes);
        }
        Objects.requireNonNull(durability, "publisher durability must not be null (use Durability.NONE)");
        if (priorityChannel == null || priorityChannel.isBlank()) {
            throw new IllegalArgumentException("publisher priorityChannel must not be blank");
        }
        Objects.requireNonNull(clock, "publisher clock must not be null");
    }

    /** The defaults. */
    public static PublisherOptions defaults() {
        return builder().build();
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder for {@link PublisherOptions}. */
    public static final class Builder {
        private int maxInFlight = DEFAULT_MAX_IN_FLIGHT;
        private OverflowPolicy overflowPolicy = OverflowPolicy.BLOCK;
        private Duration overflowTimeout = DEFAULT_OVERFLOW_TIMEOUT;
        private int maxPayloadBytes = DEFAULT_MAX_PAYLOAD_BYTES;
        private Durability durability = Durability.NONE;
        private boolean notifyHighPriority = true;
        private String priorityChannel = DEFAULT_PRIORITY_CHANNEL;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Asynchronous publishes allowed in flight at once. */
        public Builder maxInFlight(int maxInFlight) {
            this.maxInFlight = maxInFlight;
            return this;
        }

        /** What an asynchronous publish does past the in-flight limit. */
        public Builder overflowPolicy(OverflowPolicy overflowPolicy) {
            this.overflowPolicy = overflowPolicy;
            return this;
        }

        /** How long {@link OverflowPolicy#BLOCK} waits. */
        public Builder overflowTimeout(Duration overflowTimeout) {
            this.overflowTimeout = overflowTimeout;
            return this;
        }

        /** Largest entry accepted, in bytes. */
        public Builder maxPayloadBytes(int maxPayloadBytes) {
            this.maxPayloadBytes = maxPayloadBytes;
            return this;
        }

        /** Confirmation required before a publish completes. */
        public Builder durability(Durability durability) {
            this.durability = durability;
            return this;
        }

        /** Whether high-priority publishes are announced. */
        public Builder notifyHighPriority(boolean notifyHighPriority) {
            this.notifyHighPriority = notifyHighPriority;
            return this;
        }

        /** Channel of the announcements. */
        public Builder priorityChannel(String priorityChannel) {
            this.priorityChannel = priorityChannel;
            return this;
        }

        /** Clock for the {@code timestamp} field. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Validates and builds. */
        public PublisherOptions build() {
            return new PublisherOptions(maxInFlight, overflowPolicy, overflowTimeout, maxPayloadBytes, durability,
                    notifyHighPriority, priorityChannel, clock);
        }
    }
}
