package io.valkeystreams.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SingleFlightTest {

    private static final int CALLERS = 8;

    private final SingleFlight<String> flights = new SingleFlight<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(CALLERS);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void concurrentCallersOfOneKeyShareOneRun() throws Exception {
        CountDownLatch leaderRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        Future<SingleFlight.Outcome<String>> leader = pool.submit(() -> flights.run("k", () -> {
            runs.incrementAndGet();
            leaderRunning.countDown();
            await(release);
            return "v";
        }));
        assertThat(leaderRunning.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<SingleFlight.Outcome<String>>> waiters = new ArrayList<>();
        for (int i = 1; i < CALLERS; i++) {
            waiters.add(pool.submit(() -> flights.run("k", () -> {
                runs.incrementAndGet();
                return "second run";
            })));
        }
        Awaitility.await().until(() -> flights.waiters("k") == CALLERS - 1);
        release.countDown();
        assertThat(leader.get(10, TimeUnit.SECONDS)).isEqualTo(new SingleFlight.Outcome<>("v", true));
        for (Future<SingleFlight.Outcome<String>> waiter : waiters) {
            SingleFlight.Outcome<String> outcome = waiter.get(10, TimeUnit.SECONDS);
            assertThat(outcome.value()).isEqualTo("v");
        }
        assertThat(runs).hasValue(1);
        assertThat(flights.inFlight()).isZero();
    }

    @Test
    void aLaterCallerStartsANewRun() {
        assertThat(flights.run("k", () -> "1").value()).isEqualTo("1");
        assertThat(flights.run("k", () -> "2")).isEqualTo(new SingleFlight.Outcome<>("2", true));
    }

    @Test
    void theLeadersFailureReachesTheLeaderAndEveryWaiter() throws Exception {
        CountDownLatch leaderRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        IllegalStateException failure = new IllegalStateException("database down");
        Future<?> leader = pool.submit(() -> flights.run("k", () -> {
            leaderRunning.countDown();
            await(release);
            throw failure;
        }));
        assertThat(leaderRunning.await(10, TimeUnit.SECONDS)).isTrue();
        Future<?> waiter = pool.submit(() -> flights.run("k", () -> "never"));
        Awaitility.await().until(() -> flights.waiters("k") == 1);
        release.countDown();
        assertThatThrownBy(() -> leader.get(10, TimeUnit.SECONDS)).hasCause(failure);
        assertThatThrownBy(() -> waiter.get(10, TimeUnit.SECONDS))
                .cause().isInstanceOf(SingleFlight.FlightFailedException.class).hasCause(failure);
        assertThat(flights.inFlight()).isZero();
    }

    @Test
    void aRunThatAsksForItsOwnKeyFailsInsteadOfWaitingForever() {
        assertThatThrownBy(() -> flights.run("k", () -> flights.run("k", () -> "inner").value()))
                .isInstanceOf(CacheException.class).hasMessageContaining("key 'k' is being loaded by this thread");
        assertThat(flights.inFlight()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
