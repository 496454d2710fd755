package io.valkeystreams.core.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Processing priority of a stream; high-priority publishes are announced on {@code priority.events}. */
public enum Priority {
    /** Announced on the {@code priority.events} channel after every publish. */
    HIGH,
    /** Processed normally. */
    MEDIUM,
    /** Processed normally; suited to bulk analytics. */
    LOW;

    /** The lowercase name used on the wire ({@code high}, {@code medium}, {@code low}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a wire name, case-insensitively.
     *
     * @throws CatalogException when the text is not one of the three priorities
     */
    public static Priority fromWireName(String text) {
        if (text != null) {
            for (Priority priority : values()) {
                if (priority.wireName().equalsIgnoreCase(text.trim())) {
                    return priority;
                }
            }
        }
        throw new CatalogException("priority '" + text + "' is not one of "
                + Arrays.stream(values()).map(Priority::wireName).collect(Collectors.joining(", ")));
    }
}
