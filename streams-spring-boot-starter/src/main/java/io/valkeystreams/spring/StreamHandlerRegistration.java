package io.valkeystreams.spring;

import io.valkeystreams.core.consume.HandlerRegistry;

/**
 * Handlers for one (stream, group) declared in code rather than with {@link StreamHandler} methods;
 * each registration (from {@link StreamHandlerRegistrar} beans) gets a consumer container of its own,
 * started and stopped with the others.
 *
 * @param stream   base stream name
 * @param group    consumer group, one of the stream's groups
 * @param handlers the group's handlers
 */
public record StreamHandlerRegistration(String stream, String group, HandlerRegistry handlers) {
}
