package io.valkeystreams.core.publish;

/**
 * Observes publishing (for metrics and logs). Every method defaults to doing nothing; an exception
 * thrown by a listener is logged and never affects the publish.
 */
public interface PublishListener {

    /** A listener that does nothing. */
    PublishListener NONE = new PublishListener() {
    };

    /** An event was written; {@code nanos} is the time from call to confirmation. */
    default void published(PublishResult result, long nanos) {
    }

    /** A publish to {@code stream} failed after validation (server down, error reply, durability). */
    default void failed(String stream, Throwable error) {
    }

    /** The {@code priority.events} announcement of a written event failed (the event itself is stored). */
    default void notificationFailed(PublishResult result, Throwable error) {
    }
}
