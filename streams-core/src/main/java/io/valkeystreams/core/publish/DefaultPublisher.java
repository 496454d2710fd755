package io.valkeystreams.core.publish;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.valkeystreams.core.catalog.Priority;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.connection.DedicatedConnection;
import io.valkeystreams.core.connection.LettuceErrors;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.wire.EventCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link Publisher}: shared connection for plain publishes, dedicated ones for batches and durable writes. */
final class DefaultPublisher implements Publisher {

    private static final Logger log = LoggerFactory.getLogger(DefaultPublisher.class);

    private final StreamsConnection connection;
    private final StreamCatalog catalog;
    private final PublisherOptions options;
    private final PublishListener listener;
    private final EntryPreparer preparer;
    private final Confirmer confirmer;
    private final Semaphore inFlight;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Set<RedisFuture<Long>> notifications = ConcurrentHashMap.newKeySet();
    private final Object batchLock = new Object();
    private final Object durableLock = new Object();
    private DedicatedConnection batchConnection;
    private PinnedWriter durableWriter;

    DefaultPublisher(StreamsConnection connection, StreamCatalog catalog, EventCodec codec, PublisherOptions options,
                     PublishListener listener) {
        this.connection = connection;
        this.catalog = catalog;
        this.options = options;
        this.listener = listener;
        this.preparer = new EntryPreparer(catalog, codec, options.maxPayloadBytes(), options.clock());
        this.confirmer = new Confirmer(options.durability());
        this.inFlight = new Semaphore(options.maxInFlight());
    }

    @Override
    public PublishResult publish(PublishRequest request) {
        ensureOpen();
        PreparedEntry entry = preparer.prepare(request);
        long started = System.nanoTime();
        try {
            PublishResult result = confirmer.isRequested() ? writeDurably(entry)
                    : entry.resultFor(connection.sync().dispatch(EncodedXAdd.type(), EncodedXAdd.output(), entry.command()));
            completed(entry, result, started);
            return result;
        } catch (RuntimeException e) {
            throw failed(entry, e);
        }
    }

    @Override
    public CompletionStage<PublishResult> publishAsync(PublishRequest request) {
        ensureOpen();
        PreparedEntry entry = preparer.prepare(request);
        acquireSlot(entry);
        long started = System.nanoTime();
        CompletableFuture<PublishResult> result = new CompletableFuture<>();
        if (confirmer.isRequested()) {
            CompletableFuture.supplyAsync(() -> writeDurably(entry)).whenComplete((written, error) ->
                    finishAsync(entry, started, result, written, error));
            return result;
        }
        RedisFuture<String> id = connection.async().dispatch(EncodedXAdd.type(), EncodedXAdd.output(), entry.command());
        id.whenComplete((entryId, error) ->
                finishAsync(entry, started, result, error == null ? entry.resultFor(entryId) : null, error));
        return result;
    }

    private void finishAsync(PreparedEntry entry, long started, CompletableFuture<PublishResult> result,
                             PublishResult written, Throwable error) {
        inFlight.release();
        if (error != null) {
            result.completeExceptionally(failed(entry, error));
        } else {
            completed(entry, written, started);
            result.complete(written);
        }
    }

    @Override
    public List<PublishResult> publishAll(List<PublishRequest> requests) {
        ensureOpen();
        if (requests == null) {
            throw new InvalidEventException("publish requests must not be null");
        }
        List<PreparedEntry> entries = new ArrayList<>(requests.size());
        for (PublishRequest request : requests) {
            entries.add(preparer.prepare(request));
        }
        if (entries.isEmpty()) {
            return List.of();
        }
        long started = System.nanoTime();
        List<PublishResult> results = confirmer.isRequested() && connection.isCluster()
                ? writeBatchDurably(entries) : writeBatch(entries);
        for (int i = 0; i < entries.size(); i++) {
            completed(entries.get(i), results.get(i), started);
        }
        return results;
    }

