package io.valkeystreams.spring;

import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.catalog.StreamDefinition;
import java.util.List;
import java.util.Map;

/** Builds the catalog from the platform streams and {@code valkey.streams.*} properties. */
final class CatalogFactory {

    private CatalogFactory() {
    }

    static StreamCatalog create(StreamsProperties properties, List<StreamCatalogCustomizer> customizers) {
        StreamCatalog.Builder builder = StreamCatalog.builder();
        for (Map.Entry<String, StreamsProperties.StreamSpec> entry : properties.getStreams().entrySet()) {
            StreamsProperties.StreamSpec spec = entry.getValue();
            builder.register(StreamDefinition.builder(entry.getKey())
                    .partitions(spec.getPartitions())
                    .retention(spec.getRetention())
                    .maxLength(spec.getMaxLength())
                    .groups(spec.getGroups())
                    .priority(spec.getPriority())
                    .build());
        }
        properties.getExtraGroups().forEach((stream, groups) -> builder.addGroups(stream, groups.toArray(String[]::new)));
        customizers.forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }
}
