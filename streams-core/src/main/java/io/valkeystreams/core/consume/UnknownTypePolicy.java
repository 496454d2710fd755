package io.valkeystreams.core.consume;

/** What a container does with an entry whose {@code event_type} has no handler and there is no catch-all. */
public enum UnknownTypePolicy {
    /** Acknowledge it and report it to {@link ConsumerListener#unknownEventType}. */
    ACK,
    /** Write it to the dead-letter stream, then acknowledge it. */
    DEAD_LETTER
}
