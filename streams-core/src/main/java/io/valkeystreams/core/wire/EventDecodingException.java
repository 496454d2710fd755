package io.valkeystreams.core.wire;

import io.valkeystreams.core.StreamsException;

/** An entry cannot be read as an event; such entries are dead-lettered at once, never retried. */
public class EventDecodingException extends StreamsException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public EventDecodingException(String message) {
        super(message);
    }

    /** Creates the exception with its cause. */
    public EventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
