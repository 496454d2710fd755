/**
 * Retry of failed entries, composed of small replaceable parts: a {@link
 * io.valkeystreams.core.retry.BackOffPolicy} (how long a failed entry waits before its next delivery),
 * an {@link io.valkeystreams.core.retry.ExceptionClassifier} (which failures are worth retrying) and a
 * {@link io.valkeystreams.core.retry.Recoverer} (what happens to an entry that will not be retried).
 */
package io.valkeystreams.core.retry;
