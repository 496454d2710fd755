package io.valkeystreams.core.consume;

import io.valkeystreams.core.StreamsException;
import io.valkeystreams.core.wire.WireFields;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Limits a consumer applies to every entry before decoding it, against hostile or broken producers:
 * an entry over a limit is dead-lettered at once (never retried, never handed to a handler), and its
 * dead letter keeps only the metadata fields, so a huge entry is not copied.
 *
 * @param maxEntryBytes largest entry accepted: field names and values, in UTF-8 bytes
 * @param maxFields     most fields accepted
 */
public record EntryLimits(int maxEntryBytes, int maxFields) {

    /** Default {@code maxEntryBytes}: 1 MiB, the publisher's default limit. */
    public static final int DEFAULT_MAX_ENTRY_BYTES = 1024 * 1024;
    /** Default {@code maxFields}. */
    public static final int DEFAULT_MAX_FIELDS = 1024;
    /** The defaults. */
    public static final EntryLimits DEFAULTS = new EntryLimits(DEFAULT_MAX_ENTRY_BYTES, DEFAULT_MAX_FIELDS);

    /** Validates the limits. */
    public EntryLimits {
        if (maxEntryBytes < 64) {
            throw new StreamsException("consumer option maxEntryBytes must be at least 64, was " + maxEntryBytes);
        }
        if (maxFields < 1) {
            throw new StreamsException("consumer option maxFields must be at least 1, was " + maxFields);
        }
    }

    /** What an entry breaks, or null when it is within the limits. */
    String violation(Map<String, String> fields) {
        if (fields.size() > maxFields) {
            return "entry has " + fields.size() + " fields, over the consumer's limit of " + maxFields + " (maxFields)";
        }
        long bytes = 0;
        for (Map.Entry<String, String> field : fields.entrySet()) {
            bytes += utf8Length(field.getKey()) + utf8Length(field.getValue());
            if (bytes > maxEntryBytes) {
                return "entry is over the consumer's limit of " + maxEntryBytes + " bytes (maxEntryBytes)";
            }
        }
        return null;
    }

    /** The fields a dead letter of an oversized entry keeps: the metadata only. */
    static Map<String, String> metadataOf(Map<String, String> fields) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : WireFields.METADATA) {
            String value = fields.get(name);
            if (value != null && value.length() <= 1024) {
                kept.put(name, value);
            }
        }
        return kept;
    }

    private static long utf8Length(String text) {
        if (text == null) {
            return 0;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return text.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return text.length();
    }
}
