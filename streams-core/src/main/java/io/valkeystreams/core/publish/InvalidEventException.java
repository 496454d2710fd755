package io.valkeystreams.core.publish;

import io.valkeystreams.core.StreamsException;

/** A publish was refused before anything was written: the message names the field and the reason. */
public class InvalidEventException extends StreamsException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public InvalidEventException(String message) {
        super(message);
    }
}
