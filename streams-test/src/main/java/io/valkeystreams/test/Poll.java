package io.valkeystreams.test;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * A bounded wait for cluster state that servers do not announce to clients (gossip convergence,
 * failover): reads the state every {@link #INTERVAL} until it is as wanted or the time is up. This is
 * the only waiting by parking in the test support; everything else waits on process output.
 */
final class Poll {

    /** Delay between two reads of the state; the cluster's own cron runs every 100 ms. */
    static final Duration INTERVAL = Duration.ofMillis(50);

    private Poll() {
    }

    /**
     * Reads {@code unmet} until it returns null (the state is as wanted).
     *
     * @param timeout how long to keep reading
     * @param goal    what is awaited, for the message, such as "agree on the slot map"
     * @param unmet   describes what is still missing, or returns null when nothing is; a
     *                {@link ValkeyServerException} it throws counts as "still missing"
     * @throws ValkeyServerException on timeout or interrupt, quoting the last description
     */
    static void until(Duration timeout, String goal, Supplier<String> unmet) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last;
        while (true) {
            try {
                last = unmet.get();
            } catch (ValkeyServerException e) {
                last = e.getMessage();
            }
            if (last == null) {
                return;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new ValkeyServerException("the cluster did not " + goal + " within " + timeout.toMillis()
                        + " ms; last seen: " + last);
            }
            LockSupport.parkNanos(INTERVAL.toNanos());
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new ValkeyServerException("interrupted while waiting for the cluster to " + goal
                        + "; last seen: " + last);
            }
        }
    }
}
