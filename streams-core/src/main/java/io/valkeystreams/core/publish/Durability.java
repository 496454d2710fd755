package io.valkeystreams.core.publish;

import java.time.Duration;

/**
 * How far a publish must be confirmed before it completes: by replicas ({@code WAIT}) and/or by
 * the append-only file ({@code WAITAOF}), within a timeout. Confirmation costs a round trip and
 * serialises durable publishes on a connection of their own.
 *
 * @param replicas  number of replicas that must acknowledge the write (0 for none)
 * @param localAof  whether the server's own append-only file must be fsynced
 * @param timeout   how long to wait for the confirmations
 */
public record Durability(int replicas, boolean localAof, Duration timeout) {

    /** No confirmation: complete when the server has the entry in memory. */
    public static final Durability NONE = new Durability(0, false, Duration.ofSeconds(1));

    /** Validates the values. */
    public Durability {
        if (replicas < 0) {
            throw new IllegalArgumentException("durability.replicas must be >= 0, was " + replicas);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("durability.timeout must be positive, was " + timeout);
        }
    }

    /** Wait for {@code replicas} replicas to acknowledge. */
    public static Durability replicas(int replicas, Duration timeout) {
        return new Durability(replicas, false, timeout);
    }

    /** Wait for the local append-only file to be fsynced (and {@code replicas} replicas' files). */
    public static Durability appendOnlyFile(int replicas, Duration timeout) {
        return new Durability(replicas, true, timeout);
    }

    /** Whether any confirmation is requested. */
    public boolean isRequested() {
        return replicas > 0 || localAof;
    }
}
