package io.valkeystreams.sample.reputation;

/** No reputation event was applied for the user yet. */
public class UnknownUserException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception for the user. */
    public UnknownUserException(String userId) {
        super("no reputation events for user '" + userId + "' (yet): publish one with POST /api/reputation-events");
    }
}
