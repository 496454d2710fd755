package io.valkeystreams.spring.actuate;

import io.valkeystreams.core.admin.StatusReader;
import io.valkeystreams.core.admin.StreamStatus;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.deadletter.DeadLetters;
import io.valkeystreams.core.deadletter.ReplayResult;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * Actuator endpoint {@code streams}: per stream, partition and group, read fresh from Valkey:
 * length, lag in entries and seconds, pending entries, consumers, entries trimmed before they
 * were read, and dead letters. Its write operation replays dead letters, only when enabled.
 */
@Endpoint(id = "streams")
public class StreamsEndpoint {

    private final StatusReader reader;
    private final StreamCatalog catalog;
    private final DeadLetters deadLetters;
    private final boolean replayEnabled;

    /** Creates the endpoint; replay works only when {@code replayEnabled}. */
    public StreamsEndpoint(StatusReader reader, StreamCatalog catalog, DeadLetters deadLetters, boolean replayEnabled) {
        this.reader = reader;
        this.catalog = catalog;
        this.deadLetters = deadLetters;
        this.replayEnabled = replayEnabled;
    }

    /** The status of every stream of the catalog. */
    @ReadOperation
    public List<StreamStatus> streams() {
        return reader.read(catalog);
    }

    /**
     * Replays dead letters of a stream to the group that failed them: one ({@code id}) or all of a group
     * ({@code group}). Refused unless {@code valkey.streams.endpoint.replay-enabled=true}.
     */
    @WriteOperation
    public List<ReplayResult> replay(String stream, @Nullable String id, @Nullable String group) {
        if (!replayEnabled) {
            throw new InvalidEndpointRequestException("dead-letter replay is disabled",
                    "dead-letter replay is disabled; set valkey.streams.endpoint.replay-enabled=true to allow it");
        }
        if ((id == null) == (group == null)) {
            throw new InvalidEndpointRequestException("give exactly one of id and group",
                    "give exactly one of id (one dead letter) and group (all of a group's dead letters)");
        }
        return id != null ? List.of(deadLetters.replay(stream, id)) : deadLetters.replayAll(stream, group);
    }
}
