package io.valkeystreams.core.publish;

import io.valkeystreams.core.StreamsException;

/** An asynchronous publish was refused because too many publishes are in flight, or the publisher is closed. */
public class PublishRejectedException extends StreamsException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public PublishRejectedException(String message) {
        super(message);
    }
}
