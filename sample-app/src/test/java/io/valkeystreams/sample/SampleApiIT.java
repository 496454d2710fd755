package io.valkeystreams.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.valkeystreams.test.SpawnedValkeyServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleApiIT {

    static final SpawnedValkeyServer VALKEY = SpawnedValkeyServer.start();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void valkey(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", VALKEY::url);
    }

    @AfterAll
    static void stop() {
        VALKEY.close();
    }

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

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
