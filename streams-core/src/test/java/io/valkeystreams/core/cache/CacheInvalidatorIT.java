package io.valkeystreams.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.valkeystreams.core.catalog.PlatformStreams;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.events.ModeTransitionPublisher;
import io.valkeystreams.core.events.ReputationEventPublisher;
import io.valkeystreams.core.events.VerificationEventPublisher;
import io.valkeystreams.core.publish.PublishResult;
import io.valkeystreams.core.publish.Publisher;
import io.valkeystreams.core.wire.Envelope;
import io.valkeystreams.test.ValkeyServer;
import io.valkeystreams.test.ValkeyTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ValkeyTest
class CacheInvalidatorIT {

    private StreamsConnection connection;
    private Publisher publisher;
    private StreamsCaches caches;
    private CacheInvalidator invalidator;

    @BeforeEach
    void connect(ValkeyServer server) {
        connection = StreamsConnection.connect(server.url());
        publisher = Publisher.builder(connection, StreamCatalog.platform()).build();
        caches = StreamsCaches.builder(connection).build();
        invalidator = new CacheInvalidator(caches, InvalidationMapping.defaults());
        for (String user : List.of("user-1", "user-2")) {
            caches.cache(PlatformCaches.REPUTATION_SCORES).put(user, 50);
            caches.cache(PlatformCaches.USER_PROFILES).put(user, Map.of("mode", "solo"));
        }
    }

    @AfterEach
    void close() {
        caches.close();
        publisher.close();
        connection.close();
    }

    @Test
    void aReputationEventInvalidatesThatUsersReputationScoreOnly() {
        PublishResult published = new ReputationEventPublisher(publisher)
                .publishReputationChange("user-1", "exchange_completed", 4.0, "g-1", "x-1", null);

        InvalidationResult result = invalidator.invalidate(Envelope.parse(entry(published)));

        assertThat(result.invalidated())
                .containsExactly(new InvalidationResult.Invalidated("reputation_scores", "user-1", true));
        assertThat(connection.sync().exists("rep:user-1")).isZero();
        assertThat(connection.sync().exists("rep:user-2", "user:user-1", "user:user-2")).isEqualTo(3);
    }

    @Test
    void aModeTransitionInvalidatesThatUsersProfileOnly() {
        PublishResult published = new ModeTransitionPublisher(publisher)
                .publishModeTransition("user-2", "solo", "neighborhood", "moved");

        InvalidationResult result = invalidator.invalidate(Envelope.parse(entry(published)));

        assertThat(result.invalidated())
                .containsExactly(new InvalidationResult.Invalidated("user_profiles", "user-2", true));
        assertThat(connection.sync().exists("user:user-2")).isZero();
        assertThat(connection.sync().exists("user:user-1", "rep:user-1", "rep:user-2")).isEqualTo(3);
    }

    @Test
    void aRedeliveredEntryIsHarmless() {
        Map<String, String> fields = entry(new ReputationEventPublisher(publisher)
                .publishReputationChange("user-1", "review", 1.0, null, null, null));
        invalidator.invalidate(PlatformStreams.REPUTATION_EVENTS, fields);

        InvalidationResult again = invalidator.invalidate(PlatformStreams.REPUTATION_EVENTS, fields);

        assertThat(again.invalidated())
                .containsExactly(new InvalidationResult.Invalidated("reputation_scores", "user-1", false));
    }

    @Test
    void entriesOfUnmappedStreamsInvalidateNothing() {
        PublishResult published = new VerificationEventPublisher(publisher)
                .publishVerificationCompleted("user-1", "id_document", "verified", "admin-1");

        assertThat(invalidator.invalidate(Envelope.parse(entry(published))).isEmpty()).isTrue();
        assertThat(connection.sync().dbsize()).isGreaterThanOrEqualTo(4);
        assertThat(connection.sync().exists("rep:user-1", "user:user-1")).isEqualTo(2);
    }

    @Test
    void anEntryWithoutTheKeyFieldIsSkippedWithTheReason() {
        InvalidationResult result = invalidator.invalidate(PlatformStreams.REPUTATION_EVENTS,
                Map.of("event_type", "review", "event_id", "e-1"));

        assertThat(result.invalidated()).isEmpty();
        assertThat(result.skipped()).singleElement().asString()
                .contains("entry e-1 of reputation.events (review) has no field 'user_id' for cache 'reputation_scores'");
    }

    @Test
    void anEventMappedToSeveralCachesInvalidatesEach() {
        CacheInvalidator wide = new CacheInvalidator(caches, InvalidationMapping.defaults()
                .with(InvalidationRule.of(PlatformStreams.USER_MODE_TRANSITIONS, "mode_transition",
                        PlatformCaches.REPUTATION_SCORES, "user_id")));

        InvalidationResult result = wide.invalidate(PlatformStreams.USER_MODE_TRANSITIONS,
                Map.of("event_type", "mode_transition", "user_id", "user-1"));

        assertThat(result.invalidated()).extracting(InvalidationResult.Invalidated::cache)
                .containsExactly("user_profiles", "reputation_scores");
        assertThat(connection.sync().exists("rep:user-1", "user:user-1")).isZero();
    }

    @Test
    void badInputIsRefusedNamingTheFix() {
        assertThatThrownBy(() -> invalidator.invalidate(" ", Map.of())).isInstanceOf(CacheException.class)
                .hasMessageContaining("stream must not be blank");
        assertThatThrownBy(() -> invalidator.invalidate(Envelope.parse(Map.of("event_type", "review"))))
                .isInstanceOf(CacheException.class).hasMessageContaining("has no stream_name field");
        assertThatThrownBy(() -> new CacheInvalidator(caches, InvalidationMapping.of(
                InvalidationRule.anyEvent("reputation.events", "scores", "user_id"))))
                .isInstanceOf(CacheException.class).hasMessageContaining("names unknown cache 'scores'");
    }

    @Test
    void theInvalidatingGroupIsAddedToTheMappedStreams() {
        StreamCatalog catalog = invalidator.registerGroup(StreamCatalog.builder()).build();

        assertThat(catalog.require("reputation.events").groups()).contains(CacheInvalidator.CONSUMER_GROUP);
        assertThat(catalog.require("user.mode.transitions").groups()).contains("cache_invalidator");
        assertThat(catalog.require("verification.events").groups()).doesNotContain("cache_invalidator");
    }

    @Test
    void anInvalidationByEventReachesTheNearCacheAtOnce() {
        try (StreamsCaches near = StreamsCaches.builder(connection).nearCache(NearCacheOptions.enabled(10)).build()) {
            StreamsCache scores = near.cache(PlatformCaches.REPUTATION_SCORES);
            scores.put("user-1", 50, Duration.ofMinutes(1));
            scores.get("user-1", Integer.class);
            new CacheInvalidator(near, InvalidationMapping.defaults()).invalidate(PlatformStreams.REPUTATION_EVENTS,
                    Map.of("event_type", "review", "user_id", "user-1"));
            assertThat(scores.get("user-1", Integer.class)).isEmpty();
        }
    }

    private Map<String, String> entry(PublishResult result) {
        List<StreamMessage<String, String>> entries = connection.sync()
                .xrange(result.key().key(), Range.create(result.entryId(), result.entryId()));
        assertThat(entries).hasSize(1);
        return entries.get(0).getBody();
    }
}
