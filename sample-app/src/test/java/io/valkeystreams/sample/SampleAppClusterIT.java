package io.valkeystreams.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.valkeystreams.test.ValkeyCluster;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole sample app on a three-master Valkey Cluster, configured only through
 * {@code spring.data.redis.cluster.nodes}: published events are consumed and every user's score is exact, with the
 * users' scores on several shards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class SampleAppClusterIT {

    private static final ValkeyCluster CLUSTER = ValkeyCluster.start();

    /** Stops the cluster when the run ends, after this class's context was closed (with the cluster still up). */
    @RegisterExtension
    static final BeforeAllCallback STOP_CLUSTER_AT_END = context -> context.getRoot()
            .getStore(ExtensionContext.Namespace.GLOBAL)
            .computeIfAbsent(SampleAppClusterIT.class, key -> (AutoCloseable) CLUSTER::close);

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void cluster(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.cluster.nodes", () -> CLUSTER.masters().stream()
                .map(node -> node.host() + ":" + node.port()).collect(Collectors.joining(",")));
        registry.add("valkey.streams.consumer.block-timeout", () -> "200ms");
    }

    @Test
    void reputationIsExactForUsersOnEveryShard() throws Exception {
        List<String> users = List.of("ann", "bob", "cyd", "dan", "eve", "fay");
        Set<String> shards = new HashSet<>();
        for (String user : users) {
            shards.add(CLUSTER.masterFor("sample:{" + user + "}:reputation:score").id());
            for (String impact : List.of("1.25", "2.5", "-0.75", "0.01")) {
                HttpResponse<String> response = post("/api/reputation-events", "{\"user_id\":\"" + user
                        + "\",\"event_type\":\"exchange_completed\",\"impact_score\":" + impact + "}");
                assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            }
        }
        assertThat(shards).hasSizeGreaterThan(1);
        for (String user : users) {
            Awaitility.await(user).atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
                JsonNode reputation = json.readTree(get("/api/users/" + user + "/reputation").body());
                assertThat(reputation.get("score").decimalValue()).isEqualByComparingTo(new BigDecimal("3.01"));
                assertThat(reputation.get("events").asLong()).isEqualTo(4);
            });
        }
        Awaitility.await("trust_level_updater").atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                assertThat(json.readTree(get("/api/state/trust_level_updater").body())
                        .at("/users_per_level/new").asLong()).isEqualTo(users.size()));
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
