package io.valkeystreams.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.valkeystreams.sample.reputation.ReputationReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/users/{userId}/reputation}: the exact sum of a user's distinct reputation events, whether they
 * came through REST or a raw {@code XADD} written by hand per docs/wire-format.md, each counted once however often
 * it is delivered; served through the {@code reputation_scores} cache and evicted by every applied event.
 */
class ReputationIT extends SampleAppITSupport {

    @Autowired
    CacheManager caches;

    @Test
    void restAndHandWrittenEventsAddUpExactlyAndARedeliveredEventCountsOnce() {
        String user = "user-" + unique();
        for (String impact : List.of("0.1", "0.2", "2.5", "-1.25")) {
            accepted("/api/reputation-events", GroupHandlersIT.reputation(user, "exchange_completed", impact));
        }
        String[] raw = rawReputationEntry(user, UUID.randomUUID().toString(), "7.35");
        VALKEY.call(raw);

        awaitReputation(user, "8.9", 5);
        JsonNode reputation = getJson("/api/users/" + user + "/reputation");
        assertThat(reputation.get("user_id").asString()).isEqualTo(user);
        assertThat(reputation.get("score").isNumber()).isTrue();
        assertThat(reputation.get("score").toString()).isEqualTo("8.9");
        assertThat(reputation.get("trust_level").asString()).isEqualTo("new");

        VALKEY.call(raw);   // the same event again, as a producer retrying its XADD would write it
        awaitState("reputation_calculator", "?user_id=" + user, state ->
                assertThat(state.at("/stats/duplicates").asLong()).isEqualTo(1));
        awaitState("trust_level_updater", "?user_id=" + user, state ->
                assertThat(state.get("score").decimalValue()).isEqualByComparingTo("8.9"));
        awaitReputation(user, "8.9", 5);
        assertThat(String.valueOf(VALKEY.call("XRANGE", "reputation.events:dlq", "-", "+"))).doesNotContain(user);
    }

    @Test
    void theCacheServesReadsUntilAnAppliedEventEvictsTheUser() {
        String user = "user-" + unique();
        accepted("/api/reputation-events", GroupHandlersIT.reputation(user, "exchange_completed", "5"));
        awaitReputation(user, "5", 1);
        assertThat(caches.getCache(ReputationReader.CACHE).get(user)).isNotNull();

        // change the stored score behind the cache's back: reads keep answering from the cache
        VALKEY.call("HINCRBY", "sample:{" + user + "}:reputation:score", "units", "10000");
        assertThat(getJson("/api/users/" + user + "/reputation").get("score").decimalValue()).isEqualByComparingTo("5");

        // an applied event evicts the entry: the next read sees the store (5 + 1 changed by hand + 2)
        accepted("/api/reputation-events", GroupHandlersIT.reputation(user, "exchange_completed", "2"));
        awaitReputation(user, "8", 2);
        assertThat(getJson("/api/users/" + user + "/reputation").get("trust_level").asString()).isEqualTo("new");
    }

    @Test
    void aHandWrittenEventWhoseScoreCannotBeAddedExactlyIsDeadLetteredAndChangesNothing() {
        String user = "user-" + unique();
        accepted("/api/reputation-events", GroupHandlersIT.reputation(user, "exchange_completed", "1"));
        awaitReputation(user, "1", 1);
        String eventId = UUID.randomUUID().toString();
        VALKEY.call(rawReputationEntry(user, eventId, "0.00001"));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(String.valueOf(VALKEY.call("XRANGE", "reputation.events:dlq", "-", "+")))
                        .contains(eventId).contains("reputation_calculator").contains("trust_level_updater")
                        .contains("impact_score may have at most 4 decimal places"));
        assertThat(getJson("/api/users/" + user + "/reputation").get("score").decimalValue()).isEqualByComparingTo("1");
    }

    private void awaitReputation(String user, String score, long events) {
        Awaitility.await(user).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonNode reputation = getJson("/api/users/" + user + "/reputation");
            assertThat(reputation.get("score").decimalValue()).isEqualByComparingTo(score);
            assertThat(reputation.get("events").asLong()).isEqualTo(events);
        });
    }

    /**
     * An {@code XADD} of a reputation event exactly as docs/wire-format.md tells another language's producer to
     * write it: partition by CRC-32 of the user ID, the event's fields in snake_case text, then the metadata.
     */
    static String[] rawReputationEntry(String user, String eventId, String impact) {
        int partition = Crc32Partition.of(user, 8);
        return new String[] {"XADD", "reputation.events:" + partition, "MAXLEN", "~", "125000", "*",
                "user_id", user, "event_type", "exchange_completed", "impact_score", impact,
                "event_id", eventId, "timestamp", Long.toString(Instant.now().getEpochSecond()),
                "stream_name", "reputation.events", "partition", Integer.toString(partition), "priority", "high"};
    }
}
