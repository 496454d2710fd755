package io.valkeystreams.core.cluster;

import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.publish.DurabilityException;
import io.valkeystreams.core.publish.PublishRequest;
import io.valkeystreams.core.publish.Publisher;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publishes to one stream from a thread of its own, up to 64 asynchronous publishes in flight, each with a new
 * sequence number and one of 64 partition keys, and counts the outcomes: acknowledged event IDs, failures,
 * and publishes that touched a set of watched partition keys.
 */
final class PublishLoad implements AutoCloseable {

    private static final int WINDOW = 64;

    private final Publisher publisher;
    private final String stream;
    private final Set<StreamKey> watched;
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger unconfirmed = new AtomicInteger();
    private final AtomicInteger watchedOutcomes = new AtomicInteger();
    private final AtomicInteger acknowledgedSincePhase = new AtomicInteger();
    private final AtomicInteger watchedAcknowledgedSincePhase = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Semaphore window = new Semaphore(WINDOW);
    private final Thread thread;
    private long lastAcknowledged = System.nanoTime();
    private long longestGap;
    private long phaseStarted = System.nanoTime();
    private long watchedResumed;

    PublishLoad(Publisher publisher, String stream, Set<StreamKey> watched) {
        this.publisher = publisher;
        this.stream = stream;
        this.watched = watched;
        this.thread = new Thread(this::run, "publish-load");
        thread.start();
    }

    private void run() {
        for (long n = 0; running.get(); n++) {
            try {
                if (!window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    continue;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                publisher.publishAsync(PublishRequest.of(stream, "user-" + (n % 64),
                        Map.of("event_type", "rated", "n", Long.toString(n)))).whenComplete((result, error) -> {
                    window.release();
                    if (error == null) {
                        acknowledged(result.eventId(), watched.contains(result.key()));
                    } else {
                        failed(error);
                    }
                });
            } catch (RuntimeException e) {
                window.release();
                failed(e);
            }
        }
    }

    private synchronized void acknowledged(String eventId, boolean watchedKey) {
        long now = System.nanoTime();
        longestGap = Math.max(longestGap, now - lastAcknowledged);
        lastAcknowledged = now;
        acknowledged.add(eventId);
        acknowledgedSincePhase.incrementAndGet();
        if (watchedKey) {
            watchedOutcomes.incrementAndGet();
            if (watchedAcknowledgedSincePhase.incrementAndGet() == 1) {
                watchedResumed = now;
            }
        }
    }

    private void failed(Throwable error) {
        failed.incrementAndGet();
        DurabilityException durability = error instanceof DurabilityException d ? d
                : error.getCause() instanceof DurabilityException d ? d : null;
        if (durability != null) {
            unconfirmed.incrementAndGet();
            if (watched.contains(durability.result().key())) {
                watchedOutcomes.incrementAndGet();
            }
        }
    }

    /** Starts counting acknowledgements and outcomes on watched keys from zero. */
    synchronized void newPhase() {
        phaseStarted = System.nanoTime();
        watchedResumed = 0;
        acknowledgedSincePhase.set(0);
        watchedAcknowledgedSincePhase.set(0);
        watchedOutcomes.set(0);
    }

    /** Acknowledged publishes on the watched keys since the phase began. */
    int watchedAcknowledgedSincePhase() {
        return watchedAcknowledgedSincePhase.get();
    }

    int acknowledgedSincePhase() {
        return acknowledgedSincePhase.get();
    }

    /** Acknowledged publishes, or writes refused as unconfirmed, on the watched keys since the phase began. */
    int watchedOutcomes() {
        return watchedOutcomes.get();
    }

    Set<String> acknowledged() {
        return acknowledged;
    }

    int failed() {
        return failed.get();
    }

    /** Publishes written but not confirmed by a replica in time ({@link DurabilityException}). */
    int unconfirmed() {
        return unconfirmed.get();
    }

    /** When the first publish on a watched key was acknowledged in this phase (System.nanoTime), or 0. */
    synchronized long watchedResumedAt() {
        return watchedResumed;
    }

    synchronized long longestGapMillis() {
        return TimeUnit.NANOSECONDS.toMillis(longestGap);
    }

    /** Stops publishing and waits for the publishes in flight. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join();
        window.acquire(WINDOW);
    }
}
