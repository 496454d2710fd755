package io.valkeystreams.spring.consume;

import io.valkeystreams.core.consume.Delivery;
import io.valkeystreams.core.consume.EnvelopeHandler;
import io.valkeystreams.core.wire.Envelope;
import io.valkeystreams.core.wire.EventCodec;
import io.valkeystreams.core.wire.EventType;
import io.valkeystreams.spring.StreamHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import org.springframework.beans.factory.BeanInitializationException;

/** One {@link StreamHandler} declaration on one bean method, with its signature checked. */
record HandlerMethod(Object bean, Method method, String stream, String group, List<String> eventTypes,
                     Class<?> payloadType, boolean withDelivery) {

    static HandlerMethod of(Object bean, Method method, StreamHandler annotation) {
        String name = describe(method);
        if (method.getReturnType() != void.class) {
            throw new BeanInitializationException("@StreamHandler method " + name + " must return void, returns "
                    + method.getReturnType().getSimpleName());
        }
        Class<?>[] parameters = method.getParameterTypes();
        if (parameters.length < 1 || parameters.length > 2
                || (parameters.length == 2 && parameters[1] != Delivery.class)) {
            throw new BeanInitializationException("@StreamHandler method " + name + " must take (Event) or "
                    + "(Event, Delivery), where Event is a record/bean to decode or Envelope for the raw entry");
        }
        Class<?> payload = parameters[0];
        if (payload.isPrimitive() || payload == String.class || payload == Delivery.class || payload.isArray()) {
            throw new BeanInitializationException("@StreamHandler method " + name + ": the first parameter must be "
                    + "an event record/bean or Envelope, not " + payload.getSimpleName());
        }
        if (annotation.stream().isBlank() || annotation.group().isBlank()) {
            throw new BeanInitializationException("@StreamHandler method " + name + ": stream and group must not be blank");
        }
        List<String> types = List.of(annotation.eventType());
        if (types.stream().anyMatch(String::isBlank)) {
            throw new BeanInitializationException("@StreamHandler method " + name + ": eventType entries must not be blank");
        }
        if (types.isEmpty() && payload.isAnnotationPresent(EventType.class)) {
            types = List.of(payload.getAnnotation(EventType.class).value());
        }
        method.setAccessible(true);
        return new HandlerMethod(bean, method, annotation.stream(), annotation.group(), types, payload,
                parameters.length == 2);
    }

    /** Whether it takes every entry no other handler takes. */
    boolean isCatchAll() {
        return eventTypes.isEmpty();
    }

    String describe() {
        return describe(method);
    }

    /** The handler for entries routed to this method: decodes (unless it takes the Envelope) and invokes it. */
    EnvelopeHandler handler(EventCodec codec, HandlerInvoker invoker) {
        if (payloadType == Envelope.class) {
            return (envelope, delivery) -> invoker.invoke(envelope, delivery, () -> invoke(envelope, delivery));
        }
        return (envelope, delivery) -> {
            Object event = codec.decode(envelope.fields(), payloadType);
            invoker.invoke(envelope, delivery, () -> invoke(event, delivery));
        };
    }

    private void invoke(Object event, Delivery delivery) throws Exception {
        try {
            if (withDelivery) {
                method.invoke(bean, event, delivery);
            } else {
                method.invoke(bean, event);
            }
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private static String describe(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }
}
