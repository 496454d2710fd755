package io.valkeystreams.core.wire;

import io.valkeystreams.core.StreamsException;

/** An event cannot be written in the wire format; the message names the field and the reason. */
public class EventEncodingException extends StreamsException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public EventEncodingException(String message) {
        super(message);
    }

    /** Creates the exception with its cause. */
    public EventEncodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
