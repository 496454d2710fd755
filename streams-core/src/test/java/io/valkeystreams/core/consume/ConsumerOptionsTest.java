package io.valkeystreams.core.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valkeystreams.core.StreamsException;
import io.valkeystreams.core.lease.LeaseOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConsumerOptionsTest {

    @Test
    void theDefaultsAreTheDocumentedConstants() {
        ConsumerOptions options = ConsumerOptions.defaults();

        assertThat(options.batchSize()).isEqualTo(100);
        assertThat(options.blockTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.maxDeliveries()).isEqualTo(5);
        assertThat(options.unknownTypePolicy()).isEqualTo(UnknownTypePolicy.ACK);
        assertThat(options.backOff()).isEqualTo(ConsumerOptions.DEFAULT_BACK_OFF);
        assertThat(options.partitionConcurrency()).isEqualTo(ConsumerOptions.DEFAULT_PARTITION_CONCURRENCY);
        assertThat(options.shutdownTimeout()).isEqualTo(ConsumerOptions.DEFAULT_SHUTDOWN_TIMEOUT);
        assertThat(options.takeoverAfter()).isEqualTo(ConsumerOptions.DEFAULT_TAKEOVER_AFTER);
        assertThat(options.idleConsumerRemoval()).isEqualTo(ConsumerOptions.DEFAULT_IDLE_CONSUMER_REMOVAL);
        assertThat(options.mode()).isEqualTo(ConsumerMode.UNORDERED);
        assertThat(options.leases()).isEqualTo(new LeaseOptions(Duration.ofSeconds(10), Duration.ofSeconds(3)));
        assertThat(options.pollInterval()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void thePollIntervalFollowsAShorterBlockTimeoutUnlessSet() {
        assertThat(ConsumerOptions.builder().blockTimeout(Duration.ofMillis(40)).build().pollInterval())
                .isEqualTo(Duration.ofMillis(40));
        assertRefused(ConsumerOptions.builder().blockTimeout(Duration.ofMillis(40)).pollInterval(Duration.ofMillis(50)),
                "consumer option pollInterval must be at most blockTimeout (PT0.04S), was PT0.05S");
        assertThat(ConsumerOptions.defaults().toBuilder().blockTimeout(Duration.ofMillis(40)).build().pollInterval())
                .as("a default poll interval is not carried over by toBuilder").isEqualTo(Duration.ofMillis(40));
        assertThat(ConsumerOptions.builder().pollInterval(Duration.ofMillis(30)).build().toBuilder().build().pollInterval())
                .isEqualTo(Duration.ofMillis(30));
    }

    @Test
    void theConstructorOfTheFieldsBeforeOrderedModeKeepsItsMeaning() {
        ConsumerOptions defaults = ConsumerOptions.defaults();

        ConsumerOptions options = new ConsumerOptions(defaults.batchSize(), defaults.blockTimeout(),
                defaults.partitionConcurrency(), defaults.maxDeliveries(), defaults.backOff(), defaults.unknownTypePolicy(),
                defaults.shutdownTimeout(), defaults.takeoverAfter(), defaults.recoveryInterval(),
                defaults.idleConsumerRemoval(), defaults.maxReconnectDelay());

        assertThat(options).isEqualTo(defaults);
    }

    @Test
    void leaseOptionsMustLeaveRoomForAMissedRenewal() {
        assertThatThrownBy(() -> new LeaseOptions(Duration.ofSeconds(3), Duration.ofSeconds(2)))
                .isInstanceOf(StreamsException.class).hasMessage("lease option renewInterval must be at most a third of "
                        + "leaseTime (PT3S) so a lease survives a missed renewal, was PT2S");
        assertThat(new LeaseOptions(Duration.ofSeconds(10), Duration.ofSeconds(3)).localValidity())
                .isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void toBuilderKeepsEveryValue() {
        ConsumerOptions options = ConsumerOptions.builder().batchSize(7).maxDeliveries(2)
                .backOff(Duration.ofMillis(10), 3, Duration.ofMillis(90), 0.1)
                .unknownTypePolicy(UnknownTypePolicy.DEAD_LETTER).shutdownTimeout(Duration.ZERO).build();

        assertThat(options.toBuilder().build()).isEqualTo(options);
    }

    @Test
    void badValuesAreRefusedNamingTheFieldAndTheValue() {
        assertRefused(ConsumerOptions.builder().maxDeliveries(0), "consumer option maxDeliveries must be at least 1 "
                + "(1 means: never retry), was 0");
        assertRefused(ConsumerOptions.builder().batchSize(0), "batchSize must be between 1 and 10000, was 0");
        assertRefused(ConsumerOptions.builder().batchSize(10_001), "batchSize must be between 1 and 10000, was 10001");
        assertRefused(ConsumerOptions.builder().blockTimeout(Duration.ofSeconds(-1)),
                "blockTimeout must be a positive duration, was PT-1S");
        assertRefused(ConsumerOptions.builder().blockTimeout(null), "blockTimeout must be a positive duration, was null");
        assertRefused(ConsumerOptions.builder().blockTimeout(Duration.ofSeconds(11)), "blockTimeout must be at most PT10S");
        assertRefused(ConsumerOptions.builder().partitionConcurrency(0), "partitionConcurrency must be at least 1, was 0");
        assertRefused(ConsumerOptions.builder().backOff(null), "backOff must not be null");
        assertRefused(ConsumerOptions.builder().unknownTypePolicy(null), "unknownTypePolicy must be ACK or DEAD_LETTER");
        assertRefused(ConsumerOptions.builder().shutdownTimeout(Duration.ofMillis(-1)),
                "shutdownTimeout must be zero or positive, was PT-0.001S");
        assertRefused(ConsumerOptions.builder().recoveryInterval(Duration.ZERO),
                "recoveryInterval must be a positive duration, was PT0S");
        assertRefused(ConsumerOptions.builder().recoveryInterval(Duration.ofSeconds(20)).takeoverAfter(Duration.ofSeconds(30)),
                "takeoverAfter must be at least twice recoveryInterval (PT20S)");
        assertRefused(ConsumerOptions.builder().idleConsumerRemoval(Duration.ofSeconds(3)),
                "idleConsumerRemoval must be at least twice blockTimeout (PT2S)");
        assertRefused(ConsumerOptions.builder().maxReconnectDelay(Duration.ZERO),
                "maxReconnectDelay must be a positive duration, was PT0S");
        assertThatThrownBy(() -> ConsumerOptions.builder().backOff(Duration.ofMillis(-1), 2, Duration.ofSeconds(1), 0))
                .isInstanceOf(StreamsException.class).hasMessage("back-off initial delay must be positive, was PT-0.001S");
    }

    private static void assertRefused(ConsumerOptions.Builder builder, String message) {
        assertThatThrownBy(builder::build).isInstanceOf(StreamsException.class).hasMessageContaining(message);
    }
}
