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
    private final Map<Object, Long> openReads = new HashMap<>();

    /** Adds an entry; false when it is already in flight. */
    synchronized boolean add(StreamKey key, String id) {
        return entries.add(id(key, id));
    }

    synchronized void remove(StreamKey key, Collection<String> ids) {
        ids.forEach(id -> entries.remove(id(key, id)));
        notifyAll();
    }

    synchronized boolean contains(StreamKey key, String id) {
        return entries.contains(id(key, id));
    }

    synchronized int size() {
        return entries.size();
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

    /** A reader sent a read; until {@link #readEnded} its reply may hold entries not yet added here. */
    synchronized void readStarted(Object reader) {
        openReads.put(reader, System.nanoTime());
    }

    /** The reader's read ended, and the entries it returned have been added. */
    synchronized void readEnded(Object reader) {
        openReads.remove(reader);
    }

    /**
     * Whether an entry of this consumer that has been idle for {@code idle} may have been delivered to a read
     * still open: then it is read but not yet added, and must not be mistaken for a failed entry and claimed.
     */
    synchronized boolean mayBeUnread(Duration idle) {
        long now = System.nanoTime();
        return openReads.values().stream().anyMatch(started -> idle.toNanos() <= now - started);
    }

    private static String id(StreamKey key, String id) {
        return key.key() + ' ' + id;
    }
}
