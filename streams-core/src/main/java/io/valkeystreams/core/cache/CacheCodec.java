package io.valkeystreams.core.cache;

/**
 * Converts cache values to the text stored in Valkey and back. Implementations may throw any
 * runtime exception; the cache wraps it in a {@link CacheException} naming the cache and the key.
 */
public interface CacheCodec {

    /** The text stored for a non-null value. */
    String encode(Object value);

    /** The value of stored text, as an instance of {@code type} ({@code Object.class} when unknown). */
    <T> T decode(String text, Class<T> type);
}
