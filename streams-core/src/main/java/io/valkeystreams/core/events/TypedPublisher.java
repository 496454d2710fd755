package io.valkeystreams.core.events;

import io.valkeystreams.core.publish.InvalidEventException;
import io.valkeystreams.core.publish.PublishRequest;
import io.valkeystreams.core.publish.PublishResult;
import io.valkeystreams.core.publish.Publisher;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Publishes one event type to one stream, with the partition key taken from the event, so callers
 * never name streams or keys.
 *
 * @param <E> the event type
 */
public class TypedPublisher<E> {

    private final Publisher publisher;
    private final String stream;
    private final Function<E, String> partitionKey;

    /**
     * Creates a typed publisher.
     *
     * @param publisher    the publisher to write with
     * @param stream       base stream name (must be in the publisher's catalog)
     * @param partitionKey the partition key of an event (null result spreads evenly)
     */
    public TypedPublisher(Publisher publisher, String stream, Function<E, String> partitionKey) {
        this.publisher = Objects.requireNonNull(publisher, "publisher must not be null");
        this.stream = publisher.catalog().require(stream).name();
        this.partitionKey = Objects.requireNonNull(partitionKey, "partitionKey must not be null");
    }

    /** The stream this publisher writes to. */
    public String stream() {
        return stream;
    }

    /** Publishes one event and waits until it is written. */
    public PublishResult publish(E event) {
        return publisher.publish(request(event));
    }

    /** Publishes one event without waiting. */
    public CompletionStage<PublishResult> publishAsync(E event) {
        return publisher.publishAsync(request(event));
    }

    /** Publishes several events in one pipeline. */
    public List<PublishResult> publishAll(List<E> events) {
        if (events == null) {
            throw new InvalidEventException("events for stream '" + stream + "' must not be null");
        }
        List<PublishRequest> requests = new ArrayList<>(events.size());
        events.forEach(event -> requests.add(request(event)));
        return publisher.publishAll(requests);
    }

    private PublishRequest request(E event) {
        if (event == null) {
            throw new InvalidEventException("event for stream '" + stream + "' must not be null");
        }
        return PublishRequest.of(stream, partitionKey.apply(event), event);
    }
}
