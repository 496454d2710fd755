package io.valkeystreams.core.consume;

import io.valkeystreams.core.StreamsException;
import io.valkeystreams.core.catalog.StreamKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One serial lane per partition key on a shared pool of worker threads: a lane handles its entries
 * one after the other in the order they were queued (ID order for fresh reads), at most one batch per
 * turn, and acknowledges each batch with one {@code XACK}. Different partitions run at the same time,
 * up to the pool's size.
 */
final class PartitionLanes implements Lanes {

    private static final Logger log = LoggerFactory.getLogger(PartitionLanes.class);

    private final Executor workers;
    private final EntryProcessor processor;
    private final GroupCommands commands;
    private final InFlight inFlight;
    private final int batchSize;
    private final Map<StreamKey, Lane> lanes = new ConcurrentHashMap<>();
    private volatile boolean aborted;

    PartitionLanes(Executor workers, EntryProcessor processor, GroupCommands commands, InFlight inFlight,
                   int batchSize) {
        this.workers = workers;
        this.processor = processor;
        this.commands = commands;
        this.inFlight = inFlight;
        this.batchSize = batchSize;
    }

    @Override
    public void submit(StreamKey key, List<Work> work) {
        if (!work.isEmpty()) {
            lanes.computeIfAbsent(key, Lane::new).offer(work);
        }
    }

    @Override
    public void abort() {
        aborted = true;
        lanes.values().forEach(Lane::discard);
    }

    @Override
    public boolean isAborted() {
        return aborted;
    }

    private final class Lane implements Runnable {
        private final StreamKey key;
        private final Queue<Work> queue = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();

        Lane(StreamKey key) {
            this.key = key;
        }

        void offer(List<Work> work) {
            queue.addAll(work);
            if (aborted) {
                discard();
            } else {
                schedule();
            }
        }

        private void schedule() {
            if (!queue.isEmpty() && !aborted && scheduled.compareAndSet(false, true)) {
                try {
                    workers.execute(this);
                } catch (RejectedExecutionException e) {
                    scheduled.set(false);
                    log.debug("workers of {} no longer accept work; its queued entries stay pending", key, e);
                    discard();
                }
            }
        }

        @Override
        public void run() {
            List<String> processed = new ArrayList<>();
            List<String> acknowledge = new ArrayList<>();
            List<String> retry = new ArrayList<>();
            try {
                Work work;
                while (processed.size() < batchSize && !aborted && (work = queue.poll()) != null) {
                    processed.add(work.id());
                    EntryProcessor.Outcome outcome = processor.process(work, PartitionLanes.this::isAborted);
                    if (outcome == EntryProcessor.Outcome.ACK) {
                        acknowledge.add(work.id());
                    } else {
                        if (outcome == EntryProcessor.Outcome.RETRY) {
                            retry.add(work.id());
                        }
                        inFlight.leftPending(key, work.id());
                    }
                }
            } finally {
                acknowledge(acknowledge);
                restartBackOff(retry);
                inFlight.remove(key, processed);
                scheduled.set(false);
                if (aborted) {
                    discard();
                } else {
                    schedule();
                }
            }
        }

        private void acknowledge(List<String> ids) {
            try {
                commands.ack(key, ids);
            } catch (StreamsException e) {
                log.warn("cannot acknowledge {} entries of {} ({}); they stay pending and will be delivered again",
                        ids.size(), key, e.getMessage());
            }
        }

        /**
         * Resets the idle time of failed entries, so their back-off counts from the failure rather than from
         * their delivery (which may lie a queue's wait earlier).
         */
        private void restartBackOff(List<String> ids) {
            if (ids.isEmpty()) {
                return;
            }
            try {
                commands.touch(key, Duration.ZERO, ids);
            } catch (StreamsException e) {
                log.debug("cannot restart the back-off of {} failed entries of {}: {}", ids.size(), key, e.getMessage());
            }
        }

        void discard() {
            List<String> dropped = new ArrayList<>();
            Work work;
            while ((work = queue.poll()) != null) {
                dropped.add(work.id());
            }
            inFlight.remove(key, dropped);
        }
    }
}
