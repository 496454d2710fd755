package io.valkeystreams.spring.consume;

import static org.assertj.core.api.Assertions.assertThat;

import io.valkeystreams.core.consume.ConsumerMode;
import io.valkeystreams.core.consume.ConsumerOptions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsumerOptionsResolverTest {

    @Test
    void oneGroupCanBeOrderedWithItsOwnLeaseWhileTheOthersStayUnordered() {
        ConsumerSettings all = new ConsumerSettings();
        all.setPollInterval(Duration.ofMillis(50));
        ConsumerSettings ledger = new ConsumerSettings();
        ledger.setMode(ConsumerMode.ORDERED);
        ledger.setLeaseTime(Duration.ofSeconds(6));
        ledger.setLeaseRenewInterval(Duration.ofSeconds(2));
        ConsumerOptionsResolver resolver = new ConsumerOptionsResolver(all, Map.of("reputation.events/ledger", ledger));

        ConsumerOptions ordered = resolver.apply("reputation.events", "ledger");
        ConsumerOptions other = resolver.apply("reputation.events", "audit");

        assertThat(ordered.mode()).isEqualTo(ConsumerMode.ORDERED);
        assertThat(ordered.leases().leaseTime()).isEqualTo(Duration.ofSeconds(6));
        assertThat(ordered.leases().renewInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(ordered.pollInterval()).isEqualTo(Duration.ofMillis(50));
        assertThat(other.mode()).isEqualTo(ConsumerMode.UNORDERED);
        assertThat(other.leases()).isEqualTo(ConsumerOptions.DEFAULT_LEASES);
    }
}
