package io.valkeystreams.spring.consume;

import io.valkeystreams.core.consume.Delivery;
import io.valkeystreams.core.wire.Envelope;

/**
 * Runs one handler call for an entry; the place where the call can be observed (for example in a trace
 * continued from the entry's {@code traceparent}).
 */
@FunctionalInterface
public interface HandlerInvoker {

    /** Invokes the call directly. */
    HandlerInvoker DIRECT = (entry, delivery, call) -> call.run();

    /** One handler call. */
    @FunctionalInterface
    interface Call {
        /** Runs the handler. */
        void run() throws Exception;
    }

    /** Runs {@code call}, the handling of {@code entry}. */
    void invoke(Envelope entry, Delivery delivery, Call call) throws Exception;
}
