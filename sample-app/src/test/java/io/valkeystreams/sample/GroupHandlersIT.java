package io.valkeystreams.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every one of the 20 seed groups handles what is published through REST and shows it in its state
 * ({@code GET /api/state/{group}}); a re-published entry (same event_id) changes no group's state twice.
 */
class GroupHandlersIT extends SampleAppITSupport {

    @Test
    void reputationEventsReachTheCalculatorTheTrustLevelUpdaterAndAnalytics() {
        String user = "user-" + unique();
        String type = "exchange_completed_" + unique();
        accepted("/api/reputation-events", reputation(user, "complaint_received", "-2.25"));
        accepted("/api/reputation-events", reputation(user, type, "12.5"));

        awaitState("reputation_calculator", "?user_id=" + user, state -> {
            assertThat(state.get("score").decimalValue()).isEqualByComparingTo("10.25");
            assertThat(state.get("events").asLong()).isEqualTo(2);
            assertThat(state.get("last_event_type").asString()).isEqualTo(type);
        });
        awaitState("trust_level_updater", "?user_id=" + user, state -> {
            assertThat(state.get("score").decimalValue()).isEqualByComparingTo("10.25");
            assertThat(state.get("trust_level").asString()).isEqualTo("trusted");
            assertThat(changesOf(state, user)).containsExactly("restricted->trusted", "none->restricted");
        });
        awaitState("analytics_service", "", state ->
                assertThat(state.at("/reputation_events_by_type/" + type).asLong()).isEqualTo(1));
    }

    @Test
    void modeTransitionsReachTheReputationNotificationAndAnalyticsServices() {
        String user = "user-" + unique();
        String mode = "mode_" + unique();
        accepted("/api/mode-transitions", "{\"user_id\":\"" + user + "\",\"from_mode\":\"individual\","
                + "\"to_mode\":\"neighborhood\"}");
        accepted("/api/mode-transitions", "{\"user_id\":\"" + user + "\",\"from_mode\":\"neighborhood\","
                + "\"to_mode\":\"" + mode + "\"}");

        awaitState("reputation_service", "?user_id=" + user, state -> {
            assertThat(state.get("mode").asString()).isEqualTo(mode);
            assertThat(state.at("/transitions/neighborhood->" + mode).asLong()).isEqualTo(1);
            assertThat(state.get("reverification_required").asLong()).isPositive();
        });
        awaitState("notification_service", "?user_id=" + user, state -> {
            List<String> kinds = new ArrayList<>();
            state.get("outbox").forEach(notification -> kinds.add(notification.get("kind").asString()));
            assertThat(kinds).containsExactly("mode_changed", "reverification_required");
            assertThat(state.at("/outbox/1/text").asString()).contains("verify your address again");
        });
        awaitState("analytics_service", "", state ->
                assertThat(state.at("/mode_transitions_by_target/" + mode).asLong()).isEqualTo(1));
    }

    @Test
    void verificationEventsReachTheUserTrustAndAdminServices() {
        String user = "user-" + unique();
        String phone = "phone_" + unique();
        accepted("/api/verification-events", "{\"user_id\":\"" + user + "\",\"event_type\":\"verification_completed\","
                + "\"verification_type\":\"" + phone + "\",\"status\":\"approved\"}");
        accepted("/api/verification-events", "{\"user_id\":\"" + user + "\",\"event_type\":\"verification_failed\","
                + "\"verification_type\":\"address\",\"status\":\"rejected\",\"reason\":\"letter returned\"}");

        awaitState("user_service", "?user_id=" + user, state -> {
            assertThat(state.at("/verifications/" + phone).asString()).isEqualTo("approved");
            assertThat(state.at("/verifications/address").asString()).isEqualTo("rejected");
        });
        awaitState("trust_service", "", state -> {
            assertThat(state.at("/outcomes/" + phone + "~1verification_completed").asLong()).isEqualTo(1);
            assertThat(state.get("verified_users").asLong()).isPositive();
        });
        awaitState("admin_service", "", state -> {
            List<String> reviewed = new ArrayList<>();
            state.get("review_queue").forEach(item -> reviewed.add(item.get("user_id").asString() + " "
                    + item.get("verification_type").asString() + " " + item.get("reason").asString()));
            assertThat(reviewed).contains(user + " address letter returned").doesNotContain(user + " " + phone);
        });
    }

