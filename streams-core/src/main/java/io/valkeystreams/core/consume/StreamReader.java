package io.valkeystreams.core.consume;

import io.lettuce.core.AbstractRedisClient;
import io.valkeystreams.core.StreamsException;
import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.connection.ConnectionException;
import io.valkeystreams.core.connection.LettuceErrors;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read loop of one reader thread: repeats a {@link Step} (which waits for entries inside a blocking
 * command, never in a sleep) on a dedicated connection, re-creates lost groups on NOGROUP, and survives
 * lost connections and restarts by reconnecting with capped exponential back-off, logging the outage once.
 */
final class StreamReader implements Runnable {

    /** Told whether Valkey can be reached, after every read attempt. */
    @FunctionalInterface
    interface Connectivity {
        void reachable(boolean reachable);
    }

    /** One round of reading. */
    interface Step {

        /** The keys it reads, for re-creating their group after NOGROUP. */
        List<StreamKey> keys();

        /**
         * Reads once, waiting for entries at most about the block time, and hands what it read to the lanes.
         *
         * @throws StreamsException when a command fails (translated)
         */
        void read(ReaderConnection connection) throws InterruptedException;
    }

    static final Duration INITIAL_RECONNECT_DELAY = Duration.ofMillis(100);

    private static final Logger log = LoggerFactory.getLogger(StreamReader.class);

    private final AbstractRedisClient client;
    private final Step step;
    private final GroupCommands commands;
    private final ConsumerOptions options;
    private final Connectivity connectivity;
    private final CountDownLatch stop;
    private final OutageLog outage;

    StreamReader(AbstractRedisClient client, Step step, GroupCommands commands, ConsumerOptions options,
                 Connectivity connectivity, CountDownLatch stop, Clock clock) {
        this.client = client;
        this.step = step;
        this.commands = commands;
        this.options = options;
        this.connectivity = connectivity;
        this.stop = stop;
        this.outage = new OutageLog(log, "reading " + step.keys() + " for group " + commands.group(), clock);
    }

    @Override
    public void run() {
        Duration delay = INITIAL_RECONNECT_DELAY;
        boolean recreated = false;
        ReaderConnection connection = null;
        try {
            while (!stopping()) {
                try {
                    if (connection == null) {
                        connection = ReaderConnection.open(client);
                    }
                    step.read(connection);
                    outage.succeeded();
                    connectivity.reachable(true);
                    delay = INITIAL_RECONNECT_DELAY;
                    recreated = false;
                } catch (RuntimeException e) {
                    if (stopping()) {
                        log.debug("read of {} ended by stop: {}", step.keys(), e.getMessage());
                        break;
                    }
                    StreamsException failure = LettuceErrors.translate("XREADGROUP GROUP " + commands.group()
                            + " " + commands.consumerName() + " STREAMS " + step.keys(), e);
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
            List<StreamKey> created = commands.ensureGroup(step.keys());
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

    private boolean stopping() {
        return stop.getCount() == 0;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
