package io.valkeystreams.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.publish.InvalidEventException;
import io.valkeystreams.core.publish.Partitioner;
import io.valkeystreams.core.publish.PublishResult;
import io.valkeystreams.core.publish.Publisher;
import io.valkeystreams.core.wire.JacksonEventCodec;
import io.valkeystreams.test.ValkeyServer;
import io.valkeystreams.test.ValkeyTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ValkeyTest
class TypedPublishersIT {

    private final JacksonEventCodec codec = new JacksonEventCodec();
    private final UserHasher hasher = new UserHasher("a-test-secret-of-32-bytes-length".getBytes(StandardCharsets.UTF_8));
    private StreamsConnection connection;
    private Publisher publisher;

    @BeforeEach
    void connect(ValkeyServer server) {
        connection = StreamsConnection.connect(server.url());
        publisher = Publisher.builder(connection, StreamCatalog.platform()).build();
    }

    @AfterEach
    void close() {
        publisher.close();
        connection.close();
    }

    @Test
    void reputationChangesAreKeyedByUserAndCarryTheirProcessingPriority() {
        ReputationEventPublisher reputation = new ReputationEventPublisher(publisher);
        PublishResult high = reputation.publishReputationChange("user-1", "exchange_completed", -6, "g-1", "x-1", null);
        PublishResult normal = reputation.publishReputationChange("user-1", "review", 5, null, null, "ok");

        assertThat(high.key().key()).isEqualTo("reputation.events:4");
        assertThat(normal.key()).isEqualTo(high.key());
        assertThat(entry(high)).containsEntry("processing_priority", "high").containsEntry("impact_score", "-6");
        assertThat(entry(normal)).containsEntry("processing_priority", "normal").containsEntry("description", "ok");
        assertThat(codec.decode(entry(high), ReputationEvent.class))
                .isEqualTo(ReputationEvent.of("user-1", "exchange_completed", -6, "g-1", "x-1", null));
    }

    @Test
    void modeTransitionsAlwaysHaveTheirEventTypeAndFlagReverification() {
        ModeTransitionPublisher modes = new ModeTransitionPublisher(publisher);
        PublishResult toNeighborhood = modes.publishModeTransition("user-2", "individual", "neighborhood", "moved");
        PublishResult toGroup = modes.publishModeTransition("user-2", "neighborhood", "group", null);

        assertThat(toNeighborhood.key().key()).isEqualTo("user.mode.transitions");
        assertThat(entry(toNeighborhood)).containsEntry("event_type", "mode_transition")
                .containsEntry("requires_reverification", "true").containsEntry("to_mode", "neighborhood");
        assertThat(entry(toGroup)).containsEntry("requires_reverification", "false").doesNotContainKey("reason");
        assertThat(codec.decode(entry(toGroup), ModeTransitionEvent.class))
                .isEqualTo(ModeTransitionEvent.of("user-2", "neighborhood", "group", null));
    }

    @Test
    void behaviourEventsNeverCarryTheRawUserId() {
        AnalyticsEventPublisher analytics = new AnalyticsEventPublisher(publisher, hasher);
        PublishResult result = analytics.publishUserBehaviorOf("user-3", "page_view", "navigation",
                Map.of("screen", "home", "ms", 120), "s-hash");

        Map<String, String> fields = entry(result);
        assertThat(fields.values()).noneMatch(value -> value.contains("user-3"));
        assertThat(fields).containsEntry("user_hash", hasher.hash("user-3")).containsEntry("platform", "telegram")
                .containsEntry("event_category", "navigation");
        assertThat(result.partition()).isEqualTo(Partitioner.partitionOf(hasher.hash("user-3"), 4));
        UserBehaviorEvent decoded = codec.decode(fields, UserBehaviorEvent.class);
        assertThat(decoded.properties()).containsEntry("screen", "home").containsEntry("ms", 120);
    }

    @Test
    void verificationGroupBusinessAndMetricEventsGoToTheirStreams() {
        PublishResult verification = new VerificationEventPublisher(publisher)
                .publishVerificationCompleted("user-4", "phone", "approved", "admin-1");
        PublishResult group = new GroupActivityPublisher(publisher)
                .publishGroupActivity("group-42", "food_shared", "user-4", Map.of("dish", "soup"));
        PublishResult business = new BusinessEventPublisher(publisher)
                .publishBusinessEvent("subscription_started", "acct-1", new BigDecimal("9.90"), "EUR", null);
        PublishResult metric = new PlatformMetricsPublisher(publisher)
                .publishMetric("api", "latency_ms", 12.5, "ms", Map.of("route", "/x"));

        assertThat(verification.key().stream()).isEqualTo("verification.events");
        assertThat(entry(verification)).containsEntry("event_type", "verification_completed").containsEntry("priority", "high");
        assertThat(group.key().key()).isEqualTo("group.mode.activities:" + Partitioner.partitionOf("group-42", 4));
        assertThat(entry(group)).containsEntry("details", "{\"dish\":\"soup\"}").containsEntry("priority", "medium");
        assertThat(entry(business)).containsEntry("amount", "9.90").containsEntry("currency", "EUR");
        assertThat(codec.decode(entry(business), BusinessEvent.class).amount()).isEqualByComparingTo("9.90");
        assertThat(entry(metric)).containsEntry("event_type", "platform_metric").containsEntry("value", "12.5")
                .containsEntry("tags", "{\"route\":\"/x\"}");
    }

    @Test
    void missingRequiredFieldsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new ModeTransitionPublisher(publisher).publishModeTransition("u", "a", " ", null))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("to_mode is required");
        assertThatThrownBy(() -> new BusinessEventPublisher(publisher).publishBusinessEvent("x", null, BigDecimal.ONE, "euro", null))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("currency must be a three-letter");
        assertThatThrownBy(() -> new PlatformMetricsPublisher(publisher).publishMetric("api", "m", Double.NaN, null, null))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("value must be a finite number");
        assertThatThrownBy(() -> new VerificationEventPublisher(publisher).publish(null))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("must not be null");
        assertThatThrownBy(() -> new UserHasher(new byte[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 16 bytes, was 4 bytes");
        assertThat(connection.sync().dbsize()).isZero();
    }

    private Map<String, String> entry(PublishResult result) {
        java.util.List<StreamMessage<String, String>> entries = connection.sync()
                .xrange(result.key().key(), Range.create(result.entryId(), result.entryId()));
        assertThat(entries).hasSize(1);
        return entries.get(0).getBody();
    }
}
