package io.valkeystreams.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.valkeystreams.core.admin.StatusReader;
import io.valkeystreams.core.admin.StreamStatus;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.events.ReputationEvent;
import io.valkeystreams.core.events.ReputationEventPublisher;
import io.valkeystreams.core.publish.Publisher;
import io.valkeystreams.test.SpawnedValkeyServer;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample app as a real process, killed with SIGKILL while it consumes and started again: every reputation
 * event is counted exactly once (nothing lost, nothing counted twice) once every group has caught up.
 */
class KillAndRestartIT {

    private static final int USERS = 6;
    private static final String[] FAST_RECOVERY = {"--valkey.streams.consumer.takeover-after=2s",
        "--valkey.streams.consumer.backoff-initial=100ms", "--valkey.streams.consumer.block-timeout=500ms",
        "--valkey.streams.retention.enabled=false"};

    private static SpawnedValkeyServer valkey;
    private static StreamsConnection connection;

    private final JsonMapper json = JsonMapper.builder().build();
    private final SplittableRandom random = new SplittableRandom(7);
    private final Map<String, BigDecimal> expectedScore = new TreeMap<>();
    private final Map<String, Integer> expectedEvents = new TreeMap<>();

    @BeforeAll
    static void startValkey() {
        valkey = SpawnedValkeyServer.start();
        connection = StreamsConnection.connect(valkey.url());
    }

    @AfterAll
    static void stopValkey() {
        connection.close();
        valkey.close();
    }

    @Test
    void killingTheAppWhileItConsumesLosesAndDoubleCountsNothing() throws Exception {
        StreamCatalog catalog = StreamCatalog.platform();
        try (Publisher publisher = Publisher.builder(connection, catalog).build();
             SampleAppProcess first = SampleAppProcess.start(valkey.url(), "kill-restart-first.log", FAST_RECOVERY)) {
            ReputationEventPublisher reputation = new ReputationEventPublisher(publisher);
            first.awaitReady(Duration.ofSeconds(120));

            reputation.publishAll(events(300));
            Awaitility.await("reputation_calculator applying the first burst").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(5)).until(() -> appliedSoFar() > 0);
            first.kill();
            long appliedAtKill = appliedSoFar();
            long pendingAtKill = pending("reputation_calculator");
            assertThat(pendingAtKill).as("entries read but not acknowledged when the app was killed").isPositive();

            reputation.publishAll(events(200));   // published while no consumer runs
            try (SampleAppProcess second = SampleAppProcess.start(valkey.url(), "kill-restart-second.log",
                    FAST_RECOVERY)) {
                second.awaitReady(Duration.ofSeconds(120));
                reputation.publishAll(events(100));

                Awaitility.await("every group caught up: no lag, nothing pending").atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofMillis(250)).until(() -> backlog(catalog) == 0);

                for (String user : expectedScore.keySet()) {
                    HttpResponse<String> response = second.get("/api/users/" + user + "/reputation");
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                    JsonNode body = json.readTree(response.body());
                    assertThat(body.get("score").decimalValue()).as(user).isEqualByComparingTo(expectedScore.get(user));
                    assertThat(body.get("events").asLong()).as(user).isEqualTo(expectedEvents.get(user).longValue());
                    JsonNode trust = json.readTree(second.get("/api/state/trust_level_updater?user_id=" + user).body());
                    assertThat(trust.get("score").decimalValue()).as(user).isEqualByComparingTo(expectedScore.get(user));
                }
                assertThat(valkey.call("XLEN", "reputation.events:dlq")).isEqualTo(0L);
                System.out.printf("kill and restart: %d of 300 applied when killed, %d pending at the kill, "
                        + "%d redeliveries recognised as already applied%n", appliedAtKill, pendingAtKill, duplicates());
            }
        }
    }

    private List<ReputationEvent> events(int count) {
        List<ReputationEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String user = "crash-user-" + random.nextInt(USERS);
            BigDecimal impact = BigDecimal.valueOf(random.nextInt(-500, 1001), 2);
            events.add(ReputationEvent.of(user, impact.signum() < 0 ? "complaint_received" : "exchange_completed",
                    impact.doubleValue(), null, null, null));
            expectedScore.merge(user, impact, BigDecimal::add);
            expectedEvents.merge(user, 1, Integer::sum);
        }
        return events;
    }

    /** Events applied by reputation_calculator so far, read from Valkey. */
    private long appliedSoFar() {
        long applied = 0;
        for (int user = 0; user < USERS; user++) {
            Object events = valkey.call("HGET", "sample:{crash-user-" + user + "}:reputation:score", "events");
            applied += events == null ? 0 : Long.parseLong(events.toString());
        }
        return applied;
    }

    private long duplicates() {
        long duplicates = 0;
        for (int user = 0; user < USERS; user++) {
            Object count = valkey.call("HGET", "sample:{crash-user-" + user + "}:reputation:stats", "duplicates");
            duplicates += count == null ? 0 : Long.parseLong(count.toString());
        }
        return duplicates;
    }

    private long pending(String group) {
        long pending = 0;
        for (int partition = 0; partition < 8; partition++) {
            List<?> summary = (List<?>) valkey.call("XPENDING", "reputation.events:" + partition, group);
            pending += Long.parseLong(String.valueOf(summary.get(0)));
        }
        return pending;
    }

    /** Entries not yet delivered or not yet acknowledged, over every group of every stream (unknown lag counts). */
    private static long backlog(StreamCatalog catalog) {
        long backlog = 0;
        for (StreamStatus stream : new StatusReader(connection).read(catalog)) {
            for (StreamStatus.PartitionStatus partition : stream.partitions()) {
                for (StreamStatus.GroupStatus group : partition.groups()) {
                    backlog += (group.lagEntries() < 0 ? 1 : group.lagEntries()) + group.pending();
                }
            }
        }
        return backlog;
    }
}
