package io.valkeystreams.core.catalog;

import io.valkeystreams.core.StreamsException;

/** A stream definition or catalog is invalid, or a stream is unknown. */
public class CatalogException extends StreamsException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the stream, the field and the reason. */
    public CatalogException(String message) {
        super(message);
    }
}
