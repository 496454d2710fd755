package io.valkeystreams.core.consume;

import io.valkeystreams.core.wire.Envelope;
import io.valkeystreams.core.wire.EventCodec;

/** A registered handler with what it needs to be called: decoding for typed handlers, none for the catch-all. */
interface Route {

    /** Calls the handler; an {@link io.valkeystreams.core.wire.EventDecodingException} means the entry does not fit. */
    void invoke(EventCodec codec, Envelope envelope, Delivery delivery) throws Exception;

    static <T> Route typed(Class<T> type, EventHandler<? super T> handler) {
        return (codec, envelope, delivery) -> handler.handle(codec.decode(envelope.fields(), type), delivery);
    }

    static Route raw(EnvelopeHandler handler) {
        return (codec, envelope, delivery) -> handler.handle(envelope, delivery);
    }
}
