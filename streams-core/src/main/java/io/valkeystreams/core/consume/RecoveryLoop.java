package io.valkeystreams.core.consume;

import io.lettuce.core.StreamMessage;
import io.lettuce.core.models.stream.PendingMessage;
import io.valkeystreams.core.StreamsException;
import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.retry.BackOffPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass of the retry and recovery loop over every partition key of a container: lists pending entries
 * with {@code XPENDING … IDLE}, and
 * <ul>
 *   <li>keeps this container's live entries (queued or being handled) from looking abandoned by resetting
 *       their idle time ({@code XCLAIM … JUSTID}) once they pass half of {@code takeoverAfter};</li>
 *   <li>claims ({@code XCLAIM}) this container's failed entries once their idle time passes the back-off for
 *       their delivery count, and other consumers' entries once it also passes {@code takeoverAfter} (their
 *       consumer is presumed dead), and hands them to the partition lanes again;</li>
 *   <li>leaves this container's other entries alone until they are idle longer than a read can take
 *       ({@code blockTimeout} plus twice the reply margin): until then one may be in a read's reply that has
 *       not been queued yet, and claiming it would have this container handle it twice; after that it is an
 *       entry whose reply or acknowledgement was lost;</li>
 *   <li>dead-letters claimed entries that were already delivered {@code maxDeliveries} times without an
 *       outcome (their consumer kept dying);</li>
 *   <li>clears entries that were trimmed or deleted while pending: Valkey drops them from the pending list
 *       when they are claimed and does not return them; each is reported once and never retried;</li>
 *   <li>every few passes removes other consumers idle longer than {@code idleConsumerRemoval} that hold no
 *       pending entries (atomically, in a script, so a consumer that has pending entries is never removed).</li>
 * </ul>
 * While the group is quiet (the last pass found nothing pending for any consumer, and this container has read
 * or claimed nothing since), passes are skipped, and only a cheap count of pending entries runs, once per
 * quarter of {@code min(takeoverAfter, idleConsumerRemoval)}; so an idle application costs almost nothing. Entries
 * that become pending meanwhile are noticed by that count well before {@code takeoverAfter} makes them due, and
 * anything read or claimed ends the quiet state at the next tick, so takeovers and retries keep their timing.
 */
final class RecoveryLoop implements Runnable {

    static final int MAX_PAGES_PER_KEY = 10;
    static final int MAX_PASSES_BETWEEN_REMOVALS = 60;

    private static final Logger log = LoggerFactory.getLogger(RecoveryLoop.class);

    private final List<StreamKey> keys;
    private final GroupCommands commands;
    private final ConsumerOptions options;
    private final BackOffPolicy backOff;
    private final InFlight inFlight;
    private final PartitionLanes lanes;
    private final EntryProcessor processor;
    private final ConsumerListener listener;
    private final OutageLog outage;
    private final long passesBetweenRemovals;
    private final long maxQuietTicks;
    private final Duration unreadAfter;
    private long passes;
    private boolean quiet;
    private long quietTicks;
    private long activityAtLastPass = -1;

    RecoveryLoop(List<StreamKey> keys, GroupCommands commands, ConsumerOptions options, BackOffPolicy backOff,
                 InFlight inFlight, PartitionLanes lanes, EntryProcessor processor, ConsumerListener listener,
                 Clock clock) {
        this.keys = List.copyOf(keys);
        this.commands = commands;
        this.options = options;
        this.backOff = backOff;
        this.inFlight = inFlight;
        this.lanes = lanes;
        this.processor = processor;
        this.listener = listener;
        this.outage = new OutageLog(log, "retry and recovery of " + keys.get(0).stream() + " for group "
                + commands.group(), clock);
        this.unreadAfter = options.blockTimeout().plus(ReaderConnection.REPLY_MARGIN.multipliedBy(2));
        long half = options.idleConsumerRemoval().toNanos() / 2 / options.recoveryInterval().toNanos();
        this.passesBetweenRemovals = Math.max(1, Math.min(MAX_PASSES_BETWEEN_REMOVALS, half));
        Duration quietCheck = min(options.takeoverAfter(), options.idleConsumerRemoval()).dividedBy(4);
        this.maxQuietTicks = Math.max(0, quietCheck.toNanos() / options.recoveryInterval().toNanos() - 1);
    }

    @Override
    public void run() {
        try {
            if (!stayQuiet()) {
                long activity = inFlight.activity();
                boolean found = false;
                for (StreamKey key : keys) {
                    found |= recover(key);
                }
                quiet = !found && inFlight.size() == 0 && nothingPending();
                activityAtLastPass = activity;
                quietTicks = 0;
            }
            if (passes++ % passesBetweenRemovals == 0) {
                removeIdleConsumers();
            }
            outage.succeeded();
        } catch (StreamsException e) {
            if (Thread.currentThread().isInterrupted()) {
                log.debug("retry and recovery pass for group {} interrupted by stop: {}", commands.group(), e.getMessage());
            } else if (GroupCommands.isNoGroup(e)) {
                recreateGroups(e);
            } else {
                outage.failed(e, "every " + options.recoveryInterval());
            }
        } catch (RuntimeException e) {
            log.error("retry and recovery pass for group {} failed unexpectedly; the next pass runs in {}",
                    commands.group(), options.recoveryInterval(), e);
        }
    }

    /**
     * Whether this pass may be skipped: the group was quiet at the last pass, nothing was read or claimed since,
     * and either the last check is recent or a new count finds nothing pending still.
     */
    private boolean stayQuiet() {
        if (!quiet || inFlight.activity() != activityAtLastPass || inFlight.size() > 0) {
            return false;
        }
        if (++quietTicks <= maxQuietTicks) {
            return true;
        }
        quietTicks = 0;
        return nothingPending();
    }

