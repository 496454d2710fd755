package io.valkeystreams.core.consume;

import io.valkeystreams.core.StreamsException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which handler gets an entry: one typed {@link EventHandler} per {@code event_type}, plus an optional
 * catch-all {@link EnvelopeHandler} for every other type. Immutable; build it with {@link #builder()}.
 */
public final class HandlerRegistry {

    private final Map<String, Route> routes;
    private final EnvelopeHandler catchAll;

    private HandlerRegistry(Map<String, Route> routes, EnvelopeHandler catchAll) {
        this.routes = routes;
        this.catchAll = catchAll;
    }

    /** Starts an empty registry. */
    public static Builder builder() {
        return new Builder();
    }

    /** The event types that have a typed handler. */
    public Set<String> eventTypes() {
        return routes.keySet();
    }

    /** Whether a catch-all handler is registered. */
    public boolean hasCatchAll() {
        return catchAll != null;
    }

    /** Whether nothing at all is registered. */
    public boolean isEmpty() {
        return routes.isEmpty() && catchAll == null;
    }

    /** The route of an event type: its typed handler, else the catch-all, else null. */
    Route route(String eventType) {
        Route route = routes.get(eventType);
        return route != null || catchAll == null ? route : Route.raw(catchAll);
    }

    @Override
    public String toString() {
        return "HandlerRegistry[types=" + routes.keySet() + ", catchAll=" + hasCatchAll() + "]";
    }

    /** Accumulates handlers; each event type may be registered once. */
    public static final class Builder {
        private final Map<String, Route> routes = new LinkedHashMap<>();
        private EnvelopeHandler catchAll;

        private Builder() {
        }

        /**
         * Registers the handler of one event type; entries of that type are decoded into {@code type}.
         *
         * @throws StreamsException when an argument is null or blank, or the type is already registered
         */
        public <T> Builder on(String eventType, Class<T> type, EventHandler<? super T> handler) {
            requireNew(eventType, handler);
            if (type == null) {
                throw new StreamsException("handler registration for event type '" + eventType
                        + "': event class must not be null");
            }
            routes.put(eventType, Route.typed(type, handler));
            return this;
        }

        /**
         * Registers a handler of one event type that receives the raw entry instead of a decoded event.
         *
         * @throws StreamsException when an argument is null or blank, or the type is already registered
         */
        public Builder onRaw(String eventType, EnvelopeHandler handler) {
            requireNew(eventType, handler);
            routes.put(eventType, Route.raw(handler));
            return this;
        }

        private void requireNew(String eventType, Object handler) {
            if (eventType == null || eventType.isBlank()) {
                throw new StreamsException("handler registration: eventType must not be blank, was '" + eventType + "'");
            }
            if (handler == null) {
                throw new StreamsException("handler registration for event type '" + eventType
                        + "': handler must not be null");
            }
            if (routes.containsKey(eventType)) {
                throw new StreamsException("event type '" + eventType + "' already has a handler; register one "
                        + "handler per event type");
            }
        }

        /**
         * Registers the catch-all handler for every event type without a typed handler.
         *
         * @throws StreamsException when the handler is null or a catch-all is already registered
         */
        public Builder onAny(EnvelopeHandler handler) {
            if (handler == null) {
                throw new StreamsException("catch-all handler must not be null");
            }
            if (catchAll != null) {
                throw new StreamsException("a catch-all handler is already registered");
            }
            this.catchAll = handler;
            return this;
        }

        /** Builds the immutable registry. */
        public HandlerRegistry build() {
            return new HandlerRegistry(Collections.unmodifiableMap(new LinkedHashMap<>(routes)), catchAll);
        }
    }
}
