package io.valkeystreams.core.connection;

import io.valkeystreams.core.StreamsException;

/** Valkey could not be reached, or a connection string is invalid. */
public class ConnectionException extends StreamsException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message saying which server and why. */
    public ConnectionException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public ConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
