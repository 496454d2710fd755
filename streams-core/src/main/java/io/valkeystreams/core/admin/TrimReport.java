package io.valkeystreams.core.admin;

import java.time.Duration;
import java.util.List;

/**
 * What a retention run removed.
 *
 * @param keys    per key: the cut-off entry ID and the number of entries removed
 * @param elapsed how long the run took
 */
public record TrimReport(List<KeyTrim> keys, Duration elapsed) {

    /**
     * One key's result.
     *
     * @param key     partition or dead-letter key
     * @param minId   entries with smaller IDs were removed
     * @param removed number of entries removed
     */
    public record KeyTrim(String key, String minId, long removed) {
    }

    /** Copies the list. */
    public TrimReport {
        keys = List.copyOf(keys);
    }

    /** Total number of entries removed. */
    public long totalRemoved() {
        return keys.stream().mapToLong(KeyTrim::removed).sum();
    }
}
