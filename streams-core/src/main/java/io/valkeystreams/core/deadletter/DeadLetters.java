package io.valkeystreams.core.deadletter;

import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.retry.Recoverer;
import java.util.List;
import java.util.Optional;

/**
 * Operator tools for dead-letter streams ({@code <name>:dlq}). Streams are named by base name and must
 * be in the catalog; methods throw {@link io.valkeystreams.core.StreamsException} naming the stream,
 * entry or argument that is wrong, or the command that failed.
 */
public interface DeadLetters {

    /** Dead-letter tools for the streams of a catalog. */
    static DeadLetters create(StreamsConnection connection, StreamCatalog catalog) {
        return new DefaultDeadLetters(connection, catalog);
    }

    /**
     * The standard {@link Recoverer}: writes the entry's original fields plus {@code dlq_group},
     * {@code dlq_source}, {@code dlq_source_id}, {@code dlq_deliveries}, {@code dlq_error} and
     * {@code dlq_failed_at} to {@code <name>:dlq} with a plain {@code XADD} (never length-trimmed).
     */
    static Recoverer writer(StreamsConnection connection) {
        return new DeadLetterWriter(connection);
    }

    /** Number of dead letters of a stream. */
    long count(String stream);

    /**
     * The oldest dead letters of a stream, at most {@code limit}.
     *
     * @param group only those failed by this group; null for all groups
     */
    List<DeadLetter> list(String stream, String group, int limit);

    /** One dead letter, if it exists. */
    Optional<DeadLetter> show(String stream, String id);

    /**
     * Writes a dead letter back to its source partition key with {@code replay_group} set to the group
     * that failed it (only that group handles it again; its {@code event_id} is unchanged), then deletes it
     * from the dead-letter stream.
     *
     * @throws io.valkeystreams.core.StreamsException when it does not exist, or its source or group is not
     *                                                part of the stream's definition
     */
    ReplayResult replay(String stream, String id);

    /**
     * Replays every dead letter of a stream, oldest first.
     *
     * @param group only those failed by this group; null for all groups
     */
    List<ReplayResult> replayAll(String stream, String group);

    /** Deletes one dead letter; whether it existed. */
    boolean purge(String stream, String id);

    /**
     * Deletes every dead letter of a stream and returns how many.
     *
     * @param group only those failed by this group; null for all groups
     */
    long purgeAll(String stream, String group);
}
