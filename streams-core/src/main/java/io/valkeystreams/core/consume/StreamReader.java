package io.valkeystreams.core.consume;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.Consumer;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.valkeystreams.core.StreamsException;
import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.connection.ConnectionException;
import io.valkeystreams.core.connection.LettuceErrors;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read loop for one group of partition keys: {@code XREADGROUP … BLOCK … STREAMS k1 k2 … > > …} on
 * a dedicated connection. It waits inside the blocking read (never in a sleep), pauses while too many
 * entries are in flight, re-creates lost groups on NOGROUP, and survives lost connections and restarts
 * by reconnecting with capped exponential back-off, logging the outage once.
 */
final class StreamReader implements Runnable {

    /** Told whether Valkey can be reached, after every read attempt. */
    @FunctionalInterface
    interface Connectivity {
        void reachable(boolean reachable);
    }

    static final Duration INITIAL_RECONNECT_DELAY = Duration.ofMillis(100);

    private static final Logger log = LoggerFactory.getLogger(StreamReader.class);

    private final AbstractRedisClient client;
    private final List<StreamKey> keys;
    private final Map<String, StreamKey> byName = new LinkedHashMap<>();
    private final GroupCommands commands;
    private final ConsumerOptions options;
    private final InFlight inFlight;
    private final int inFlightLimit;
    private final PartitionLanes lanes;
    private final Connectivity connectivity;
    private final CountDownLatch stop;
    private final OutageLog outage;

    StreamReader(AbstractRedisClient client, List<StreamKey> keys, GroupCommands commands, ConsumerOptions options,
                 InFlight inFlight, int inFlightLimit, PartitionLanes lanes, Connectivity connectivity,
                 CountDownLatch stop, Clock clock) {
        this.client = client;
        this.keys = List.copyOf(keys);
        keys.forEach(key -> byName.put(key.key(), key));
        this.commands = commands;
        this.options = options;
        this.inFlight = inFlight;
        this.inFlightLimit = inFlightLimit;
        this.lanes = lanes;
        this.connectivity = connectivity;
        this.stop = stop;
        this.outage = new OutageLog(log, "reading " + keys + " for group " + commands.group(), clock);
    }

    @Override
    public void run() {
        Consumer<String> consumer = Consumer.from(commands.group(), commands.consumerName());
        XReadArgs args = XReadArgs.Builder.block(options.blockTimeout()).count(options.batchSize());
        @SuppressWarnings("unchecked")
        StreamOffset<String>[] offsets = keys.stream().map(key -> StreamOffset.lastConsumed(key.key()))
                .toArray(StreamOffset[]::new);
        Duration delay = INITIAL_RECONNECT_DELAY;
        boolean recreated = false;
        ReaderConnection connection = null;
        try {
            while (!stopping()) {
                if (!inFlight.awaitBelow(inFlightLimit, options.blockTimeout())) {
                    continue;
                }
                try {
                    if (connection == null) {
                        connection = ReaderConnection.open(client);
                    }
                    List<StreamMessage<String, String>> messages = connection.read(consumer, args,
                            options.blockTimeout(), offsets);
                    outage.succeeded();
                    connectivity.reachable(true);
                    delay = INITIAL_RECONNECT_DELAY;
                    recreated = false;
                    dispatch(messages);
                } catch (RuntimeException e) {
                    if (stopping()) {
                        log.debug("read of {} ended by stop: {}", keys, e.getMessage());
                        break;
                    }
                    StreamsException failure = LettuceErrors.translate("XREADGROUP GROUP " + commands.group()
                            + " " + commands.consumerName() + " STREAMS " + keys, e);
                    if (GroupCommands.isNoGroup(failure) && !recreated && recreateGroups()) {
                        recreated = true;
                        continue;
                    }
                    if (failure instanceof ConnectionException) {
                        connectivity.reachable(false);
                        if (connection != null) {
                            connection.close();
                            connection = null;
                        }
                    }
                    outage.failed(failure, "with back-off up to " + options.maxReconnectDelay());
                    if (stop.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                        break;
                    }
                    delay = min(delay.multipliedBy(2), options.maxReconnectDelay());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
    }

    private boolean recreateGroups() {
        try {
            List<StreamKey> created = commands.ensureGroup(keys);
            if (!created.isEmpty()) {
                log.warn("group {} did not exist on {} (never provisioned, or lost in a restart without persistence); "
                        + "created it from ID 0", commands.group(), created);
            }
            return true;
        } catch (StreamsException e) {
            outage.failed(e, "re-creating group " + commands.group() + " with back-off up to "
                    + options.maxReconnectDelay());
            return false;
        }
    }

    private void dispatch(List<StreamMessage<String, String>> messages) {
        if (messages == null || messages.isEmpty()) {
            return;
        }
        Map<StreamKey, List<Work>> byKey = new LinkedHashMap<>();
        for (StreamMessage<String, String> message : messages) {
            StreamKey key = byName.get(message.getStream());
            if (key == null) {
                throw new StreamsException("XREADGROUP returned an entry of key '" + message.getStream()
                        + "', which this reader did not ask for");
            }
            inFlight.add(key, message.getId());
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(Work.of(key, message, 1));
        }
        byKey.forEach(lanes::submit);
    }

    private boolean stopping() {
        return stop.getCount() == 0;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
