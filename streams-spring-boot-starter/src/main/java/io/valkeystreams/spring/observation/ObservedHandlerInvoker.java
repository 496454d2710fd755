package io.valkeystreams.spring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.valkeystreams.core.consume.Delivery;
import io.valkeystreams.core.wire.Envelope;
import io.valkeystreams.spring.consume.HandlerInvoker;
import java.util.Map;

/**
 * Runs each handler call in an observation {@code valkey.streams.handle} whose carrier is the entry's
 * fields: with tracing present, the trace continues from the entry's {@code traceparent}.
 */
public final class ObservedHandlerInvoker implements HandlerInvoker {

    /** Name of the handler observation. */
    public static final String NAME = "valkey.streams.handle";

    private final ObservationRegistry registry;

    /** Creates the invoker. */
    public ObservedHandlerInvoker(ObservationRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void invoke(Envelope entry, Delivery delivery, Call call) throws Exception {
        ReceiverContext<Map<String, String>> context = new ReceiverContext<>((carrier, key) -> carrier.get(key));
        context.setCarrier(entry.fields());
        context.setRemoteServiceName("valkey");
        Observation observation = Observation.createNotStarted(NAME, () -> context, registry)
                .contextualName(delivery.stream() + " handle")
                .lowCardinalityKeyValue("stream", delivery.stream())
                .lowCardinalityKeyValue("group", delivery.group())
                .highCardinalityKeyValue("event.id", String.valueOf(delivery.eventId()));
        observation.observeChecked(call::run);
    }
}
