package io.valkeystreams.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valkeystreams.core.StreamsException;
import io.valkeystreams.core.wire.EventDecodingException;
import java.io.UncheckedIOException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ExceptionClassifierTest {

    @Test
    void decodingErrorsAreNeverRetriedEvenWhenWrapped() {
        ExceptionClassifier classifier = ExceptionClassifier.standard();
        EventDecodingException decoding = new EventDecodingException("field 'score' must be a number");

        assertThat(classifier.isRetryable(decoding)).isFalse();
        assertThat(classifier.isRetryable(new IllegalStateException("wrapped", decoding))).isFalse();
    }

    @Test
    void everythingElseIsRetried() {
        ExceptionClassifier classifier = ExceptionClassifier.standard();

        assertThat(classifier.isRetryable(new IllegalStateException("database down"))).isTrue();
        assertThat(classifier.isRetryable(new UncheckedIOException(new IOException("timeout")))).isTrue();
        assertThat(classifier.isRetryable(new StreamsException("x"))).isTrue();
    }

    @Test
    void applicationTypesCanBeMarkedNotRetryableIncludingSubtypes() {
        ExceptionClassifier classifier = ExceptionClassifier.notRetrying(IllegalArgumentException.class);

        assertThat(classifier.isRetryable(new NumberFormatException("abc"))).isFalse();
        assertThat(classifier.isRetryable(new RuntimeException(new IllegalArgumentException()))).isFalse();
        assertThat(classifier.isRetryable(new EventDecodingException("still standard"))).isFalse();
        assertThat(classifier.isRetryable(new IllegalStateException())).isTrue();
    }

    @Test
    void aCauseCycleDoesNotLoop() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertThat(ExceptionClassifier.standard().isRetryable(first)).isTrue();
    }

    @Test
    void nullTypesAreRefused() {
        assertThatThrownBy(() -> ExceptionClassifier.notRetrying(IllegalArgumentException.class, null))
                .isInstanceOf(StreamsException.class).hasMessage("exception type #1 must not be null");
    }
}
