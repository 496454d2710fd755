package io.valkeystreams.core.consume;

import io.valkeystreams.core.catalog.StreamKey;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The entries this container has read or claimed and not finished yet (queued or being handled). The
 * reader waits here when too many are in flight, a stop waits here for the drain, and the recovery loop
 * uses it to tell this container's live entries from abandoned ones.
 */
final class InFlight {

    private final Set<String> entries = new HashSet<>();
    private final Map<StreamKey, Integer> perKey = new HashMap<>();

    /** Adds an entry; false when it is already in flight. */
    synchronized boolean add(StreamKey key, String id) {
        if (!entries.add(id(key, id))) {
            return false;
        }
        perKey.merge(key, 1, Integer::sum);
        return true;
    }

    synchronized void remove(StreamKey key, Collection<String> ids) {
        for (String id : ids) {
            if (entries.remove(id(key, id))) {
                perKey.computeIfPresent(key, (k, count) -> count == 1 ? null : count - 1);
            }
        }
        notifyAll();
    }

    synchronized boolean contains(StreamKey key, String id) {
        return entries.contains(id(key, id));
    }

    synchronized int size() {
        return entries.size();
    }

    /** Entries of one partition key in flight. */
    synchronized int count(StreamKey key) {
        return perKey.getOrDefault(key, 0);
    }

    /** Waits until fewer than {@code limit} entries are in flight, or the timeout passes; returns whether that happened. */
    synchronized boolean awaitBelow(int limit, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (entries.size() >= limit) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Waits until an entry finishes (or {@link #wake()} is called), at most {@code timeout}. */
    synchronized void awaitChange(Duration timeout) throws InterruptedException {
        TimeUnit.NANOSECONDS.timedWait(this, timeout.toNanos());
    }

    /** Wakes threads waiting in {@link #awaitChange}: something else they wait for changed (such as a lease). */
    synchronized void wake() {
        notifyAll();
    }

    private static String id(StreamKey key, String id) {
        return key.key() + ' ' + id;
    }
}
