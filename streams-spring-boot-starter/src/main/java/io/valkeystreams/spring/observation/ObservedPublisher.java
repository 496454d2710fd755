package io.valkeystreams.spring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.SenderContext;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.publish.PublishRequest;
import io.valkeystreams.core.publish.PublishResult;
import io.valkeystreams.core.publish.Publisher;
import io.valkeystreams.core.wire.WireFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * A {@link Publisher} that observes each publish as {@code valkey.streams.publish}; with tracing
 * present, the trace context injected into the observation's carrier is written to the entry's
 * {@code traceparent}, so handlers continue the publisher's trace.
 */
public final class ObservedPublisher implements Publisher {

    /** Name of the publish observation. */
    public static final String NAME = "valkey.streams.publish";

    private final Publisher delegate;
    private final ObservationRegistry registry;

    /** Wraps a publisher. */
    public ObservedPublisher(Publisher delegate, ObservationRegistry registry) {
        this.delegate = delegate;
        this.registry = registry;
    }

    @Override
    public PublishResult publish(PublishRequest request) {
        Observed observed = start(request);
        try {
            return delegate.publish(observed.request());
        } catch (RuntimeException e) {
            observed.observation().error(e);
            throw e;
        } finally {
            observed.observation().stop();
        }
    }

    @Override
    public CompletionStage<PublishResult> publishAsync(PublishRequest request) {
        Observed observed = start(request);
        try {
            return delegate.publishAsync(observed.request()).whenComplete((result, error) -> {
                if (error != null) {
                    observed.observation().error(error);
                }
                observed.observation().stop();
            });
        } catch (RuntimeException e) {
            observed.observation().error(e);
            observed.observation().stop();
            throw e;
        }
    }

    @Override
    public List<PublishResult> publishAll(List<PublishRequest> requests) {
        if (requests == null) {
            return delegate.publishAll(null);
        }
        List<Observed> observed = new ArrayList<>(requests.size());
        requests.forEach(request -> observed.add(start(request)));
        try {
            return delegate.publishAll(observed.stream().map(Observed::request).toList());
        } catch (RuntimeException e) {
            observed.forEach(each -> each.observation().error(e));
            throw e;
        } finally {
            observed.forEach(each -> each.observation().stop());
        }
    }

    @Override
    public StreamCatalog catalog() {
        return delegate.catalog();
    }

    @Override
    public void close() {
        delegate.close();
    }

    private record Observed(Observation observation, PublishRequest request) {
    }

    private Observed start(PublishRequest request) {
        if (request == null) {
            return new Observed(Observation.NOOP, null);
        }
        Map<String, String> carrier = new HashMap<>();
        SenderContext<Map<String, String>> context = new SenderContext<>((map, key, value) -> map.put(key, value));
        context.setCarrier(carrier);
        context.setRemoteServiceName("valkey");
        Observation observation = Observation.createNotStarted(NAME, () -> context, registry)
                .contextualName(request.stream() + " publish")
                .lowCardinalityKeyValue("stream", String.valueOf(request.stream()))
                .start();
        String traceparent = request.traceparent() != null ? request.traceparent() : carrier.get(WireFields.TRACEPARENT);
        return new Observed(observation, new PublishRequest(request.stream(), request.partitionKey(), request.event(),
                traceparent));
    }
}
