package io.valkeystreams.sample.state;

/** A request for a group's state that cannot be answered as asked; the message says what to ask instead. */
public class StateQueryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public StateQueryException(String message) {
        super(message);
    }
}
