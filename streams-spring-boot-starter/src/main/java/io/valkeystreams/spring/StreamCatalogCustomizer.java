package io.valkeystreams.spring;

import io.valkeystreams.core.catalog.StreamCatalog;

/** Adds streams or groups to the catalog in code, after the {@code valkey.streams.*} properties. */
@FunctionalInterface
public interface StreamCatalogCustomizer {

    /** Registers streams or adds groups on the builder. */
    void customize(StreamCatalog.Builder builder);
}
