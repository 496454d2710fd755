package io.valkeystreams.core;

/**
 * Root of every exception the library throws, so callers can catch one type. Messages name what
 * failed (stream, key, field, value) and, where there is one, the fix.
 */
public class StreamsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what failed. */
    public StreamsException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public StreamsException(String message, Throwable cause) {
        super(message, cause);
    }
}
