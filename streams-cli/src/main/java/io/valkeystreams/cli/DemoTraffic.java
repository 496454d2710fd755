package io.valkeystreams.cli;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The demo's request mix over the sample app's seven endpoints, and the reputation sums it expects. */
final class DemoTraffic {

    /** One REST call. */
    record Request(String path, String json, String userId, BigDecimal impact) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] MODES = {"individual", "group", "neighborhood"};

    private final SplittableRandom random = new SplittableRandom(42);
    private final int users;
    private final Map<String, BigDecimal> expected = new ConcurrentHashMap<>();
    private final LongAdder accepted = new LongAdder();

    DemoTraffic(int users) {
        this.users = users;
    }

    Request next() {
        String user = "demo-user-" + random.nextInt(users);
        int pick = random.nextInt(100);
        if (pick < 40) {
            BigDecimal impact = BigDecimal.valueOf(random.nextInt(-400, 1001), 2);
            return new Request("/api/reputation-events", "{\"user_id\":\"" + user + "\",\"event_type\":\""
                    + (impact.signum() < 0 ? "complaint_received" : "exchange_completed") + "\",\"impact_score\":"
                    + impact.toPlainString() + "}", user, impact);
        }
        if (pick < 48) {
            return new Request("/api/mode-transitions", "{\"user_id\":\"" + user + "\",\"from_mode\":\""
                    + MODES[random.nextInt(3)] + "\",\"to_mode\":\"" + MODES[random.nextInt(3)] + "\"}", null, null);
        }
        if (pick < 55) {
            return new Request("/api/verification-events", "{\"user_id\":\"" + user + "\",\"event_type\":\""
                    + (random.nextInt(10) == 0 ? "verification_failed" : "verification_completed")
                    + "\",\"verification_type\":\"phone\",\"status\":\"approved\"}", null, null);
        }
        if (pick < 65) {
            return new Request("/api/group-activities", "{\"group_id\":\"group-" + random.nextInt(10)
                    + "\",\"event_type\":\"" + (random.nextBoolean() ? "food_shared" : "partnership_requested")
                    + "\",\"actor_user_id\":\"" + user + "\",\"details\":{\"items\":" + random.nextInt(1, 5) + "}}",
                    null, null);
        }
        if (pick < 85) {
            return new Request("/api/analytics/behavior", "{\"user_id\":\"" + user + "\",\"event_type\":\"page_view\","
                    + "\"event_category\":\"navigation\",\"properties\":{\"screen\":\"s" + random.nextInt(8) + "\"}}",
                    null, null);
        }
        if (pick < 93) {
            return new Request("/api/analytics/business-events", "{\"event_type\":\"purchase\",\"account_id\":\"acct-"
                    + random.nextInt(20) + "\",\"amount\":" + BigDecimal.valueOf(random.nextInt(100, 10_000), 2)
                    + ",\"currency\":\"EUR\"}", null, null);
        }
        return new Request("/api/analytics/platform-metrics", "{\"service\":\"api-" + random.nextInt(3)
                + "\",\"metric_name\":\"latency_ms\",\"value\":" + random.nextInt(5, 400) + ",\"unit\":\"ms\"}", null, null);
    }

    /** Counts an accepted request; called from the HTTP client's threads. */
    void accepted(Request request) {
        accepted.increment();
        if (request.userId() != null) {
            expected.merge(request.userId(), request.impact(), BigDecimal::add);
        }
    }

    long acceptedCount() {
        return accepted.sum();
    }

    int userCount() {
        return expected.size();
    }

    /** Asks the app for every user's score; returns how many equal the sum of what was published. */
    int verifyScores(HttpClient http, URI app) throws Exception {
        int exact = 0;
        for (Map.Entry<String, BigDecimal> user : expected.entrySet()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    app.resolve("/api/users/" + user.getKey() + "/reputation")).timeout(Duration.ofSeconds(10)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                continue;
            }
            JsonNode body = JSON.readTree(response.body());
            if (body.get("score") != null && body.get("score").decimalValue().compareTo(user.getValue()) == 0) {
                exact++;
            }
        }
        return exact;
    }
}
