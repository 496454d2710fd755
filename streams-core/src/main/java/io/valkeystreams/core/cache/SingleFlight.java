package io.valkeystreams.core.cache;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs at most one load per key at a time in this process: the first caller of a key runs the work
 * (the leader); callers arriving while it runs wait for its outcome. A key's flight ends when the
 * leader finishes, so a later caller starts a new one.
 *
 * @param <V> what a load produces
 */
final class SingleFlight<V> {

    private final ConcurrentHashMap<String, Flight<V>> flights = new ConcurrentHashMap<>();

    /** The outcome of {@link #run}: the value and whether this caller ran the work. */
    record Outcome<V>(V value, boolean leader) {
    }

    /**
     * Runs {@code work} for the key, or waits for the run already in flight.
     *
     * @throws FlightFailedException to a waiter when the leader's work failed (the leader gets the failure itself)
     * @throws CacheException        when the leader's work asks for its own key again, or a waiter is interrupted
     */
    Outcome<V> run(String key, Supplier<V> work) {
        Flight<V> mine = new Flight<>(Thread.currentThread());
        Flight<V> running = flights.putIfAbsent(key, mine);
        if (running != null) {
            return new Outcome<>(await(key, running), false);
        }
        try {
            V value = work.get();
            mine.result.complete(value);
            return new Outcome<>(value, true);
        } catch (RuntimeException | Error e) {
            mine.result.completeExceptionally(e);
            throw e;
        } finally {
            flights.remove(key, mine);
        }
    }

    /** Keys with a load in flight. */
    int inFlight() {
        return flights.size();
    }

    /** Callers waiting for the flight of a key. */
    int waiters(String key) {
        Flight<V> flight = flights.get(key);
        return flight == null ? 0 : flight.waiters.get();
    }

    private V await(String key, Flight<V> running) {
        if (running.leader == Thread.currentThread()) {
            throw new CacheException("key '" + key + "' is being loaded by this thread already: the loader asked for"
                    + " its own key, which would wait for itself forever");
        }
        running.waiters.incrementAndGet();
        try {
            return running.result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CacheException("interrupted while waiting for the load of key '" + key + "'", e);
        } catch (ExecutionException e) {
            throw new FlightFailedException(e.getCause());
        } finally {
            running.waiters.decrementAndGet();
        }
    }

    /** The leader's failure, as seen by a waiter. */
    static final class FlightFailedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        FlightFailedException(Throwable leaderFailure) {
            super(leaderFailure.getMessage(), leaderFailure, false, false);
        }
    }

    private static final class Flight<V> {
        final Thread leader;
        final CompletableFuture<V> result = new CompletableFuture<>();
        final AtomicInteger waiters = new AtomicInteger();

        Flight(Thread leader) {
            this.leader = leader;
        }
    }
}