    private boolean nothingPending() {
        for (StreamKey key : keys) {
            if (commands.pendingCount(key) > 0) {
                return false;
            }
        }
        return true;
    }

    /** Handles the pending entries of a key idle long enough to matter; returns whether there were any. */
    private boolean recover(StreamKey key) {
        Duration keepAlive = options.takeoverAfter().dividedBy(2);
        Duration minIdle = backOff.minimumDelay().compareTo(keepAlive) < 0 ? backOff.minimumDelay() : keepAlive;
        String after = null;
        for (int page = 0; page < MAX_PAGES_PER_KEY; page++) {
            List<PendingMessage> pending = commands.pending(key, minIdle, after, options.batchSize());
            if (pending.isEmpty()) {
                return page > 0;
            }
            handle(key, pending);
            if (pending.size() < options.batchSize()) {
                return true;
            }
            after = pending.get(pending.size() - 1).getId();
        }
        return true;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void handle(StreamKey key, List<PendingMessage> pending) {
        Duration keepAlive = options.takeoverAfter().dividedBy(2);
        List<String> touch = new ArrayList<>();
        List<PendingMessage> due = new ArrayList<>();
        Duration claimIdle = null;
        for (PendingMessage entry : pending) {
            boolean mine = entry.getConsumer().equals(commands.consumerName());
            Duration idle = entry.getSinceLastDelivery();
            if (mine && inFlight.contains(key, entry.getId())) {
                if (idle.compareTo(keepAlive) >= 0) {
                    touch.add(entry.getId());
                }
                continue;
            }
            if (mine && !inFlight.wasLeftPending(key, entry.getId()) && idle.compareTo(unreadAfter) < 0) {
                continue;
            }
            Duration required = backOff.delayAfter(Math.max(1, entry.getRedeliveryCount()), entry.getId());
            if (!mine && required.compareTo(options.takeoverAfter()) < 0) {
                required = options.takeoverAfter();
            }
            if (idle.compareTo(required) >= 0) {
                due.add(entry);
                claimIdle = claimIdle == null || required.compareTo(claimIdle) < 0 ? required : claimIdle;
            }
        }
        if (!touch.isEmpty()) {
            commands.touch(key, keepAlive, touch);
        }
        if (!due.isEmpty()) {
            claim(key, due, claimIdle);
        }
    }

    private void claim(StreamKey key, List<PendingMessage> due, Duration minIdle) {
        due.forEach(entry -> inFlight.forget(key, entry.getId()));
        Map<String, StreamMessage<String, String>> claimed = new LinkedHashMap<>();
        commands.claim(key, minIdle, due.stream().map(PendingMessage::getId).toList())
                .forEach(message -> claimed.put(message.getId(), message));
        List<Work> redeliver = new ArrayList<>();
        List<String> acknowledge = new ArrayList<>();
        Map<String, Integer> takenOver = new LinkedHashMap<>();
        for (PendingMessage entry : due) {
            StreamMessage<String, String> message = claimed.get(entry.getId());
            if (message == null) {
                if (!commands.exists(key, entry.getId())) {
                    trimmed(key, entry.getId(), acknowledge);
                }
                continue;
            }
            if (!entry.getConsumer().equals(commands.consumerName())) {
                takenOver.merge(entry.getConsumer(), 1, Integer::sum);
            }
            if (message.getBody() == null || message.getBody().isEmpty()) {
                trimmed(key, entry.getId(), acknowledge);
            } else if (entry.getRedeliveryCount() >= options.maxDeliveries()) {
                Work exhausted = Work.of(key, message, entry.getRedeliveryCount());
                if (processor.deadLetter(exhausted, "not acknowledged after " + entry.getRedeliveryCount()
                        + " deliveries (its consumer stopped or crashed while handling it)")
                        == EntryProcessor.Outcome.ACK) {
                    acknowledge.add(entry.getId());
                }
            } else if (inFlight.add(key, entry.getId())) {
                redeliver.add(Work.of(key, message, entry.getRedeliveryCount() + 1));
            }
        }
        commands.ack(key, acknowledge);
        takenOver.forEach((consumer, count) -> {
            log.info("took over {} pending entries of {} from consumer {} of group {}", count, key, consumer,
                    commands.group());
            listener.takenOver(key, commands.group(), consumer, count);
        });
        lanes.submit(key, redeliver);
    }

    private void trimmed(StreamKey key, String id, List<String> acknowledge) {
        log.info("{} {} was trimmed or deleted while pending for group {}; removed from the pending list", key, id,
                commands.group());
        acknowledge.add(id);
        listener.trimmedWhilePending(key, commands.group(), id);
    }

    private void removeIdleConsumers() {
        for (StreamKey key : keys) {
            for (String consumer : commands.removeIdleConsumers(key, options.idleConsumerRemoval())) {
                log.info("removed consumer {} of group {} from {}: idle for more than {} with no pending entries",
                        consumer, commands.group(), key, options.idleConsumerRemoval());
                listener.consumerRemoved(key, commands.group(), consumer);
            }
        }
    }

    private void recreateGroups(StreamsException cause) {
        try {
            List<StreamKey> created = commands.ensureGroup(keys);
            if (!created.isEmpty()) {
                log.warn("group {} did not exist on {} ({}); created it from ID 0", commands.group(), created,
                        cause.getMessage());
            }
        } catch (StreamsException e) {
            outage.failed(e, "every " + options.recoveryInterval());
        }
    }
}
