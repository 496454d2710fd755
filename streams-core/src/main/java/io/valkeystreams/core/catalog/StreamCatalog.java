package io.valkeystreams.core.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The immutable set of streams an application uses: the seven platform streams plus any the
 * application registers. Names are unique, no stream's keys collide with another's, and the
 * platform streams cannot be redefined.
 */
public final class StreamCatalog {

    private final Map<String, StreamDefinition> streams;
    private final Map<String, String> keyOwners;

    private StreamCatalog(Map<String, StreamDefinition> streams, Map<String, String> keyOwners) {
        this.streams = streams;
        this.keyOwners = keyOwners;
    }

    /** The catalog of the seven platform streams. */
    public static StreamCatalog platform() {
        return builder().build();
    }

    /** A builder that starts with the seven platform streams. */
    public static Builder builder() {
        Builder builder = new Builder(true);
        PlatformStreams.all().forEach(builder::register);
        return builder;
    }

    /** A builder that starts empty (for tests and applications that do not use the platform streams). */
    public static Builder emptyBuilder() {
        return new Builder(false);
    }

    /** Every stream, platform streams first, in registration order. */
    public Collection<StreamDefinition> streams() {
        return streams.values();
    }

    /** The stream of that base name, if registered. */
    public Optional<StreamDefinition> find(String name) {
        return Optional.ofNullable(streams.get(name));
    }

    /**
     * The stream of that base name.
     *
     * @throws CatalogException naming the known streams when it is not registered
     */
    public StreamDefinition require(String name) {
        StreamDefinition definition = streams.get(name);
        if (definition == null) {
            throw new CatalogException("unknown stream '" + name + "'; known streams: "
                    + String.join(", ", streams.keySet()));
        }
        return definition;
    }

    /** Every partition key of every stream. */
    public List<StreamKey> keys() {
        List<StreamKey> keys = new ArrayList<>();
        streams.values().forEach(definition -> keys.addAll(definition.keys()));
        return keys;
    }

    /** The base name of the stream that owns a Valkey key (partition or dead-letter key), if any. */
    public Optional<String> ownerOfKey(String key) {
        return Optional.ofNullable(keyOwners.get(key));
    }

    /** Accumulates definitions and checks them against each other. */
    public static final class Builder {
        private final boolean platformLocked;
        private final Map<String, StreamDefinition> streams = new LinkedHashMap<>();
        private final Map<String, String> keyOwners = new LinkedHashMap<>();

        private Builder(boolean platformLocked) {
            this.platformLocked = platformLocked;
        }

        /**
         * Adds a stream.
         *
         * @throws CatalogException when the name is taken (platform streams cannot be redefined) or
         *                          one of its keys collides with a key of another stream
         */
        public Builder register(StreamDefinition definition) {
            if (definition == null) {
                throw new CatalogException("stream definition must not be null");
            }
            String name = definition.name();
            if (streams.containsKey(name)) {
                String reason = platformLocked && PlatformStreams.isPlatformStream(name)
                        ? "is a platform stream whose partitions, retention, limits, groups and priority are fixed"
                        : "is already registered";
                throw new CatalogException("stream '" + name + "' " + reason + "; choose another name");
            }
            List<String> ownKeys = new ArrayList<>();
            ownKeys.add(name);
            definition.keys().forEach(key -> ownKeys.add(key.key()));
            ownKeys.add(definition.deadLetterKey());
            for (String key : ownKeys) {
                String owner = keyOwners.get(key);
                if (owner != null) {
                    throw new CatalogException("stream '" + name + "' would use key '" + key
                            + "', which belongs to stream '" + owner + "'; choose another name");
                }
            }
            streams.put(name, definition);
            ownKeys.forEach(key -> keyOwners.put(key, name));
            return this;
        }

        /**
         * Adds consumer groups to a registered stream, platform streams included. This is the one
         * explicit way to extend a platform stream (for an application's own consumers, such as cache
         * invalidation); partitions, retention, limits and priority stay as specified.
         *
         * @throws CatalogException when the stream is unknown or a group is invalid or already present
         */
        public Builder addGroups(String stream, String... groups) {
            StreamDefinition current = streams.get(stream);
            if (current == null) {
                throw new CatalogException("cannot add groups to unknown stream '" + stream + "'; known streams: "
                        + String.join(", ", streams.keySet()));
            }
            List<String> all = new ArrayList<>(current.groups());
            all.addAll(List.of(groups));
            streams.put(stream, new StreamDefinition(current.name(), current.partitions(), current.retention(),
                    current.maxLength(), all, current.priority()));
            return this;
        }

        /** Adds several streams. */
        public Builder registerAll(Collection<StreamDefinition> definitions) {
            definitions.forEach(this::register);
            return this;
        }

        /** Builds the immutable catalog. */
        public StreamCatalog build() {
            return new StreamCatalog(Collections.unmodifiableMap(new LinkedHashMap<>(streams)),
                    Map.copyOf(keyOwners));
        }
    }
}
