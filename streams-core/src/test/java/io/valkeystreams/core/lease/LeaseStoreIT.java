package io.valkeystreams.core.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.test.ValkeyServer;
import io.valkeystreams.test.ValkeyTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ValkeyTest
class LeaseStoreIT {

    private static final Duration LONG = Duration.ofSeconds(30);

    private final StreamKey key = StreamDefinition.builder("ledger").partitions(2).groups("g").build().key(1);
    private StreamsConnection connection;
    private LeaseStore store;

    @BeforeEach
    void connect(ValkeyServer server) {
        connection = StreamsConnection.connect(server.url());
        store = LeaseStore.on(connection);
    }

    @AfterEach
    void close() {
        connection.close();
    }

    @Test
    void oneOwnerAtATimeAndEveryAcquisitionRaisesTheToken() {
        PartitionLease first = store.tryAcquire(key, "g", "a", LONG).orElseThrow();

        assertThat(first.token()).isEqualTo(1);
        assertThat(store.tryAcquire(key, "g", "b", LONG)).isEmpty();
        assertThat(store.renew(first, LONG)).isTrue();
        assertThat(store.holder(key, "g")).contains(first);
        assertThat(store.release(first)).isTrue();
        assertThat(store.holder(key, "g")).isEmpty();

        PartitionLease second = store.tryAcquire(key, "g", "b", LONG).orElseThrow();
        assertThat(second.token()).isEqualTo(2);
        assertThat(store.renew(first, LONG)).as("the released lease").isFalse();
        assertThat(store.release(first)).isFalse();
        assertThat(store.tryAcquire(key, "g", "b", LONG).orElseThrow().token()).as("re-acquired by its owner").isEqualTo(3);
        assertThat(connection.sync().hgetall(LeaseKeys.lease(key, "g"))).containsEntry("owner", "b").containsEntry("token", "3");
    }

    @Test
    void anExpiredLeaseCannotBeRenewedAndAnotherOwnerTakesItWithAHigherToken() {
        PartitionLease shortLived = store.tryAcquire(key, "g", "a", Duration.ofMillis(100)).orElseThrow();

        await().atMost(Duration.ofSeconds(5)).until(() -> store.holder(key, "g").isEmpty());

        assertThat(store.renew(shortLived, LONG)).isFalse();
        assertThat(store.tryAcquire(key, "g", "b", LONG).orElseThrow().token()).isEqualTo(shortLived.token() + 1);
    }

    @Test
    void aFencedScriptRunsOnlyWhileItsLeaseHolds() {
        connection.sync().xadd(key.key(), Map.of("event_type", "x"));
        FencedScript length = FencedScript.of("return {redis.call('XLEN', KEYS[1]), args[1]}");
        PartitionLease lease = store.tryAcquire(key, "g", "a", LONG).orElseThrow();

        assertThat(length.run(connection.sync(), lease, "hello")).containsExactly(1L, "hello");

        store.release(lease);
        store.tryAcquire(key, "g", "b", LONG).orElseThrow();
        assertThatThrownBy(() -> length.run(connection.sync(), lease, "hello"))
                .isInstanceOfSatisfying(LeaseLostException.class, e -> assertThat(e.lease()).isEqualTo(lease))
                .hasMessageContaining("lease of ledger:1 for group g held by a (token 1) is no longer held");
    }

    @Test
    void membersExpireUnlessTheyRenewAndLeaveAtOnce() {
        assertThat(store.heartbeat("ledger", "g", "b", LONG)).containsExactly("b");
        assertThat(store.heartbeat("ledger", "g", "a", Duration.ofMillis(100))).containsExactly("a", "b");

        await().atMost(Duration.ofSeconds(5)).until(() -> store.heartbeat("ledger", "g", "b", LONG).equals(List.of("b")));
        store.leave("ledger", "g", "b");
        assertThat(store.heartbeat("ledger", "g", "c", LONG)).containsExactly("c");
    }
}