    @Test
    void groupActivitiesReachFoodDiscoveryAndPartnershipsByEventType() {
        String group = "group-" + unique();
        accepted("/api/group-activities", "{\"group_id\":\"" + group + "\",\"event_type\":\"food_shared\","
                + "\"actor_user_id\":\"u-7\",\"details\":{\"dish\":\"soup\"}}");
        accepted("/api/group-activities", "{\"group_id\":\"" + group + "\",\"event_type\":\"partnership_requested\"}");
        accepted("/api/group-activities", "{\"group_id\":\"" + group + "\",\"event_type\":\"partnership_accepted\"}");

        awaitState("partnership_service", "", state -> {
            assertThat(state.at("/by_group/" + group + "~1partnership_requested").asLong()).isEqualTo(1);
            assertThat(state.at("/by_group/" + group + "~1partnership_accepted").asLong()).isEqualTo(1);
            assertThat(state.at("/by_group/" + group + "~1food_shared").isMissingNode()).isTrue();
        });
        awaitState("food_discovery_service", "", state -> {
            assertThat(state.at("/shared_by_group/" + group).asLong()).isEqualTo(1);
            assertThat(state.at("/latest_share/" + group + "/details/dish").asString()).isEqualTo("soup");
            assertThat(state.at("/latest_share/" + group + "/actor_user_id").asString()).isEqualTo("u-7");
        });
    }

    @Test
    void behaviorEventsReachTheAnalyzerRecommendationsAndRetention() {
        String category = "cat_" + unique();
        for (int i = 0; i < 3; i++) {
            accepted("/api/analytics/behavior", "{\"user_id\":\"user-" + i + "\",\"event_type\":\"page_view\","
                    + "\"event_category\":\"" + category + "\",\"properties\":{\"screen\":\"offers\"}}");
        }
        // retention counts by the event's own timestamp: two users on one day, one of them again the next day
        String hashA = "hash-" + unique();
        String hashB = "hash-" + unique();
        long day1 = Instant.parse("2090-01-01T10:00:00Z").getEpochSecond();
        long day2 = Instant.parse("2090-01-02T10:00:00Z").getEpochSecond();
        rawBehavior(hashA, day1);
        rawBehavior(hashB, day1);
        rawBehavior(hashA, day2);

        awaitState("behavior_analyzer", "", state ->
                assertThat(state.at("/by_category_type/" + category + "~1page_view").asLong()).isEqualTo(3));
        awaitState("recommendation_engine", "", state ->
                assertThat(state.at("/recommended/" + category + "~1offers").asLong()).isEqualTo(3));
        awaitState("retention_calculator", "", state -> {
            assertThat(state.at("/days/2090-01-01/active").asLong()).isEqualTo(2);
            assertThat(state.at("/days/2090-01-02/active").asLong()).isEqualTo(1);
            assertThat(state.at("/days/2090-01-02/returning").asLong()).isEqualTo(1);
        });
    }

    @Test
    void businessEventsReachRevenueGrowthAndForecastAsExactDecimals() {
        String currency = currency();
        String type = "purchase_" + unique();
        String account = "acct-" + unique();
        for (String amount : List.of("9.99", "0.01", "10.1")) {
            accepted("/api/analytics/business-events", "{\"event_type\":\"" + type + "\",\"account_id\":\"" + account
                    + "\",\"amount\":" + amount + ",\"currency\":\"" + currency + "\"}");
        }

        awaitState("revenue_tracker", "", state -> {
            assertThat(state.at("/revenue/" + currency).decimalValue()).isEqualByComparingTo("20.1");
            assertThat(state.at("/events_by_type/" + type).asLong()).isEqualTo(3);
        });
        awaitState("growth_analyzer", "", state -> {
            long counted = 0;
            for (var day = state.get("daily").properties().iterator(); day.hasNext(); ) {
                var entry = day.next();
                counted += entry.getKey().endsWith("/" + type) ? entry.getValue().asLong() : 0;
            }
            assertThat(counted).isEqualTo(3);
            assertThat(state.get("distinct_accounts").asLong()).isPositive();
        });
        awaitState("forecast_engine", "", state -> {
            BigDecimal total = BigDecimal.ZERO;
            for (JsonNode day : state.at("/daily_revenue/" + currency)) {
                total = total.add(day.decimalValue());
            }
            assertThat(total).isEqualByComparingTo("20.1");
            assertThat(state.at("/forecast_next_30_days/" + currency).decimalValue()).isPositive();
        });
    }

