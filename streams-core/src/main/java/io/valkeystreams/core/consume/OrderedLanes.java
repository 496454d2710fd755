package io.valkeystreams.core.consume;

import io.valkeystreams.core.StreamsException;
import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.lease.LeaseLostException;
import io.valkeystreams.core.retry.BackOffPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lanes of ordered mode: one serial lane per held partition, which never moves past an entry before it
 * is done. A failing entry is retried in place — the lane waits out its back-off (on a timer, holding no
 * thread) and handles it again, up to {@code maxDeliveries} tries, then dead-letters it — while other
 * lanes flow. Each batch is acknowledged with a fenced {@code XACK}; a lane whose lease is gone stops at
 * once and leaves its entries pending for the new holder.
 */
final class OrderedLanes implements Lanes {

    private static final Logger log = LoggerFactory.getLogger(OrderedLanes.class);

    private final Executor workers;
    private final ScheduledExecutorService timer;
    private final EntryProcessor processor;
    private final FencedCommands fenced;
    private final Ownership ownership;
    private final InFlight inFlight;
    private final BackOffPolicy backOff;
    private final ConsumerOptions options;
    private final ConsumerListener listener;
    private final String group;
    private final Map<StreamKey, Lane> lanes = new ConcurrentHashMap<>();
    private volatile boolean aborted;
    private volatile boolean stopping;

    OrderedLanes(Executor workers, ScheduledExecutorService timer, EntryProcessor processor, FencedCommands fenced,
                 Ownership ownership, InFlight inFlight, BackOffPolicy backOff, ConsumerOptions options,
                 ConsumerListener listener, String group) {
        this.workers = workers;
        this.timer = timer;
        this.processor = processor;
        this.fenced = fenced;
        this.ownership = ownership;
        this.inFlight = inFlight;
        this.backOff = backOff;
        this.options = options;
        this.listener = listener;
        this.group = group;
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

    /** Drops the queued entries of one partition (its lease is gone); they stay pending for the next holder. */
    void discard(StreamKey key) {
        Lane lane = lanes.get(key);
        if (lane != null) {
            lane.discard();
        }
    }

    /** On stop: entries waiting for a retry are not retried here any more; they stay pending for the next holder. */
    void stopRetrying() {
        stopping = true;
        lanes.values().forEach(Lane::discardIfWaiting);
    }

    private final class Lane implements Runnable {
        private final StreamKey key;
        private final Deque<Work> queue = new ConcurrentLinkedDeque<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private volatile boolean waiting;

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
            if (!queue.isEmpty() && !aborted && !waiting && scheduled.compareAndSet(false, true)) {
                try {
                    workers.execute(this);
                } catch (RejectedExecutionException e) {
                    scheduled.set(false);
                    discard();
                }
            }
        }

        @Override
        public void run() {
            List<String> done = new ArrayList<>();
            OwnedPartition holder = null;
            try {
                Work work;
                while (done.size() < options.batchSize() && !aborted && (work = queue.pollFirst()) != null) {
                    OwnedPartition owner = ownership.valid(key, work.fencingToken());
                    if (owner == null || (holder != null && owner != holder)) {
                        log.debug("{}: lease with token {} no longer held; leaving the queued entries pending", key,
                                work.fencingToken());
                        leavePending(work);
                        break;
                    }
                    holder = owner;
                    EntryProcessor.Outcome outcome = work.deliveryCount() > options.maxDeliveries()
                            ? processor.deadLetter(work, "not acknowledged after " + (work.deliveryCount() - 1)
                                    + " deliveries (its consumer stopped or crashed while handling it)")
                            : processor.process(work, () -> aborted || !owner.isValid());
                    if (outcome == EntryProcessor.Outcome.ACK) {
                        done.add(work.id());
                    } else if (aborted || !owner.isValid()) {
                        leavePending(work);
                        break;
                    } else {
                        retryLater(work, outcome);
                        break;
                    }
                }
            } finally {
                acknowledge(holder, done);
                scheduled.set(false);
                if (aborted) {
                    discard();
                } else {
                    schedule();
                }
            }
        }

        private void leavePending(Work work) {
            queue.offerFirst(work);
            discard();
        }

        /** Keeps the entry at the head of the lane and runs the lane again after the entry's back-off. */
        private void retryLater(Work work, EntryProcessor.Outcome outcome) {
            queue.offerFirst(outcome == EntryProcessor.Outcome.RETRY ? work.nextAttempt() : work);
            if (stopping) {
                discard();
                return;
            }
            Duration delay = backOff.delayAfter(work.deliveryCount(), work.id());
            waiting = true;
            try {
                timer.schedule(() -> {
                    waiting = false;
                    schedule();
                }, delay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                waiting = false;
                discard();
            }
        }

        private void acknowledge(OwnedPartition holder, List<String> ids) {
            if (ids.isEmpty()) {
                return;
            }
            try {
                fenced.ack(holder.lease(), ids);
            } catch (LeaseLostException e) {
                log.warn("{}: {} handled entries not acknowledged: {}; the new holder delivers them again", key,
                        ids.size(), e.getMessage());
                holder.lose();
                listener.acknowledgementRefused(key, group, holder.token(), List.copyOf(ids));
            } catch (StreamsException e) {
                log.warn("cannot acknowledge {} entries of {} ({}); trying again with the next lease renewal",
                        ids.size(), key, e.getMessage());
                holder.unacknowledged(ids);
            } finally {
                inFlight.remove(key, ids);
            }
        }

        void discardIfWaiting() {
            if (waiting) {
                discard();
            }
        }

        void discard() {
            List<String> dropped = new ArrayList<>();
            Work work;
            while ((work = queue.pollFirst()) != null) {
                dropped.add(work.id());
            }
            inFlight.remove(key, dropped);
        }
    }
}
