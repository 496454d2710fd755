package io.valkeystreams.core.retry;

/**
 * Decides whether a handler failure is worth another delivery. Failures that will fail the same way
 * every time (an entry that cannot be decoded) are not: such entries are dead-lettered at once.
 */
@FunctionalInterface
public interface ExceptionClassifier {

    /** Whether an entry whose handling failed with {@code failure} should be delivered again. */
    boolean isRetryable(Throwable failure);

    /**
     * The standard classifier: everything is retried except an
     * {@link io.valkeystreams.core.wire.EventDecodingException} anywhere in the cause chain.
     */
    static ExceptionClassifier standard() {
        return TypeExceptionClassifier.STANDARD;
    }

    /**
     * The standard classifier that also refuses to retry the given exception types (and their
     * subtypes) anywhere in the cause chain, such as a validation exception of the application.
     *
     * @throws io.valkeystreams.core.StreamsException when a type is null
     */
    @SafeVarargs
    static ExceptionClassifier notRetrying(Class<? extends Throwable>... types) {
        return TypeExceptionClassifier.notRetrying(types);
    }
}
