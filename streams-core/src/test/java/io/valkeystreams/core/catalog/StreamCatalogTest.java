package io.valkeystreams.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamCatalogTest {

    @Test
    void thePlatformCatalogHoldsTheSevenSeedStreamsExactly() {
        StreamCatalog catalog = StreamCatalog.platform();

        assertThat(catalog.streams()).extracting(StreamDefinition::name).containsExactly(
                "reputation.events", "user.mode.transitions", "group.mode.activities", "verification.events",
                "analytics.user.behavior", "analytics.business.events", "analytics.platform.metrics");
        assertThat(catalog.streams()).extracting(StreamDefinition::partitions).containsExactly(8, 1, 4, 2, 4, 8, 2);
        assertThat(catalog.streams()).extracting(d -> d.retention().toDays()).containsExactly(365L, 30L, 7L, 90L, 30L, 365L, 7L);
        assertThat(catalog.streams()).extracting(StreamDefinition::maxLength)
                .containsExactly(1_000_000L, 100_000L, 50_000L, 200_000L, 500_000L, 1_000_000L, 100_000L);
        assertThat(catalog.streams()).extracting(StreamDefinition::priority).containsExactly(Priority.HIGH, Priority.HIGH,
                Priority.MEDIUM, Priority.HIGH, Priority.LOW, Priority.MEDIUM, Priority.HIGH);
        assertThat(catalog.require("reputation.events").groups())
                .containsExactly("reputation_calculator", "trust_level_updater", "analytics_service");
        assertThat(catalog.require("group.mode.activities").groups())
                .containsExactly("food_discovery_service", "partnership_service");
        assertThat(catalog.require("analytics.platform.metrics").groups())
                .containsExactly("performance_monitor", "capacity_planner", "alert_manager");
        assertThat(catalog.keys()).hasSize(29);
    }

    @Test
    void keysFollowTheContract() {
        StreamCatalog catalog = StreamCatalog.platform();
        assertThat(catalog.require("reputation.events").keys()).extracting(StreamKey::key)
                .containsExactly("reputation.events:0", "reputation.events:1", "reputation.events:2",
                        "reputation.events:3", "reputation.events:4", "reputation.events:5",
                        "reputation.events:6", "reputation.events:7");
        assertThat(catalog.require("user.mode.transitions").keys()).extracting(StreamKey::key)
                .containsExactly("user.mode.transitions");
        assertThat(catalog.require("reputation.events").deadLetterKey()).isEqualTo("reputation.events:dlq");
        assertThat(catalog.require("reputation.events").maxLengthPerPartition()).isEqualTo(125_000);
        assertThat(catalog.ownerOfKey("verification.events:1")).contains("verification.events");
    }

    @Test
    void anUnknownStreamIsRefusedWithTheKnownOnesListed() {
        assertThatThrownBy(() -> StreamCatalog.platform().require("reputation.event"))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("unknown stream 'reputation.event'")
                .hasMessageContaining("reputation.events, user.mode.transitions");
    }

    @Test
    void applicationsMayAddStreams() {
        StreamCatalog catalog = StreamCatalog.builder()
                .register(StreamDefinition.builder("orders.placed").partitions(3).groups("billing").build())
                .build();
        assertThat(catalog.streams()).hasSize(8);
        assertThat(catalog.require("orders.placed").keys()).hasSize(3);
    }

    @Test
    void platformStreamsCannotBeRedefined() {
        StreamDefinition altered = StreamDefinition.builder("reputation.events").partitions(16)
                .maxLength(1_000_000).groups("reputation_calculator").build();
        assertThatThrownBy(() -> StreamCatalog.builder().register(altered))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("'reputation.events' is a platform stream");
    }

    @Test
    void duplicateNamesAreRefused() {
        StreamDefinition one = StreamDefinition.builder("a").groups("g").build();
        assertThatThrownBy(() -> StreamCatalog.emptyBuilder().register(one).register(one))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("'a' is already registered");
    }

    @Test
    void aNameThatCollidesWithADerivedKeyIsRefused() {
        StreamCatalog.Builder builder = StreamCatalog.builder();
        assertThatThrownBy(() -> builder.register(StreamDefinition.builder("reputation.events:3").groups("g").build()))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("key 'reputation.events:3'")
                .hasMessageContaining("belongs to stream 'reputation.events'");
        StreamCatalog.Builder other = StreamCatalog.emptyBuilder()
                .register(StreamDefinition.builder("x:1").groups("g").build());
        assertThatThrownBy(() -> other.register(StreamDefinition.builder("x").partitions(2).maxLength(10).groups("g").build()))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("key 'x:1'");
    }

    @Test
    void invalidDefinitionsNameTheFieldAndTheValue() {
        assertThatThrownBy(() -> StreamDefinition.builder("s").partitions(0).groups("g").build())
                .isInstanceOf(CatalogException.class).hasMessageContaining("partitions must be between 1 and 1024, was 0");
        assertThatThrownBy(() -> StreamDefinition.builder(" ").groups("g").build())
                .isInstanceOf(CatalogException.class).hasMessageContaining("name must not be blank");
        assertThatThrownBy(() -> StreamDefinition.builder(null).groups("g").build())
                .isInstanceOf(CatalogException.class).hasMessageContaining("name must not be blank");
        assertThatThrownBy(() -> StreamDefinition.builder("s").build())
                .isInstanceOf(CatalogException.class).hasMessageContaining("at least one consumer group");
        assertThatThrownBy(() -> StreamDefinition.builder("s").partitions(8).maxLength(4).groups("g").build())
                .isInstanceOf(CatalogException.class).hasMessageContaining("maxLength (4) must be at least the number of partitions (8)");
        assertThatThrownBy(() -> StreamDefinition.builder("s").retention(Duration.ZERO).groups("g").build())
                .isInstanceOf(CatalogException.class).hasMessageContaining("retention must be a positive duration");
        assertThatThrownBy(() -> StreamDefinition.builder("s").groups("g", "g").build())
                .isInstanceOf(CatalogException.class).hasMessageContaining("group 'g' is listed twice");
        assertThatThrownBy(() -> StreamDefinition.builder("s").groups(" ").build())
                .isInstanceOf(CatalogException.class).hasMessageContaining("group name ' '");
        assertThatThrownBy(() -> StreamDefinition.builder("s{tag}").groups("g").build())
                .isInstanceOf(CatalogException.class).hasMessageContaining("no spaces or braces");
        assertThatThrownBy(() -> StreamDefinition.builder("s:dlq").groups("g").build())
                .isInstanceOf(CatalogException.class).hasMessageContaining("reserved for dead-letter streams");
        assertThatThrownBy(() -> StreamDefinition.builder("s").groups("g").priority(null).build())
                .isInstanceOf(CatalogException.class).hasMessageContaining("priority must not be null");
    }

    @Test
    void definitionsAreImmutable() {
        List<String> groups = new java.util.ArrayList<>(List.of("g"));
        StreamDefinition definition = StreamDefinition.builder("s").groups(groups).build();
        groups.add("h");
        assertThat(definition.groups()).containsExactly("g");
        assertThatThrownBy(() -> definition.groups().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> definition.key(1)).isInstanceOf(CatalogException.class)
                .hasMessageContaining("partitions 0..0, not 1");
    }

    @Test
    void prioritiesParseFromTheirWireNames() {
        assertThat(Priority.fromWireName("HIGH")).isEqualTo(Priority.HIGH);
        assertThat(Priority.LOW.wireName()).isEqualTo("low");
        assertThatThrownBy(() -> Priority.fromWireName("urgent")).isInstanceOf(CatalogException.class)
                .hasMessageContaining("'urgent' is not one of high, medium, low");
    }

    @Test
    void groupsMayBeAddedExplicitlyToAPlatformStreamButNothingElseChanges() {
        StreamCatalog catalog = StreamCatalog.builder().addGroups("reputation.events", "cache_invalidator").build();
        StreamDefinition reputation = catalog.require("reputation.events");
        assertThat(reputation.groups()).containsExactly("reputation_calculator", "trust_level_updater",
                "analytics_service", "cache_invalidator");
        assertThat(reputation.partitions()).isEqualTo(8);
        assertThatThrownBy(() -> StreamCatalog.builder().addGroups("reputation.events", "analytics_service"))
                .isInstanceOf(CatalogException.class).hasMessageContaining("group 'analytics_service' is listed twice");
        assertThatThrownBy(() -> StreamCatalog.builder().addGroups("nope", "g"))
                .isInstanceOf(CatalogException.class).hasMessageContaining("unknown stream 'nope'");
    }
}
