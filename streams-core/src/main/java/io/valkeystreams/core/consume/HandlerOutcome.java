package io.valkeystreams.core.consume;

/** How one call of a handler ended. */
public enum HandlerOutcome {
    /** The handler returned; the entry is acknowledged. */
    SUCCESS,
    /** The handler threw; the entry is retried or dead-lettered. */
    FAILURE
}
