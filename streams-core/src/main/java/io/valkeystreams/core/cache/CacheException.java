package io.valkeystreams.core.cache;

import io.valkeystreams.core.StreamsException;

/** A cache call was refused (invalid definition, key, value or TTL) or a value could not be converted. */
public class CacheException extends StreamsException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the cache, the field or key, and the fix. */
    public CacheException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public CacheException(String message, Throwable cause) {
        super(message, cause);
    }
}
