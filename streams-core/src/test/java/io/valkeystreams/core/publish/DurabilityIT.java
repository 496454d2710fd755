package io.valkeystreams.core.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.connection.CommandException;
import io.valkeystreams.core.connection.ConnectionException;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.test.SpawnedValkeyServer;
import io.valkeystreams.test.ValkeyBinary;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Durability and server-side failures, each on a server of its own. */
class DurabilityIT {

    private final StreamCatalog catalog = StreamCatalog.platform();
    private final Path binary = ValkeyBinary.find().orElseThrow();

    @Test
    void waitingForAReplicaCompletesOnceItHasTheEntry() {
        try (SpawnedValkeyServer primary = SpawnedValkeyServer.builder(binary).start();
             SpawnedValkeyServer replica = SpawnedValkeyServer.builder(binary)
                     .args("--replicaof", "127.0.0.1", Integer.toString(primary.port())).start();
             StreamsConnection connection = StreamsConnection.connect(primary.url());
             Publisher publisher = Publisher.builder(connection, catalog).options(PublisherOptions.builder()
                     .durability(Durability.replicas(1, Duration.ofSeconds(10))).build()).build()) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                    String.valueOf(replica.call("INFO", "replication")).contains("master_link_status:up"));

            PublishResult result = publisher.publish("reputation.events", "user-1", Map.of("event_type", "x"));
            List<PublishResult> batch = publisher.publishAll(List.of(
                    PublishRequest.of("verification.events", "user-2", Map.of("event_type", "y"))));

            assertThat(replica.call("XLEN", result.key().key())).isEqualTo(1L);
            assertThat(replica.call("XLEN", batch.get(0).key().key())).isEqualTo(1L);
        }
    }

    @Test
    void withoutTheReplicaThePublishFailsSayingTheEntryIsUnconfirmed() {
        try (SpawnedValkeyServer server = SpawnedValkeyServer.builder(binary).start();
             StreamsConnection connection = StreamsConnection.connect(server.url());
             Publisher publisher = Publisher.builder(connection, catalog).options(PublisherOptions.builder()
                     .durability(Durability.replicas(1, Duration.ofMillis(100))).build()).build()) {
            assertThatThrownBy(() -> publisher.publish("reputation.events", "user-1", Map.of("event_type", "x")))
                    .isInstanceOfSatisfying(DurabilityException.class,
                            e -> assertThat(e.result().key().key()).isEqualTo("reputation.events:4"))
                    .hasMessageContaining("acknowledged by 0 of 1 replicas within 100 ms");
        }
    }

    @Test
    void waitingForTheAppendOnlyFileWorksWhenItIsOnAndSaysWhyWhenItIsOff() {
        try (SpawnedValkeyServer server = SpawnedValkeyServer.builder(binary).args("--appendonly", "yes").start();
             StreamsConnection connection = StreamsConnection.connect(server.url());
             Publisher publisher = Publisher.builder(connection, catalog).options(PublisherOptions.builder()
                     .durability(Durability.appendOnlyFile(0, Duration.ofSeconds(5))).build()).build()) {
            assertThat(publisher.publish("reputation.events", "u", Map.of("event_type", "x")).entryId()).isNotBlank();
            server.call("CONFIG", "SET", "appendonly", "no");
            assertThatThrownBy(() -> publisher.publish("reputation.events", "u", Map.of("event_type", "x")))
                    .isInstanceOf(CommandException.class)
                    .hasMessageContaining("appendonly");
        }
    }

    @Test
    void aFullServerUnderNoevictionGivesAClearOutOfMemoryError() {
        try (SpawnedValkeyServer server = SpawnedValkeyServer.builder(binary)
                .args("--maxmemory", "2mb", "--maxmemory-policy", "noeviction").start();
             StreamsConnection connection = StreamsConnection.connect(server.url());
             Publisher publisher = Publisher.builder(connection, catalog).build()) {
            String blob = "x".repeat(10_000);
            assertThatThrownBy(() -> {
                for (int i = 0; i < 10_000; i++) {
                    publisher.publish("analytics.business.events", "acct-" + i, Map.of("event_type", "x", "blob", blob));
                }
            }).isInstanceOfSatisfying(CommandException.class, e -> assertThat(e.errorCode()).isEqualTo("OOM"))
                    .hasMessageContaining("publishing to analytics.business.events:");
        }
    }

    @Test
    void aServerThatIsDownFailsThePublishWithAConnectionError() {
        SpawnedValkeyServer server = SpawnedValkeyServer.builder(binary).start();
        try (StreamsConnection connection = StreamsConnection.connect(server.url() + "?timeout=1s");
             Publisher publisher = Publisher.builder(connection, catalog).build()) {
            server.kill();
            assertThatThrownBy(() -> publisher.publish("reputation.events", "u", Map.of("event_type", "x")))
                    .isInstanceOf(ConnectionException.class)
                    .hasMessageContaining("publishing to reputation.events:")
                    .hasMessageContaining("timed out");
        } finally {
            server.close();
        }
    }
}
