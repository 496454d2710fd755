package io.valkeystreams.core.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.XAddArgs;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.connection.CommandException;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.test.ValkeyServer;
import io.valkeystreams.test.ValkeyTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ValkeyTest
class RetentionIT {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    private final StreamCatalog catalog = StreamCatalog.platform();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private StreamsConnection connection;

    @BeforeEach
    void connect(ValkeyServer server) {
        connection = StreamsConnection.connect(server.url());
        new Provisioner(connection).provision(catalog);
    }

    @AfterEach
    void close() {
        connection.close();
    }

    @Test
    void anEntryOlderThanTheRetentionIsRemovedAndAYoungerOneStays() {
        // group.mode.activities keeps 7 days
        addAt("group.mode.activities:2", NOW.minus(Duration.ofDays(8)), "old");
        addAt("group.mode.activities:2", NOW.minus(Duration.ofDays(6)), "young");
        // reputation.events keeps 365 days: an 8-day-old entry stays there
        addAt("reputation.events:0", NOW.minus(Duration.ofDays(8)), "kept");

        TrimReport report = new RetentionTrimmer(connection, clock).trim(catalog, TrimMode.EXACT);

        assertThat(report.totalRemoved()).isEqualTo(1);
        assertThat(report.keys()).filteredOn(k -> k.key().equals("group.mode.activities:2"))
                .singleElement().satisfies(k -> {
                    assertThat(k.removed()).isEqualTo(1);
                    assertThat(k.minId()).isEqualTo(NOW.minus(Duration.ofDays(7)).toEpochMilli() + "-0");
                });
        assertThat(connection.sync().xrange("group.mode.activities:2", io.lettuce.core.Range.create("-", "+")))
                .extracting(m -> m.getBody().get("v")).containsExactly("young");
        assertThat(connection.sync().xlen("reputation.events:0")).isEqualTo(1);
    }

    @Test
    void deadLetterStreamsFollowTheirBaseStreamsRetention() {
        addAt("analytics.platform.metrics:dlq", NOW.minus(Duration.ofDays(30)), "old-dead");
        addAt("analytics.platform.metrics:dlq", NOW.minus(Duration.ofHours(1)), "fresh-dead");

        new RetentionTrimmer(connection, clock).trim(catalog, TrimMode.EXACT);

        assertThat(connection.sync().xlen("analytics.platform.metrics:dlq")).isEqualTo(1);
    }

    @Test
    void approximateTrimmingRemovesWholeOldNodesOnly() {
        for (int i = 0; i < 500; i++) {
            addAt("analytics.platform.metrics:0", NOW.minus(Duration.ofDays(20)).plusMillis(i), "old");
        }
        addAt("analytics.platform.metrics:0", NOW, "new");

        TrimReport report = new RetentionTrimmer(connection, clock).trim(catalog, TrimMode.APPROXIMATE);

        assertThat(report.totalRemoved()).isPositive().isLessThanOrEqualTo(500);
        assertThat(connection.sync().xlen("analytics.platform.metrics:0")).isGreaterThanOrEqualTo(1);
        assertThat(connection.sync().xrevrange("analytics.platform.metrics:0", io.lettuce.core.Range.create("-", "+"),
                io.lettuce.core.Limit.from(1))).extracting(m -> m.getBody().get("v")).containsExactly("new");
    }

    @Test
    void theScheduleTrimsByItselfAndReportsWhatItRemoved() {
        addAt("group.mode.activities:0", Instant.now().minus(Duration.ofDays(30)), "old");
        List<TrimReport> reports = new CopyOnWriteArrayList<>();
        StreamCatalog one = StreamCatalog.emptyBuilder()
                .register(catalog.require("group.mode.activities")).build();
        try (RetentionScheduler scheduler = new RetentionScheduler(new RetentionTrimmer(connection), one,
                Duration.ofMillis(50), reports::add)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> connection.sync().xlen("group.mode.activities:0") == 0);
            await().atMost(Duration.ofSeconds(10)).until(() -> reports.stream().mapToLong(TrimReport::totalRemoved).sum() == 1);
        }
    }

    @Test
    void aWrongTypeKeyFailsTheTrimWithTheKeyNamed() {
        StreamDefinition other = StreamDefinition.builder("orders").groups("billing").build();
        connection.sync().set("orders", "x");
        StreamCatalog withOrders = StreamCatalog.emptyBuilder().register(other).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new RetentionTrimmer(connection, clock).trim(withOrders, TrimMode.EXACT))
                .isInstanceOf(CommandException.class)
                .hasMessageContaining("XTRIM orders")
                .hasMessageContaining("WRONGTYPE");
    }

    private void addAt(String key, Instant at, String value) {
        connection.sync().xadd(key, new XAddArgs().id(at.toEpochMilli() + "-*"), Map.of("v", value));
    }
}
