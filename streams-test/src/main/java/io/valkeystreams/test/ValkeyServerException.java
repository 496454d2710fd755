package io.valkeystreams.test;

/** A test server could not be found, started or reached; the message says what to do. */
public class ValkeyServerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what failed and how to fix it. */
    public ValkeyServerException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public ValkeyServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
