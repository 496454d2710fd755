package io.valkeystreams.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method as the handler of a stream's events for one consumer group. The method returns
 * {@code void} and takes the event, optionally followed by its
 * {@link io.valkeystreams.core.consume.Delivery} metadata:
 * <pre>{@code
 * @StreamHandler(stream = "reputation.events", group = "reputation_calculator")
 * void onReputation(ReputationEvent event, Delivery delivery) { … }
 * }</pre>
 * The parameter type selects the decoding: a record or bean is decoded from the entry's fields; an
 * {@link io.valkeystreams.core.wire.Envelope} receives the raw entry. Which entries reach the method:
 * those whose {@code event_type} is listed in {@link #eventType()}; when none is listed, those of the
 * parameter type's {@link io.valkeystreams.core.wire.EventType @EventType}; when that is absent too, every
 * entry that no other handler of the group takes. A method that throws leaves the entry pending: it is
 * retried with back-off and dead-lettered after the group's maximum deliveries. Wrong signatures, unknown
 * streams or groups, and two handlers for one event type fail start-up with a message naming the method.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(StreamHandlers.class)
public @interface StreamHandler {

    /** Base stream name, such as {@code reputation.events}. */
    String stream();

    /** Consumer group, one of the stream's groups in the catalog. */
    String group();

    /** Event types handled; empty for the parameter type's {@code @EventType}, or every other type. */
    String[] eventType() default {};
}