    @Test
    void platformMetricsReachPerformanceCapacityAndAlerts() {
        String service = "svc-" + unique();
        for (String value : List.of("120", "480.5", "90")) {
            accepted("/api/analytics/platform-metrics", "{\"service\":\"" + service + "\",\"metric_name\":\"latency_ms\","
                    + "\"value\":" + value + ",\"unit\":\"ms\"}");
        }

        awaitState("performance_monitor", "", state -> {
            assertThat(state.at("/samples/" + service + "~1latency_ms").asLong()).isEqualTo(3);
            assertThat(state.at("/max/" + service + "~1latency_ms").asDouble()).isEqualTo(480.5);
        });
        awaitState("capacity_planner", "", state -> {
            List<Double> peaks = new ArrayList<>();
            state.get("hourly_peak").properties().forEach(peak -> {
                if (peak.getKey().startsWith(service + "/latency_ms/")) {
                    peaks.add(peak.getValue().asDouble());
                }
            });
            assertThat(peaks).isNotEmpty().contains(480.5);
        });
        awaitState("alert_manager", "", state -> {
            assertThat(state.at("/alerts_by_service/" + service).asLong()).isEqualTo(1);
            assertThat(state.at("/recent_alerts/0/service").asString()).isEqualTo(service);
            assertThat(state.at("/recent_alerts/0/value").asDouble()).isEqualTo(480.5);
            assertThat(state.at("/recent_alerts/0/threshold").asDouble()).isEqualTo(250.0);
        });
    }

    @Test
    void aRepublishedEntryWithTheSameEventIdChangesNoGroupTwice() {
        String currency = currency();
        JsonNode written = accepted("/api/analytics/business-events", "{\"event_type\":\"refund_" + unique()
                + "\",\"amount\":5.55,\"currency\":\"" + currency + "\"}");
        awaitState("revenue_tracker", "", state ->
                assertThat(state.at("/revenue/" + currency).decimalValue()).isEqualByComparingTo("5.55"));
        long[] duplicatesBefore = {duplicates("revenue_tracker"), duplicates("growth_analyzer"),
                duplicates("forecast_engine")};

        String key = written.get("stream").asString();
        String id = written.get("id").asString();
        List<String> again = new ArrayList<>(List.of("XADD", key, "*"));
        again.addAll(fieldsOf(key, id));
        VALKEY.call(again.toArray(String[]::new));

        awaitState("revenue_tracker", "", state ->
                assertThat(state.at("/stats/duplicates").asLong()).isEqualTo(duplicatesBefore[0] + 1));
        awaitState("growth_analyzer", "", state ->
                assertThat(state.at("/stats/duplicates").asLong()).isEqualTo(duplicatesBefore[1] + 1));
        awaitState("forecast_engine", "", state ->
                assertThat(state.at("/stats/duplicates").asLong()).isEqualTo(duplicatesBefore[2] + 1));
        assertThat(getJson("/api/state/revenue_tracker").at("/revenue/" + currency).decimalValue())
                .isEqualByComparingTo("5.55");
        BigDecimal forecastDays = BigDecimal.ZERO;
        for (JsonNode day : getJson("/api/state/forecast_engine").at("/daily_revenue/" + currency)) {
            forecastDays = forecastDays.add(day.decimalValue());
        }
        assertThat(forecastDays).isEqualByComparingTo("5.55");
    }

    static String reputation(String user, String type, String impact) {
        return "{\"user_id\":\"" + user + "\",\"event_type\":\"" + type + "\",\"impact_score\":" + impact + "}";
    }

    private static List<String> changesOf(JsonNode state, String user) {
        List<String> changes = new ArrayList<>();
        state.get("recent_changes").forEach(change -> {
            if (user.equals(change.get("user_id").asString())) {
                changes.add(change.get("from").asString() + "->" + change.get("to").asString());
            }
        });
        return changes;
    }

    private long duplicates(String group) {
        return getJson("/api/state/" + group).at("/stats/duplicates").asLong();
    }

    @SuppressWarnings("unchecked")
    private static List<String> fieldsOf(String key, String id) {
        List<Object> entries = (List<Object>) VALKEY.call("XRANGE", key, id, id);
        List<Object> entry = (List<Object>) entries.get(0);
        return ((List<Object>) entry.get(1)).stream().map(String::valueOf).toList();
    }

    /** A behaviour entry written by hand with the given timestamp, per docs/wire-format.md. */
    private static void rawBehavior(String userHash, long timestamp) {
        int partition = Crc32Partition.of(userHash, 4);
        VALKEY.call("XADD", "analytics.user.behavior:" + partition, "MAXLEN", "~", "125000", "*",
                "user_hash", userHash, "event_type", "app_open", "event_category", "session", "properties", "{}",
                "platform", "telegram", "event_id", UUID.randomUUID().toString(),
                "timestamp", Long.toString(timestamp), "stream_name", "analytics.user.behavior",
                "partition", Integer.toString(partition), "priority", "low");
    }

    /** A three-letter code no other test uses (revenue is kept per currency). */
    private static String currency() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "Z" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
    }
}
