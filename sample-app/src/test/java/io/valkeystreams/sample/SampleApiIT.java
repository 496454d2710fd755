package io.valkeystreams.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class SampleApiIT extends SampleAppITSupport {

    @Test
    void everyStreamAcceptsGoodInputWithWhereItWasWritten() throws Exception {
        assertAccepted("/api/reputation-events",
                "{\"user_id\":\"user-1\",\"event_type\":\"exchange_completed\",\"impact_score\":3.5}", "reputation.events:4", 4);
        assertAccepted("/api/mode-transitions",
                "{\"user_id\":\"user-1\",\"from_mode\":\"individual\",\"to_mode\":\"neighborhood\"}", "user.mode.transitions", 0);
        assertAccepted("/api/verification-events", "{\"user_id\":\"user-1\",\"event_type\":\"verification_completed\","
                + "\"verification_type\":\"phone\",\"status\":\"approved\"}", "verification.events:", -1);
        assertAccepted("/api/group-activities", "{\"group_id\":\"group-42\",\"event_type\":\"food_shared\","
                + "\"details\":{\"dish\":\"soup\"}}", "group.mode.activities:", -1);
        assertAccepted("/api/analytics/behavior", "{\"user_id\":\"user-1\",\"event_type\":\"page_view\","
                + "\"event_category\":\"navigation\",\"properties\":{\"screen\":\"home\"}}", "analytics.user.behavior:", -1);
        assertAccepted("/api/analytics/business-events", "{\"event_type\":\"subscription_started\",\"account_id\":\"a-1\","
                + "\"amount\":9.90,\"currency\":\"EUR\"}", "analytics.business.events:", -1);
        assertAccepted("/api/analytics/platform-metrics", "{\"service\":\"api\",\"metric_name\":\"latency_ms\","
                + "\"value\":12.5}", "analytics.platform.metrics:", -1);
        String behavior = String.valueOf(VALKEY.call("XRANGE", "analytics.user.behavior:"
                + io.valkeystreams.core.publish.Partitioner.partitionOf(new io.valkeystreams.core.events.UserHasher(
                "sample-app-demo-secret-change-me".getBytes()).hash("user-1"), 4), "-", "+"));
        assertThat(behavior).contains("user_hash").doesNotContain("user-1");
    }

    @Test
    void badInputIsRefusedWithTheReason() throws Exception {
        assertBadRequest("/api/reputation-events", "{\"user_id\":\"u\",\"event_type\":\"x\"}", "impact_score is required");
        assertBadRequest("/api/reputation-events", "{\"user_id\":\" \",\"event_type\":\"x\",\"impact_score\":1}",
                "user_id is required");
        assertBadRequest("/api/mode-transitions", "{\"user_id\":\"u\",\"from_mode\":\"a\"}", "to_mode is required");
        assertBadRequest("/api/mode-transitions", "{broken", "not valid JSON");
        assertBadRequest("/api/analytics/behavior", "{\"event_type\":\"x\",\"event_category\":\"y\"}",
                "exactly one of user_id");
        assertBadRequest("/api/analytics/business-events", "{\"event_type\":\"x\",\"amount\":1,\"currency\":\"euro\"}",
                "currency must be a three-letter");
        assertBadRequest("/api/analytics/platform-metrics", "{\"service\":\"api\",\"metric_name\":\"m\"}",
                "value is required");
        assertBadRequest("/api/verification-events", "{\"user_id\":\"u\",\"event_type\":\"verification_completed\"}",
                "verification_type is required");
        assertBadRequest("/api/group-activities", "{\"event_type\":\"x\"}", "group_id is required");
    }

    @Test
    void badInputForTheNewEndpointsIsRefusedWithTheReason() throws Exception {
        assertStatus(get("/api/users/%20/reputation"), 400, "user_id must not be blank");
        assertStatus(get("/api/users/never-seen-" + unique() + "/reputation"), 404, "no reputation events for user");
        assertStatus(get("/api/state/no_such_group"), 404, "unknown consumer group 'no_such_group'; known groups: "
                + "admin_service, alert_manager, analytics_service");
        assertStatus(get("/api/state/reputation_calculator"), 400, "keeps its state per user: add ?user_id=");
        assertBadRequest("/api/reputation-events", "{\"user_id\":\"u\",\"event_type\":\"x\",\"impact_score\":1.00001}",
                "impact_score may have at most 4 decimal places, was 1.00001");
        assertBadRequest("/api/reputation-events", "{\"user_id\":\"u\",\"event_type\":\"x\",\"impact_score\":2e9}",
                "impact_score must be between -1000000000 and 1000000000");
        assertBadRequest("/api/analytics/business-events", "{\"event_type\":\"x\",\"amount\":1.23456,"
                + "\"currency\":\"EUR\"}", "amount may have at most 4 decimal places, was 1.23456");
    }

    private void assertStatus(HttpResponse<String> response, int status, String reason) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).startsWith("{\"error\":").contains(reason);
    }

    private void assertAccepted(String path, String json, String keyPrefix, int partition) throws Exception {
        HttpResponse<String> response = post(path, json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(response.body()).contains("\"stream\":\"" + keyPrefix).contains("\"id\":\"");
        if (partition >= 0) {
            assertThat(response.body()).contains("\"partition\":" + partition);
        }
    }

    private void assertBadRequest(String path, String json, String reason) throws Exception {
        HttpResponse<String> response = post(path, json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains(reason);
    }
}
