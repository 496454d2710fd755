package io.valkeystreams.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.valkeystreams.test.SpawnedValkeyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample app in this JVM on a random port, against one spawned valkey-server shared by every subclass (so
 * they share one application context). Tests use their own IDs, so they never see each other's state. When the
 * test run ends, the context is closed while the server still runs, then the server is stopped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(SampleAppITSupport.CloseAtEndOfRun.class)
public abstract class SampleAppITSupport {

    /** The server, stopped at the end of the run. */
    protected static final SpawnedValkeyServer VALKEY = SpawnedValkeyServer.start();

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void valkey(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", VALKEY::url);
        registry.add("valkey.streams.consumer.block-timeout", () -> "200ms");
    }

    /** A short ID unique to this call, for user, group, type and service names. */
    protected static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** POSTs JSON. */
    protected HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** POSTs JSON and expects 202. */
    protected JsonNode accepted(String path, String json) {
        HttpResponse<String> response = post(path, json);
        assertThat(response.statusCode()).as(path + " " + json + " -> " + response.body()).isEqualTo(202);
        return JSON.readTree(response.body());
    }

    /** GETs a path. */
    protected HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /** GETs a path that answers 200 with JSON. */
    protected JsonNode getJson(String path) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Waits (up to 30 s) until a group's state satisfies the assertions. */
    protected void awaitState(String group, String query, Consumer<JsonNode> assertions) {
        Awaitility.await(group).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .untilAsserted(() -> assertions.accept(getJson("/api/state/" + group + query)));
    }

    /** Closes the shared application context, then the server, once every test class of the run is done. */
    static final class CloseAtEndOfRun implements BeforeAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            ConfigurableApplicationContext application =
                    (ConfigurableApplicationContext) SpringExtension.getApplicationContext(context);
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).computeIfAbsent(CloseAtEndOfRun.class,
                    key -> (AutoCloseable) () -> {
                        application.close();
                        VALKEY.close();
                    });
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
