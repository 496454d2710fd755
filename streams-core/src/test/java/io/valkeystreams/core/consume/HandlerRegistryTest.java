package io.valkeystreams.core.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valkeystreams.core.StreamsException;
import org.junit.jupiter.api.Test;

class HandlerRegistryTest {

    record Sample(String userId) {
    }

    @Test
    void typedHandlersWinOverTheCatchAll() {
        EnvelopeHandler any = (envelope, delivery) -> { };
        HandlerRegistry registry = HandlerRegistry.builder()
                .on("sample", Sample.class, (event, delivery) -> { })
                .onAny(any)
                .build();

        assertThat(registry.eventTypes()).containsExactly("sample");
        assertThat(registry.hasCatchAll()).isTrue();
        assertThat(registry.route("sample")).isNotNull();
        assertThat(registry.route("other")).isNotNull();
        assertThat(HandlerRegistry.builder().on("sample", Sample.class, (e, d) -> { }).build().route("other")).isNull();
        assertThat(HandlerRegistry.builder().build().isEmpty()).isTrue();
    }

    @Test
    void badRegistrationsAreRefusedNamingTheProblem() {
        assertThatThrownBy(() -> HandlerRegistry.builder().on("sample", Sample.class, null))
                .isInstanceOf(StreamsException.class)
                .hasMessage("handler registration for event type 'sample': handler must not be null");
        assertThatThrownBy(() -> HandlerRegistry.builder().on(" ", Sample.class, (e, d) -> { }))
                .hasMessage("handler registration: eventType must not be blank, was ' '");
        assertThatThrownBy(() -> HandlerRegistry.builder().on("sample", null, (e, d) -> { }))
                .hasMessage("handler registration for event type 'sample': event class must not be null");
        assertThatThrownBy(() -> HandlerRegistry.builder().on("sample", Sample.class, (e, d) -> { })
                .on("sample", Sample.class, (e, d) -> { }))
                .hasMessageContaining("event type 'sample' already has a handler");
        assertThatThrownBy(() -> HandlerRegistry.builder().onAny(null)).hasMessage("catch-all handler must not be null");
        assertThatThrownBy(() -> HandlerRegistry.builder().onAny((e, d) -> { }).onAny((e, d) -> { }))
                .hasMessage("a catch-all handler is already registered");
    }
}