    @Override
    public StreamCatalog catalog() {
        return catalog;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (inFlight.tryAcquire(options.maxInFlight(), 5, TimeUnit.SECONDS)) {
                inFlight.release(options.maxInFlight());
            } else {
                log.warn("publisher closed with asynchronous publishes still in flight");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        awaitNotifications();
        synchronized (batchLock) {
            closeQuietly(batchConnection);
        }
        synchronized (durableLock) {
            if (durableWriter != null) {
                durableWriter.close();
            }
        }
    }

    private void awaitNotifications() {
        try {
            if (!LettuceFutures.awaitAll(5, TimeUnit.SECONDS, notifications.toArray(new RedisFuture<?>[0]))) {
                log.warn("publisher closed with {} priority notifications unanswered", notifications.size());
            }
        } catch (RuntimeException alreadyLogged) {
            // each failed notification was logged and reported to the listener when it failed
        }
    }

    private PublishResult writeDurably(PreparedEntry entry) {
        synchronized (durableLock) {
            PinnedWriter.Written written = durableWriter().write(entry, confirmer);
            PublishResult result = entry.resultFor(written.id());
            if (written.missing() != null) {
                throw new DurabilityException("event " + result.eventId() + " was written to " + entry.key()
                        + " as " + written.id() + " but not confirmed (" + written.missing() + "); it may be lost if "
                        + "the server fails now", result);
            }
            return result;
        }
    }

    private List<PublishResult> writeBatch(List<PreparedEntry> entries) {
        synchronized (batchLock) {
            if (batchConnection == null || !batchConnection.isOpen()) {
                batchConnection = DedicatedConnection.open(connection);
                // On a cluster, commands for a master whose connection is still being opened would be queued
                // after the manual flush and never sent (a batch then times out); there the async commands
                // pipeline without it.
                batchConnection.setAutoFlush(connection.isCluster());
            }
            return BatchWriter.write(batchConnection, entries, confirmer, options.durability().timeout());
        }
    }

    /** On a cluster, {@code WAIT} must run on each master that took a write: see {@link PinnedWriter}. */
    private List<PublishResult> writeBatchDurably(List<PreparedEntry> entries) {
        String where = "publishing a batch of " + entries.size() + " events";
        synchronized (durableLock) {
            PinnedWriter.BatchWritten written;
            try {
                written = durableWriter().writeBatch(entries, confirmer);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw LettuceErrors.translate(where, e);
            } catch (Exception e) {
                throw LettuceErrors.translate(where + " (earlier events of the batch may be stored)", e);
            }
            List<PublishResult> results = new ArrayList<>(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                results.add(entries.get(i).resultFor(written.ids().get(i)));
            }
            if (written.missing() != null) {
                throw new DurabilityException("batch of " + entries.size() + " events was written but not confirmed ("
                        + written.missing() + ")", results.get(results.size() - 1));
            }
            return results;
        }
    }

    private PinnedWriter durableWriter() {
        if (durableWriter == null || !durableWriter.isOpen()) {
            durableWriter = PinnedWriter.open(connection);
        }
        return durableWriter;
    }

    private void acquireSlot(PreparedEntry entry) {
        boolean acquired;
        try {
            acquired = options.overflowPolicy() == OverflowPolicy.REJECT ? inFlight.tryAcquire()
                    : inFlight.tryAcquire(options.overflowTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishRejectedException("interrupted while waiting to publish to " + entry.stream().name());
        }
        if (!acquired) {
            throw new PublishRejectedException("publish to '" + entry.stream().name() + "' refused: "
                    + options.maxInFlight() + " asynchronous publishes already in flight (PublisherOptions.maxInFlight"
                    + (options.overflowPolicy() == OverflowPolicy.BLOCK
                    ? ", waited " + options.overflowTimeout().toMillis() + " ms)" : ", overflow policy REJECT)"));
        }
    }

    private void completed(PreparedEntry entry, PublishResult result, long started) {
        long nanos = System.nanoTime() - started;
        guard(() -> listener.published(result, nanos));
        if (options.notifyHighPriority() && entry.stream().priority() == Priority.HIGH) {
            String message = "{\"stream\":\"" + result.key().key() + "\",\"id\":\"" + result.entryId()
                    + "\",\"priority\":\"high\"}";
            RedisFuture<Long> notification = connection.async().publish(options.priorityChannel(), message);
            notifications.add(notification);
            notification.whenComplete((receivers, error) -> {
                notifications.remove(notification);
                if (error != null) {
                    log.warn("priority notification for {} {} failed: {}", result.key(), result.entryId(), error.toString());
                    guard(() -> listener.notificationFailed(result, error));
                }
            });
        }
    }

    private RuntimeException failed(PreparedEntry entry, Throwable error) {
        RuntimeException translated = error instanceof DurabilityException durability ? durability
                : LettuceErrors.translate("publishing to " + entry.key(), error);
        guard(() -> listener.failed(entry.stream().name(), translated));
        return translated;
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new PublishRejectedException("publisher is closed");
        }
    }

    private static void guard(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.warn("publish listener failed: {}", e.toString());
        }
    }

    private static void closeQuietly(DedicatedConnection dedicated) {
        if (dedicated != null) {
            dedicated.close();
        }
    }
}
