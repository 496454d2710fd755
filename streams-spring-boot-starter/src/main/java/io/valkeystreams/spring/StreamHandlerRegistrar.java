package io.valkeystreams.spring;

import java.util.List;

/** A bean that declares handlers in code: one {@link StreamHandlerRegistration} per (stream, group). */
@FunctionalInterface
public interface StreamHandlerRegistrar {

    /** The registrations; each becomes a consumer container. */
    List<StreamHandlerRegistration> registrations();
}
