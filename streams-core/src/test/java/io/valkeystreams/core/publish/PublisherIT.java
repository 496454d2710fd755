package io.valkeystreams.core.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.valkeystreams.core.catalog.CatalogException;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.events.ReputationEvent;
import io.valkeystreams.core.wire.JacksonEventCodec;
import io.valkeystreams.test.ValkeyServer;
import io.valkeystreams.test.ValkeyTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ValkeyTest
class PublisherIT {

    private final StreamCatalog catalog = StreamCatalog.builder()
            .register(StreamDefinition.builder("small.stream").partitions(2).maxLength(20).groups("g").build())
            .build();
    private StreamsConnection connection;
    private Publisher publisher;

    @BeforeEach
    void connect(ValkeyServer server) {
        connection = StreamsConnection.connect(server.url());
        publisher = Publisher.builder(connection, catalog).build();
    }

    @AfterEach
    void close() {
        publisher.close();
        connection.close();
    }

    @Test
    void anEventIsWrittenToItsPartitionWithTheWireFormatsMetadata() {
        PublishResult result = publisher.publish("reputation.events", "user-1",
                ReputationEvent.of("user-1", "exchange_completed", 7.5, null, "ex-9", "great swap"));

        assertThat(result.key().key()).isEqualTo("reputation.events:4");
        assertThat(result.partition()).isEqualTo(4);
        List<StreamMessage<String, String>> entries = connection.sync().xrange("reputation.events:4", Range.create("-", "+"));
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.getId()).isEqualTo(result.entryId());
            assertThat(entry.getBody())
                    .containsEntry("user_id", "user-1")
                    .containsEntry("event_type", "exchange_completed")
                    .containsEntry("impact_score", "7.5")
                    .containsEntry("exchange_id", "ex-9")
                    .containsEntry("processing_priority", "high")
                    .containsEntry("event_id", result.eventId())
                    .containsEntry("stream_name", "reputation.events")
                    .containsEntry("partition", "4")
                    .containsEntry("priority", "high")
                    .containsKey("timestamp")
                    .doesNotContainKey("group_id");
            assertThat(Long.parseLong(entry.getBody().get("timestamp")))
                    .isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(5L));
        });
    }

    @Test
    void eachPartitionIsTrimmedToItsShareOfTheMaxLength() {
        for (int i = 0; i < 1_000; i++) {
            publisher.publish("small.stream", "k", Map.of("event_type", "tick", "n", i));
        }
        String key = "small.stream:" + Partitioner.partitionOf("k", 2);
        long length = connection.sync().xlen(key);
        assertThat(length).as("approximate trimming to 20 / 2 = 10 keeps whole nodes of up to 100 entries")
                .isBetween(10L, 110L);
    }

    @Test
    void highPriorityPublishesAreAnnouncedAndOthersAreNot(ValkeyServer server) {
        RedisClient client = RedisClient.create(server.url());
        List<String> messages = new CopyOnWriteArrayList<>();
        try (StatefulRedisPubSubConnection<String, String> pubsub = client.connectPubSub()) {
            pubsub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    messages.add(channel + " " + message);
                }
            });
            pubsub.sync().subscribe("priority.events");

            publisher.publish("group.mode.activities", "group-1", Map.of("event_type", "food_shared"));
            PublishResult high = publisher.publish("verification.events", "user-1", Map.of("event_type", "verification_completed"));

            await().atMost(Duration.ofSeconds(5)).until(() -> !messages.isEmpty());
            assertThat(messages).containsExactly("priority.events {\"stream\":\"" + high.key().key() + "\",\"id\":\""
                    + high.entryId() + "\",\"priority\":\"high\"}");
        } finally {
            client.shutdown();
        }
    }

    @Test
    void asynchronousPublishesCompleteWithTheirResults() throws Exception {
        List<CompletionStage<PublishResult>> stages = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            stages.add(publisher.publishAsync("analytics.platform.metrics", "svc-" + (i % 5),
                    Map.of("event_type", "platform_metric", "value", i)));
        }
        for (CompletionStage<PublishResult> stage : stages) {
            assertThat(stage.toCompletableFuture().get(10, TimeUnit.SECONDS).entryId()).isNotBlank();
        }
        assertThat(connection.sync().xlen("analytics.platform.metrics:0") + connection.sync().xlen("analytics.platform.metrics:1"))
                .isEqualTo(200);
    }

    @Test
    void pastTheInFlightLimitARejectingPublisherRefusesAtOnce() throws Exception {
        try (Publisher bounded = Publisher.builder(connection, catalog).options(PublisherOptions.builder()
                .maxInFlight(1).overflowPolicy(OverflowPolicy.REJECT).build()).build();
             StreamsConnection admin = StreamsConnection.connect(connection.describe())) {
            admin.sync().clientPause(1_000);
            CompletionStage<PublishResult> first = bounded.publishAsync("small.stream", "a", Map.of("event_type", "x"));
            assertThatThrownBy(() -> bounded.publishAsync("small.stream", "a", Map.of("event_type", "x")))
                    .isInstanceOf(PublishRejectedException.class)
                    .hasMessageContaining("1 asynchronous publishes already in flight")
                    .hasMessageContaining("REJECT");
            assertThat(first.toCompletableFuture().get(10, TimeUnit.SECONDS).entryId()).isNotBlank();
            assertThat(bounded.publishAsync("small.stream", "a", Map.of("event_type", "x"))
                    .toCompletableFuture().get(10, TimeUnit.SECONDS)).isNotNull();
        }
    }

    @Test
    void pastTheInFlightLimitABlockingPublisherWaitsThenRefuses() throws Exception {
        try (Publisher bounded = Publisher.builder(connection, catalog).options(PublisherOptions.builder()
                .maxInFlight(1).overflowPolicy(OverflowPolicy.BLOCK).overflowTimeout(Duration.ofMillis(100)).build()).build();
             StreamsConnection admin = StreamsConnection.connect(connection.describe())) {
            admin.sync().clientPause(1_500);
            CompletionStage<PublishResult> first = bounded.publishAsync("small.stream", "a", Map.of("event_type", "x"));
            assertThatThrownBy(() -> bounded.publishAsync("small.stream", "a", Map.of("event_type", "x")))
                    .isInstanceOf(PublishRejectedException.class)
                    .hasMessageContaining("waited 100 ms");
            first.toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aBatchIsWrittenInOrderAcrossStreams() {
        List<PublishRequest> requests = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String stream = i % 2 == 0 ? "reputation.events" : "analytics.user.behavior";
            requests.add(PublishRequest.of(stream, "user-" + (i % 7), Map.of("event_type", "e", "n", i)));
        }

        List<PublishResult> results = publisher.publishAll(requests);

        assertThat(results).hasSize(300);
        for (int i = 0; i < 300; i++) {
            assertThat(results.get(i).key().stream()).isEqualTo(requests.get(i).stream());
            List<StreamMessage<String, String>> entry = connection.sync().xrange(results.get(i).key().key(),
                    Range.create(results.get(i).entryId(), results.get(i).entryId()));
            String expected = Integer.toString(i);
            assertThat(entry).singleElement().satisfies(e -> assertThat(e.getBody()).containsEntry("n", expected));
        }
        assertThat(results.stream().map(r -> r.entryId() + r.key()).distinct()).hasSize(300);
    }

    @Test
    void aBatchWithOneBadEventWritesNothing() {
        List<PublishRequest> requests = List.of(
                PublishRequest.of("reputation.events", "user-1", Map.of("event_type", "ok")),
                PublishRequest.of("reputation.events", " ", Map.of("event_type", "bad key")));

        assertThatThrownBy(() -> publisher.publishAll(requests)).isInstanceOf(InvalidEventException.class);
        assertThat(connection.sync().dbsize()).isZero();
    }

    @Test
    void badInputIsRefusedWithItsReasonAndNothingIsWritten() {
        assertThatThrownBy(() -> publisher.publish("reputation.event", "u", Map.of("event_type", "x")))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("unknown stream 'reputation.event'; known streams: reputation.events");
        assertThatThrownBy(() -> publisher.publish("reputation.events", "u", null))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("must not be null");
        assertThatThrownBy(() -> publisher.publish(null))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("request must not be null");
        assertThatThrownBy(() -> publisher.publish("reputation.events", "", Map.of("event_type", "x")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("is blank");
        assertThatThrownBy(() -> publisher.publish("reputation.events", "u", Map.of("user_id", "u")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("needs a non-blank 'event_type'");
        assertThatThrownBy(() -> publisher.publish("reputation.events", "u", Map.of("event_type", "x", "v", Double.NaN)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("field 'v' is NaN");
        assertThatThrownBy(() -> publisher.publish("reputation.events", "u", Map.of("event_type", "x", "partition", "3")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("field 'partition' collides");
        assertThatThrownBy(() -> publisher.publish("reputation.events", "u", new Clashing("u", "oops")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("field 'event_id' of Clashing collides");
        assertThatThrownBy(() -> ReputationEvent.of("u", "x", Double.POSITIVE_INFINITY, null, null, null))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("impact_score must be a finite number");
        assertThatThrownBy(() -> ReputationEvent.of(null, "x", 1, null, null, null))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("user_id is required");
        assertThat(connection.sync().dbsize()).isZero();
    }

    record Clashing(String userId, String eventId) {
    }

    @Test
    void anOversizedEventIsRefusedWithItsSizeAndTheLimit() {
        try (Publisher small = Publisher.builder(connection, catalog)
                .options(PublisherOptions.builder().maxPayloadBytes(1_000).build()).build()) {
            assertThatThrownBy(() -> small.publish("reputation.events", "u",
                    Map.of("event_type", "x", "blob", "y".repeat(2_000))))
                    .isInstanceOf(InvalidEventException.class)
                    .hasMessageContaining("over the limit of 1000 bytes");
        }
        assertThat(connection.sync().dbsize()).isZero();
    }

    @Test
    void aClosedPublisherRefuses() {
        publisher.close();
        assertThatThrownBy(() -> publisher.publish("reputation.events", "u", Map.of("event_type", "x")))
                .isInstanceOf(PublishRejectedException.class).hasMessageContaining("publisher is closed");
    }

    @Test
    void optionsAreValidatedNamingTheOption() {
        assertThatThrownBy(() -> PublisherOptions.builder().maxInFlight(0).build())
                .hasMessageContaining("maxInFlight must be >= 1, was 0");
        assertThatThrownBy(() -> PublisherOptions.builder().maxPayloadBytes(10).build())
                .hasMessageContaining("maxPayloadBytes must be >= 64, was 10");
        assertThatThrownBy(() -> Durability.replicas(-1, Duration.ofSeconds(1)))
                .hasMessageContaining("durability.replicas must be >= 0, was -1");
        assertThatThrownBy(() -> Durability.replicas(1, Duration.ZERO))
                .hasMessageContaining("durability.timeout must be positive");
        assertThatThrownBy(() -> Publisher.builder(connection, catalog).codec(null))
                .hasMessageContaining("codec must not be null");
    }

    @Test
    void everyTypeRoundTripsExactly() {
        ReputationEvent event = ReputationEvent.of("user-9", "review_received", -2.25, "group-3", null, "late");
        PublishResult result = publisher.publish("reputation.events", "user-9", event);
        StreamMessage<String, String> entry = connection.sync()
                .xrange(result.key().key(), Range.create(result.entryId(), result.entryId())).get(0);
        assertThat(new JacksonEventCodec().decode(entry.getBody(), ReputationEvent.class)).isEqualTo(event);
    }
}
