package io.valkeystreams.core.consume;

import io.lettuce.core.models.stream.PendingMessages;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.test.ValkeyServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A connection to the test server, short timings, and containers that are stopped after each test. */
public abstract class ContainerTestSupport {

    protected StreamsConnection connection;
    private final List<ConsumerContainer> containers = new ArrayList<>();
    private final List<StreamsConnection> connections = new ArrayList<>();

    /** Timings short enough that retries, takeovers and stops happen within a test's second or two. */
    public static ConsumerOptions.Builder fast() {
        return ConsumerOptions.builder()
                .blockTimeout(Duration.ofMillis(100))
                .recoveryInterval(Duration.ofMillis(25))
                .takeoverAfter(Duration.ofMillis(300))
                .backOff(Duration.ofMillis(50), 2.0, Duration.ofMillis(400), 0.0)
                .maxReconnectDelay(Duration.ofMillis(200))
                .shutdownTimeout(Duration.ofSeconds(5))
                .partitionConcurrency(4);
    }

    @BeforeEach
    void connect(ValkeyServer server) {
        connection = open(server.url());
    }

    @AfterEach
    void stopEverything() {
        containers.forEach(ConsumerContainer::stop);
        connections.forEach(StreamsConnection::close);
    }

    /** Opens a connection that is closed after the test. */
    protected StreamsConnection open(String url) {
        StreamsConnection opened = StreamsConnection.connect(url);
        connections.add(opened);
        return opened;
    }

    /** Starts a container that is stopped after the test. */
    protected ConsumerContainer start(ConsumerContainer.Builder builder) {
        ConsumerContainer container = builder.build();
        containers.add(container);
        container.start();
        return container;
    }

    /** Entries pending for a group on one key. */
    protected long pending(StreamKey key, String group) {
        PendingMessages summary = connection.sync().xpending(key.key(), group);
        return summary.getCount();
    }

    /** Entries pending for a group over every key of a stream. */
    protected long pending(StreamDefinition definition, String group) {
        return definition.keys().stream().mapToLong(key -> pending(key, group)).sum();
    }

    /** Length of a stream's dead-letter stream. */
    protected long deadLetters(StreamDefinition definition) {
        return connection.sync().xlen(definition.deadLetterKey());
    }
}
