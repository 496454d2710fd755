package io.valkeystreams.core.cache;

/**
 * A loader of {@link StreamsCache#getOrLoad} failed. The loader's own exception is the cause; every
 * caller that waited for the same load receives one of these with the same cause. Nothing is cached.
 */
public class CacheLoadException extends CacheException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; {@code cause} is what the loader threw. */
    public CacheLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
