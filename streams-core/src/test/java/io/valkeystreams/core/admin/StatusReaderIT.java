package io.valkeystreams.core.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.Consumer;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XReadArgs;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.test.ValkeyServer;
import io.valkeystreams.test.ValkeyTest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ValkeyTest
class StatusReaderIT {

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
    void beforeProvisioningEveryKeyIsReportedMissing() {
        List<StreamStatus> status = new StatusReader(connection).read(catalog);
        assertThat(status).hasSize(7);
        assertThat(status).flatMap(StreamStatus::partitions).hasSize(29)
                .allSatisfy(p -> assertThat(p.exists()).isFalse());
    }

    @Test
    void lengthsLagPendingAndDeadLettersAreReported() {
        new Provisioner(connection).provision(catalog);
        Instant now = Instant.parse("2026-12-04T12:00:00Z");
        for (int i = 0; i < 3; i++) {
            connection.sync().xadd("user.mode.transitions", new XAddArgs().id((now.toEpochMilli() - 10_000 + i) + "-0"),
                    Map.of("event_type", "mode_transition"));
        }
        connection.sync().xreadgroup(Consumer.from("notification_service", "c1"), XReadArgs.Builder.count(1),
                XReadArgs.StreamOffset.lastConsumed("user.mode.transitions"));
        connection.sync().xadd("user.mode.transitions:dlq", Map.of("dlq_group", "notification_service"));

        StreamStatus status = new StatusReader(connection, Clock.fixed(now, ZoneOffset.UTC))
                .read(catalog.require("user.mode.transitions"));

        assertThat(status.deadLetters()).isEqualTo(1);
        StreamStatus.PartitionStatus partition = status.partitions().get(0);
        assertThat(partition.length()).isEqualTo(3);
        StreamStatus.GroupStatus notification = partition.groups().stream()
                .filter(g -> g.group().equals("notification_service")).findFirst().orElseThrow();
        assertThat(notification.pending()).isEqualTo(1);
        assertThat(notification.consumers()).isEqualTo(1);
        assertThat(notification.lagEntries()).isEqualTo(2);
        assertThat(notification.lagSeconds()).isEqualTo(9.999);
        StreamStatus.GroupStatus analytics = partition.groups().stream()
                .filter(g -> g.group().equals("analytics_service")).findFirst().orElseThrow();
        assertThat(analytics.lagEntries()).isEqualTo(3);
        assertThat(analytics.lagSeconds()).isEqualTo(10.0);
    }

    @Test
    void entriesTrimmedBeforeAGroupReadThemAreCountedAsLostToIt() {
        new Provisioner(connection).provision(catalog);
        for (int i = 0; i < 10; i++) {
            connection.sync().xadd("user.mode.transitions", Map.of("event_type", "mode_transition", "n", "" + i));
        }
        connection.sync().xreadgroup(Consumer.from("notification_service", "c1"), XReadArgs.Builder.count(10),
                XReadArgs.StreamOffset.lastConsumed("user.mode.transitions"));
        connection.sync().xtrim("user.mode.transitions", false, 4);

        StreamStatus.PartitionStatus partition = new StatusReader(connection)
                .read(catalog.require("user.mode.transitions")).partitions().get(0);

        assertThat(partition.length()).isEqualTo(4);
        assertThat(partition.groups()).filteredOn(g -> g.group().equals("analytics_service"))
                .singleElement().satisfies(g -> assertThat(g.trimmedUnread()).isEqualTo(6));
        assertThat(partition.groups()).filteredOn(g -> g.group().equals("notification_service"))
                .singleElement().satisfies(g -> assertThat(g.trimmedUnread()).isZero());
    }

    @Test
    void entryIdsAreOrderedNumerically() {
        assertThat(StatusReader.compareIds("9-0", "10-0")).isNegative();
        assertThat(StatusReader.compareIds("10-2", "10-10")).isNegative();
        assertThat(StatusReader.compareIds("10-2", "10-2")).isZero();
    }
}
