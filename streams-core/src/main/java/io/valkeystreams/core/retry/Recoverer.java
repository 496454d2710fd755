package io.valkeystreams.core.retry;

/**
 * Takes care of an entry that will not be delivered again: its retries are exhausted, its failure is
 * not retryable, or it cannot be decoded. The standard recoverer writes a dead letter
 * ({@link io.valkeystreams.core.deadletter.DeadLetters#writer}). The entry is acknowledged at its
 * source only after {@link #recover} returns; when it throws, the entry stays pending and is offered
 * again later.
 */
@FunctionalInterface
public interface Recoverer {

    /**
     * Recovers one entry.
     *
     * @throws io.valkeystreams.core.StreamsException when the entry could not be stored
     */
    void recover(FailedEntry entry);
}
