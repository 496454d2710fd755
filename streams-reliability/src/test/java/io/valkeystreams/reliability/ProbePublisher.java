package io.valkeystreams.reliability;

import io.valkeystreams.core.StreamsException;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.publish.PublishRequest;
import io.valkeystreams.core.publish.PublishResult;
import io.valkeystreams.core.publish.Publisher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Publishes probes through a real {@link Publisher} and writes every attempt and its outcome into the
 * ledger: acknowledged (with its entry ID) or failed (with the error). Server errors are recorded, not thrown.
 */
final class ProbePublisher {

    /** Filler per probe: entries of about 200 bytes with the metadata. */
    static final int DEFAULT_PAYLOAD_BYTES = 64;

    private final Publisher publisher;
    private final Ledger ledger;
    private final int payloadBytes;

    ProbePublisher(Publisher publisher, Ledger ledger) {
        this(publisher, ledger, DEFAULT_PAYLOAD_BYTES);
    }

    ProbePublisher(Publisher publisher, Ledger ledger, int payloadBytes) {
        this.publisher = publisher;
        this.ledger = ledger;
        this.payloadBytes = payloadBytes;
    }

    /** Publishes one probe and waits; returns its probe number (whatever the outcome). */
    int publish(String stream, String partitionKey) {
        int seq = ledger.attempt(stream, false);
        try {
            PublishResult result = publisher.publish(stream, partitionKey, Probes.valid(seq, payloadBytes));
            ledger.acked(seq, result.entryId());
        } catch (StreamsException e) {
            ledger.failed(seq, e);
        }
        return seq;
    }

    /** Publishes {@code count} probes spread over the partitions in pipelined batches of {@code batch}. */
    void publishBacklog(String stream, int count, int batch) {
        for (int done = 0; done < count; done += batch) {
            int size = Math.min(batch, count - done);
            List<Integer> seqs = new ArrayList<>(size);
            List<PublishRequest> requests = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                int seq = ledger.attempt(stream, false);
                seqs.add(seq);
                requests.add(PublishRequest.of(stream, null, Probes.valid(seq, payloadBytes)));
            }
            try {
                List<PublishResult> results = publisher.publishAll(requests);
                for (int i = 0; i < size; i++) {
                    ledger.acked(seqs.get(i), results.get(i).entryId());
                }
            } catch (StreamsException e) {
                seqs.forEach(seq -> ledger.failed(seq, e));
            }
        }
    }

    /**
     * Writes one poison entry with a plain {@code XADD} to a partition of the stream (as a producer in
     * another language might); returns its probe number.
     */
    static int writePoison(StreamsConnection connection, Ledger ledger, StreamDefinition stream, int partition,
                           Probes.Poison kind, Random random) {
        int seq = ledger.attempt(stream.name(), true);
        Map<String, String> fields = Probes.poison(seq, kind, random);
        try {
            ledger.acked(seq, connection.sync().xadd(stream.key(partition).key(), fields));
        } catch (RuntimeException e) {
            ledger.failed(seq, e);
        }
        return seq;
    }
}
