package io.valkeystreams.core.cluster;

import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.consume.ConsumerContainer;
import io.valkeystreams.core.consume.ConsumerMode;
import io.valkeystreams.core.consume.ConsumerOptions;
import io.valkeystreams.core.consume.HandlerRegistry;
import java.io.IOException;
import java.time.Duration;

/**
 * One instance of a service in a JVM of its own, for {@link OrderedClusterIT}: an ordered-mode container of
 * {@code reputation.events} / {@code reputation_calculator} whose handler appends {@code <seq> <consumer>
 * <token>} to the list {@code ordered-test:<user_id>}. It stops gracefully when its standard input closes;
 * the test kills it with SIGKILL to make it die.
 *
 * <p>Arguments: cluster URI, consumer name.
 */
public final class OrderedWorker {

    static final String GROUP = "reputation_calculator";
    static final Duration LEASE_TIME = Duration.ofSeconds(2);
    static final String RECORD_PREFIX = "ordered-test:";

    private OrderedWorker() {
    }

    public static void main(String[] args) throws IOException {
        String url = args[0];
        String name = args[1];
        StreamDefinition reputation = StreamCatalog.platform().require("reputation.events");
        try (StreamsConnection connection = StreamsConnection.connect(url)) {
            ConsumerContainer container = ConsumerContainer.builder(connection, reputation, GROUP).consumerName(name)
                    .options(ConsumerOptions.builder().mode(ConsumerMode.ORDERED).leases(LEASE_TIME, Duration.ofMillis(500))
                            .blockTimeout(Duration.ofMillis(500)).shutdownTimeout(Duration.ofSeconds(5)).build())
                    .handlers(HandlerRegistry.builder().onAny((envelope, delivery) -> connection.sync().rpush(
                            RECORD_PREFIX + envelope.fields().get("user_id"),
                            envelope.fields().get("seq") + " " + name + " " + delivery.fencingToken())).build())
                    .build();
            container.start();
            while (System.in.read() >= 0) {
                // runs until the test closes standard input (or kills the process)
            }
            container.stop();
        }
    }
}
