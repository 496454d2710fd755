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
 * uses it to tell this container's live entries from abandoned ones. It also remembers which of this
 * container's entries were handled and left pending (a failure), so the recovery loop retries those after
 * their back-off and does not mistake an entry that a read delivered but has not queued yet for one.
 */
final class InFlight {

    private final Map<StreamKey, Set<String>> entries = new HashMap<>();
    private int size;
    private long added;
    private final Set<String> failed = new HashSet<>();

    /** Adds an entry; false when it is already in flight. */
    synchronized boolean add(StreamKey key, String id) {
        failed.remove(id(key, id));
        boolean fresh = entries.computeIfAbsent(key, k -> new HashSet<>()).add(id);
        if (fresh) {
            size++;
            added++;
        }
        return fresh;
    }

    /** Changes whenever an entry is added: tells the recovery loop that something was read or claimed. */
    synchronized long activity() {
        return added;
    }

    /** The entry was handled and left pending for a retry (it failed, or its handler was aborted). */
    synchronized void leftPending(StreamKey key, String id) {
        failed.add(id(key, id));
    }

    /** Whether the entry was handled here and left pending, and has not been claimed again since. */
    synchronized boolean wasLeftPending(StreamKey key, String id) {
        return failed.contains(id(key, id));
    }

    /** Forgets that the entry was left pending (it is being claimed, dead-lettered or was trimmed). */
    synchronized void forget(StreamKey key, String id) {
        failed.remove(id(key, id));
    }

    synchronized void remove(StreamKey key, Collection<String> ids) {
        Set<String> ofKey = entries.get(key);
        if (ofKey != null) {
            for (String id : ids) {
                if (ofKey.remove(id)) {
                    size--;
                }
            }
        }
        notifyAll();
    }

    synchronized boolean contains(StreamKey key, String id) {
        Set<String> ofKey = entries.get(key);
        return ofKey != null && ofKey.contains(id);
    }

    synchronized int size() {
        return size;
    }

    /** Entries of one partition key in flight. */
    synchronized int count(StreamKey key) {
        Set<String> ofKey = entries.get(key);
        return ofKey == null ? 0 : ofKey.size();
    }

    /** Waits until fewer than {@code limit} entries are in flight, or the timeout passes; returns whether that happened. */
    synchronized boolean awaitBelow(int limit, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (size >= limit) {
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
