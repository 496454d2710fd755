package io.valkeystreams.core.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.test.ValkeyServer;
import io.valkeystreams.test.ValkeyTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ValkeyTest
class ProvisionerIT {

    private final StreamCatalog catalog = StreamCatalog.platform();
    private StreamsConnection connection;

    @BeforeEach
    void connect(ValkeyServer server) {
        connection = StreamsConnection.connect(server.url());
    }

    @AfterEach
    void close() {
        connection.close();
    }

    @Test
    void anEmptyServerGetsAllTwentyNineKeysWithExactlyTheSeedGroupsAndNoEntries() {
        ProvisionReport report = new Provisioner(connection).provision(catalog);

        assertThat(report.createdKeys()).hasSize(29);
        assertThat(report.existingKeys()).isEmpty();
        assertThat(report.existingGroups()).isEmpty();
        assertThat(connection.sync().dbsize()).isEqualTo(29);
        for (StreamDefinition definition : catalog.streams()) {
            for (StreamKey key : definition.keys()) {
                assertThat(connection.sync().type(key.key())).isEqualTo("stream");
                assertThat(connection.sync().xlen(key.key())).as(key.key()).isZero();
                assertThat(groupsOf(key.key())).as(key.key()).isEqualTo(new TreeSet<>(definition.groups()));
                assertThat(groupInfo(key.key()).values()).allSatisfy(lastId -> assertThat(lastId).isEqualTo("0-0"));
            }
        }
    }

    @Test
    void runningAgainChangesNothing() {
        Provisioner provisioner = new Provisioner(connection);
        provisioner.provision(catalog);

        ProvisionReport second = provisioner.provision(catalog);

        assertThat(second.unchanged()).isTrue();
        assertThat(second.existingKeys()).hasSize(29);
        assertThat(connection.sync().dbsize()).isEqualTo(29);
    }

    @Test
    void fourInstancesAtOnceCreateEachGroupExactlyOnce(ValkeyServer server) throws Exception {
        int instances = 4;
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ProvisionReport>> reports = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                reports.add(pool.submit(() -> {
                    try (StreamsConnection own = StreamsConnection.connect(server.url())) {
                        start.await();
                        return new Provisioner(own).provision(catalog);
                    }
                }));
            }
            start.countDown();
            int createdGroups = 0;
            for (Future<ProvisionReport> report : reports) {
                createdGroups += report.get().createdGroups().size();
            }
            int expected = catalog.streams().stream().mapToInt(d -> d.partitions() * d.groups().size()).sum();
            assertThat(createdGroups).isEqualTo(expected);
        } finally {
            pool.shutdownNow();
        }
        assertThat(connection.sync().dbsize()).isEqualTo(29);
        assertThat(catalog.keys()).allSatisfy(key -> assertThat(connection.sync().xlen(key.key())).isZero());
    }

    @Test
    void existingEntriesAndGroupsAreKeptAndMissingGroupsAdded() {
        connection.sync().xadd("user.mode.transitions", Map.of("event_type", "mode_transition"));
        new Provisioner(connection).provision(catalog);

        assertThat(connection.sync().xlen("user.mode.transitions")).isEqualTo(1);
        assertThat(groupsOf("user.mode.transitions"))
                .containsExactly("analytics_service", "notification_service", "reputation_service");
    }

    @Test
    void aWrongTypeKeyFailsNamingKeyAndTypeAndNothingIsCreated() {
        connection.sync().set("verification.events:1", "oops");

        assertThatThrownBy(() -> new Provisioner(connection).provision(catalog))
                .isInstanceOf(WrongKeyTypeException.class)
                .hasMessageContaining("key 'verification.events:1' holds a string, not a stream");
        assertThat(connection.sync().dbsize()).isEqualTo(1);
    }

    private TreeSet<String> groupsOf(String key) {
        return new TreeSet<>(groupInfo(key).keySet());
    }

    private Map<String, String> groupInfo(String key) {
        return connection.sync().xinfoGroups(key).stream()
                .map(StatusReader::pairs)
                .collect(Collectors.toMap(m -> String.valueOf(m.get("name")), m -> String.valueOf(m.get("last-delivered-id"))));
    }
}
