package io.valkeystreams.core.publish;

/** What an asynchronous publish does when the in-flight limit is reached. */
public enum OverflowPolicy {
    /** Wait for a slot, up to the overflow timeout, then refuse. Slows the caller down. */
    BLOCK,
    /** Refuse at once with {@link PublishRejectedException}. */
    REJECT
}
