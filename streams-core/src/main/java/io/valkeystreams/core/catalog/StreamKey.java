package io.valkeystreams.core.catalog;

/**
 * One partition of a stream as it lives in Valkey: the base stream name, the partition number and
 * the key ({@code <name>:<p>} when the stream has several partitions, else {@code <name>}).
 *
 * @param stream    base name of the stream, such as {@code reputation.events}
 * @param partition partition number, from 0
 * @param key       the Valkey key holding this partition
 */
public record StreamKey(String stream, int partition, String key) {

    /** Validates the components. */
    public StreamKey {
        if (stream == null || stream.isBlank()) {
            throw new CatalogException("stream key: stream name must not be blank");
        }
        if (partition < 0) {
            throw new CatalogException("stream key of '" + stream + "': partition must be >= 0, was " + partition);
        }
        if (key == null || key.isBlank()) {
            throw new CatalogException("stream key of '" + stream + "': key must not be blank");
        }
    }

    @Override
    public String toString() {
        return key;
    }
}
