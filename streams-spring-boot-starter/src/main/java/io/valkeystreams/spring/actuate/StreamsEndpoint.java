package io.valkeystreams.spring.actuate;

import io.valkeystreams.core.admin.StatusReader;
import io.valkeystreams.core.admin.StreamStatus;
import io.valkeystreams.core.catalog.StreamCatalog;
import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * Actuator endpoint {@code streams}: per stream, partition and group, read fresh from Valkey:
 * length, lag in entries and seconds, pending entries, consumers, entries trimmed before they
 * were read, and dead letters.
 */
@Endpoint(id = "streams")
public class StreamsEndpoint {

    private final StatusReader reader;
    private final StreamCatalog catalog;

    /** Creates the endpoint. */
    public StreamsEndpoint(StatusReader reader, StreamCatalog catalog) {
        this.reader = reader;
        this.catalog = catalog;
    }

    /** The status of every stream of the catalog. */
    @ReadOperation
    public List<StreamStatus> streams() {
        return reader.read(catalog);
    }
}
