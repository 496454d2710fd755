package io.valkeystreams.core.publish;

import io.valkeystreams.core.StreamsException;

/**
 * The entry was written, but the requested replicas or append-only-file syncs did not confirm it
 * within the timeout, so it may be lost if the server fails now. The result says where it was written.
 */
public class DurabilityException extends StreamsException {

    private static final long serialVersionUID = 1L;

    private final transient PublishResult result;

    /** Creates the exception for a written but unconfirmed entry. */
    public DurabilityException(String message, PublishResult result) {
        super(message);
        this.result = result;
    }

    /** Where the unconfirmed entry was written. */
    public PublishResult result() {
        return result;
    }
}
