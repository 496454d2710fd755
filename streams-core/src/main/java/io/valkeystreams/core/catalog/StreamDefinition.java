package io.valkeystreams.core.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An immutable stream definition: name, partition count, time retention, total length limit,
 * consumer groups and priority. Build one with {@link #builder(String)}; invalid values are
 * refused with a {@link CatalogException} naming the stream, the field and the reason.
 *
 * @param name        base name, such as {@code reputation.events}
 * @param partitions  number of partition keys (1 means the stream lives in the key {@code name})
 * @param retention   entries older than this are removed by retention trimming
 * @param maxLength   approximate total length limit, split evenly over the partitions
 * @param groups      consumer groups created on every partition key
 * @param priority    processing priority
 */
public record StreamDefinition(String name, int partitions, Duration retention, long maxLength,
                               List<String> groups, Priority priority) {

    /** Largest partition count accepted. */
    public static final int MAX_PARTITIONS = 1024;
    /** Suffix of the dead-letter stream key. */
    public static final String DEAD_LETTER_SUFFIX = ":dlq";
    /** Default priority when none is given. */
    public static final Priority DEFAULT_PRIORITY = Priority.MEDIUM;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]*(:[A-Za-z0-9._\\-]+)*");
    private static final Pattern GROUP = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]*");

    /** Validates every component and copies the group list. */
    public StreamDefinition {
        if (name == null || name.isBlank()) {
            throw new CatalogException("stream name must not be blank");
        }
        if (!NAME.matcher(name).matches()) {
            throw new CatalogException("stream '" + name + "': name may hold letters, digits, '.', '_', '-' and "
                    + "inner ':' only (no spaces or braces, which would change cluster slots)");
        }
        if (name.endsWith(DEAD_LETTER_SUFFIX)) {
            throw new CatalogException("stream '" + name + "': names ending in '" + DEAD_LETTER_SUFFIX
                    + "' are reserved for dead-letter streams");
        }
        if (partitions < 1 || partitions > MAX_PARTITIONS) {
            throw new CatalogException("stream '" + name + "': partitions must be between 1 and " + MAX_PARTITIONS
                    + ", was " + partitions);
        }
        if (retention == null || retention.isZero() || retention.isNegative()) {
            throw new CatalogException("stream '" + name + "': retention must be a positive duration, was " + retention);
        }
        if (maxLength < partitions) {
            throw new CatalogException("stream '" + name + "': maxLength (" + maxLength
                    + ") must be at least the number of partitions (" + partitions
                    + ") so every partition may hold an entry");
        }
        if (groups == null || groups.isEmpty()) {
            throw new CatalogException("stream '" + name + "': at least one consumer group is required");
        }
        Set<String> seen = new HashSet<>();
        for (String group : groups) {
            if (group == null || !GROUP.matcher(group).matches()) {
                throw new CatalogException("stream '" + name + "': group name '" + group
                        + "' must start with a letter or digit and hold only letters, digits, '.', '_', '-'");
            }
            if (!seen.add(group)) {
                throw new CatalogException("stream '" + name + "': group '" + group + "' is listed twice");
            }
        }
        if (priority == null) {
            throw new CatalogException("stream '" + name + "': priority must not be null");
        }
        groups = List.copyOf(groups);
    }

    /** Starts a builder for a stream of the given base name. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Per-partition length limit used with {@code XADD … MAXLEN ~}: {@code maxLength / partitions}. */
    public long maxLengthPerPartition() {
        return maxLength / partitions;
    }

    /** Whether the stream is split over several keys. */
    public boolean isPartitioned() {
        return partitions > 1;
    }

    /**
     * The key of one partition.
     *
     * @throws CatalogException when the partition is out of range
     */
    public StreamKey key(int partition) {
        if (partition < 0 || partition >= partitions) {
            throw new CatalogException("stream '" + name + "' has partitions 0.." + (partitions - 1)
                    + ", not " + partition);
        }
        return new StreamKey(name, partition, isPartitioned() ? name + ":" + partition : name);
    }

    /** Every partition key, in partition order. */
    public List<StreamKey> keys() {
        List<StreamKey> keys = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            keys.add(key(p));
        }
        return keys;
    }

    /** The dead-letter stream key, {@code <name>:dlq}. */
    public String deadLetterKey() {
        return name + DEAD_LETTER_SUFFIX;
    }

    /** Whether the group is one of this stream's consumer groups. */
    public boolean hasGroup(String group) {
        return groups.contains(group);
    }

    /** Builder with defaults: 1 partition, 7 days retention, 100,000 entries, medium priority. */
    public static final class Builder {
        /** Default partition count. */
        public static final int DEFAULT_PARTITIONS = 1;
        /** Default retention. */
        public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);
        /** Default total length limit. */
        public static final long DEFAULT_MAX_LENGTH = 100_000;

        private final String name;
        private int partitions = DEFAULT_PARTITIONS;
        private Duration retention = DEFAULT_RETENTION;
        private long maxLength = DEFAULT_MAX_LENGTH;
        private final List<String> groups = new ArrayList<>();
        private Priority priority = DEFAULT_PRIORITY;

        private Builder(String name) {
            this.name = name;
        }

        /** Number of partitions (keys). */
        public Builder partitions(int partitions) {
            this.partitions = partitions;
            return this;
        }

        /** Time retention. */
        public Builder retention(Duration retention) {
            this.retention = retention;
            return this;
        }

        /** Total length limit over all partitions. */
        public Builder maxLength(long maxLength) {
            this.maxLength = maxLength;
            return this;
        }

        /** Adds consumer groups. */
        public Builder groups(String... groups) {
            this.groups.addAll(List.of(Objects.requireNonNull(groups, "groups")));
            return this;
        }

        /** Adds consumer groups. */
        public Builder groups(List<String> groups) {
            this.groups.addAll(groups);
            return this;
        }

        /** Processing priority. */
        public Builder priority(Priority priority) {
            this.priority = priority;
            return this;
        }

        /** Validates and builds the definition. */
        public StreamDefinition build() {
            return new StreamDefinition(name, partitions, retention, maxLength, groups, priority);
        }
    }
}
