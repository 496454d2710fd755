package io.valkeystreams.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NearCacheTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    };
    private NearCache near;

    @BeforeEach
    void activeCache() {
        near = new NearCache(3, clock);
        near.activate(near.generation());
    }

    @Test
    void aCompletedReadIsKeptUntilItsValkeyTtlRunsOut() {
        near.completeFetch("rep:u1", near.beginFetch("rep:u1"), "1", 500);
        assertThat(near.get("rep:u1")).isEqualTo("1");
        now.addAndGet(499);
        assertThat(near.get("rep:u1")).isEqualTo("1");
        now.addAndGet(1);
        assertThat(near.get("rep:u1")).isNull();
        assertThat(near.size()).isZero();
    }

    @Test
    void aKeyWithoutExpiryIsKeptAndAKeyThatIsGoneIsNot() {
        near.completeFetch("a", near.beginFetch("a"), "1", NearCache.NO_EXPIRY);
        near.completeFetch("b", near.beginFetch("b"), "2", -2);
        near.completeFetch("c", near.beginFetch("c"), null, -2);
        assertThat(near.get("a")).isEqualTo("1");
        assertThat(near.get("b")).isNull();
        assertThat(near.get("c")).isNull();
    }

    @Test
    void anInvalidationDuringTheReadKeepsTheReadValueOut() {
        Object token = near.beginFetch("rep:u1");
        near.invalidate("rep:u1");
        near.completeFetch("rep:u1", token, "stale", 1000);
        assertThat(near.get("rep:u1")).isNull();
    }

    @Test
    void onlyTheLatestOfTwoConcurrentReadsIsKept() {
        Object first = near.beginFetch("k");
        Object second = near.beginFetch("k");
        near.completeFetch("k", first, "old", 1000);
        assertThat(near.get("k")).isNull();
        near.completeFetch("k", second, "new", 1000);
        assertThat(near.get("k")).isEqualTo("new");
    }

    @Test
    void theLeastRecentlyUsedEntryGoesFirstPastTheLimit() {
        for (String key : new String[] {"a", "b", "c"}) {
            near.completeFetch(key, near.beginFetch(key), key, 1000);
        }
        near.get("a");
        near.completeFetch("d", near.beginFetch("d"), "d", 1000);
        assertThat(near.size()).isEqualTo(3);
        assertThat(near.get("b")).isNull();
        assertThat(near.get("a")).isEqualTo("a");
    }

    @Test
    void aDeactivatedCacheIsEmptyTakesNothingAndIgnoresAStaleActivation() {
        near.completeFetch("a", near.beginFetch("a"), "1", 1000);
        long before = near.generation();
        Object inFlight = near.beginFetch("b");
        near.deactivate();
        assertThat(near.size()).isZero();
        near.completeFetch("b", inFlight, "2", 1000);
        assertThat(near.beginFetch("c")).isNull();
        assertThat(near.activate(before)).isFalse();
        assertThat(near.isActive()).isFalse();
        assertThat(near.activate(near.generation())).isTrue();
        near.completeFetch("c", near.beginFetch("c"), "3", 1000);
        assertThat(near.get("b")).isNull();
        assertThat(near.get("c")).isEqualTo("3");
    }

    @Test
    void prefixRemovalDropsOnlyThatCachesKeys() {
        near.completeFetch("rep:1", near.beginFetch("rep:1"), "1", 1000);
        near.completeFetch("user:1", near.beginFetch("user:1"), "2", 1000);
        near.invalidatePrefix("rep:");
        assertThat(near.get("rep:1")).isNull();
        assertThat(near.get("user:1")).isEqualTo("2");
    }
}
