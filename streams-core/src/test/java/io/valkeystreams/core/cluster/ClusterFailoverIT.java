package io.valkeystreams.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.valkeystreams.core.admin.Provisioner;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.consume.ConsumerContainer;
import io.valkeystreams.core.consume.ConsumerMode;
import io.valkeystreams.core.consume.ConsumerOptions;
import io.valkeystreams.core.consume.HandlerRegistry;
import io.valkeystreams.core.publish.Durability;
import io.valkeystreams.core.publish.Publisher;
import io.valkeystreams.core.publish.PublisherOptions;
import io.valkeystreams.core.wire.WireFields;
import io.valkeystreams.test.ClusterNode;
import io.valkeystreams.test.ValkeyCluster;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A master killed under load, on a cluster of three masters with two replicas each (so the promoted replica
 * still has one to confirm writes): publishing and consuming resume by themselves, and what was lost or
 * duplicated is counted and logged ({@code failover …: acknowledged=… lost=… duplicates=…}).
 * <ul>
 *   <li>a plain kill, with asynchronous replication, with an unordered and with an ordered consumer;</li>
 *   <li>a kill after the master's replicas fell behind (they are frozen with SIGSTOP and their replication
 *       links cut, as a network partition would): with asynchronous replication every publish acknowledged
 *       since is lost; publishes that wait for a replica are refused instead, and nothing acknowledged is lost.</li>
 * </ul>
 * Each scenario has a cluster of its own.
 */
class ClusterFailoverIT {

    private static final Logger log = LoggerFactory.getLogger(ClusterFailoverIT.class);
    private static final String GROUP = "reputation_calculator";
    private static final int BEFORE_KILL = 1_000;
    private static final int AFTER_FAILOVER = 1_000;
    private static final int AFTER_FAILOVER_ON_THE_LOST_SHARD = 100;
    private static final Durability ONE_REPLICA = Durability.replicas(1, Duration.ofMillis(500));

    private final StreamCatalog catalog = StreamCatalog.platform();
    private final StreamDefinition reputation = catalog.require("reputation.events");
    private ValkeyCluster cluster;

    @BeforeEach
    void startCluster() {
        cluster = ValkeyCluster.builder().masters(3).replicasPerMaster(2).start();
    }

    @AfterEach
    void stopCluster() {
        cluster.close();
    }

    @Test
    void whenAMasterDiesPublishingAndConsumingResumeByThemselves() throws Exception {
        Outcome outcome = killAMasterUnderLoad(Durability.NONE, false, ConsumerMode.UNORDERED);

        assertThat(outcome.acknowledgedAfterFailover).isGreaterThanOrEqualTo(AFTER_FAILOVER);
        assertThat(outcome.unprocessed).as("stored entries never processed").isZero();
    }

    @Test
    void withAsynchronousReplicationPublishesAcknowledgedAfterTheReplicasFellBehindAreLost() throws Exception {
        Outcome outcome = killAMasterUnderLoad(Durability.NONE, true, ConsumerMode.UNORDERED);

        assertThat(outcome.lost).as("acknowledged publishes missing after the failover").isPositive();
        assertThat(outcome.acknowledgedAfterFailover).isGreaterThanOrEqualTo(AFTER_FAILOVER);
        assertThat(outcome.unprocessed).as("stored entries never processed").isZero();
    }

    @Test
    void publishesThatWaitForAReplicaLoseNothingAcknowledgedEvenWhenTheReplicasFellBehind() throws Exception {
        Outcome outcome = killAMasterUnderLoad(ONE_REPLICA, true, ConsumerMode.UNORDERED);

        assertThat(outcome.unconfirmed).as("publishes refused while no replica confirmed them").isPositive();
        assertThat(outcome.lost).as("acknowledged publishes missing after the failover").isZero();
        assertThat(outcome.acknowledgedAfterFailover).isGreaterThanOrEqualTo(AFTER_FAILOVER);
        assertThat(outcome.unprocessed).as("stored entries never processed").isZero();
    }

    @Test
    void inOrderedModeConsumingResumesByItselfAndEveryPartitionIsHandledInIdOrder() throws Exception {
        Outcome outcome = killAMasterUnderLoad(Durability.NONE, false, ConsumerMode.ORDERED);

        assertThat(outcome.acknowledgedAfterFailover).isGreaterThanOrEqualTo(AFTER_FAILOVER);
        assertThat(outcome.unprocessed).as("stored entries never processed").isZero();
        assertThat(outcome.outOfOrder).as("entries first handled before an earlier entry of their partition").isZero();
    }

    private Outcome killAMasterUnderLoad(Durability durability, boolean replicasFallBehind, ConsumerMode mode)
            throws Exception {
        ClusterNode victim = cluster.masterFor("reputation.events:3");
        List<ClusterNode> replicas = cluster.replicasOf(victim);
        assertThat(replicas).as("replicas of " + victim).hasSize(2);
        Set<StreamKey> victimKeys = reputation.keys().stream().filter(key -> cluster.masterFor(key.key()).equals(victim))
                .collect(Collectors.toSet());
        Map<String, AtomicInteger> processed = new ConcurrentHashMap<>();
        Map<StreamKey, List<String>> handledIds = new ConcurrentHashMap<>();
        try (StreamsConnection connection = StreamsConnection.connect(cluster.url());
             Publisher publisher = Publisher.builder(connection, catalog).options(PublisherOptions.builder()
                     .durability(durability).notifyHighPriority(false).build()).build()) {
            new Provisioner(connection).provision(List.of(reputation));
            ConsumerContainer container = ConsumerContainer.builder(connection, reputation, GROUP)
                    .handlers(HandlerRegistry.builder().onAny((envelope, delivery) -> {
                        processed.computeIfAbsent(envelope.eventId(), id -> new AtomicInteger()).incrementAndGet();
                        handledIds.computeIfAbsent(delivery.key(), key -> new CopyOnWriteArrayList<>()).add(delivery.entryId());
                    }).build())
                    .options(ConsumerOptions.builder().mode(mode).leases(Duration.ofSeconds(2), Duration.ofMillis(500))
                            .blockTimeout(Duration.ofMillis(500))
                            .recoveryInterval(Duration.ofMillis(200)).takeoverAfter(Duration.ofSeconds(2))
                            .maxReconnectDelay(Duration.ofMillis(500)).build())
                    .build();
            container.start();
            long killedAt = System.nanoTime();
            long writableAgain;
            int acknowledgedAfterFailover;
            Set<String> acknowledged;
            PublishLoad load = new PublishLoad(publisher, reputation.name(), victimKeys);
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> load.acknowledged().size() >= BEFORE_KILL);
                if (replicasFallBehind) {
                    List<Long> pids = replicas.stream().map(ClusterFailoverIT::pid).toList();
                    pids.forEach(pid -> signal(pid, "STOP"));
                    victim.call("CLIENT", "KILL", "TYPE", "replica");
                    load.newPhase();
                    await().atMost(Duration.ofSeconds(30)).until(() -> load.watchedOutcomes() >= 3);
                    killedAt = System.nanoTime();
                    cluster.kill(victim);
                    pids.forEach(pid -> signal(pid, "CONT"));
                } else {
                    killedAt = System.nanoTime();
                    cluster.kill(victim);
                }
                ClusterNode promoted = cluster.awaitFailover(victim);
                log.info("failover: {} replaced by {} {} ms after the kill", victim, promoted,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt));
                load.newPhase();
                await().atMost(Duration.ofSeconds(60)).until(() -> load.acknowledgedSincePhase() >= AFTER_FAILOVER
                        && load.watchedAcknowledgedSincePhase() >= AFTER_FAILOVER_ON_THE_LOST_SHARD);
            } finally {
                writableAgain = load.watchedResumedAt() == 0 ? -1
                        : TimeUnit.NANOSECONDS.toMillis(load.watchedResumedAt() - killedAt);
                acknowledgedAfterFailover = load.acknowledgedSincePhase();
                load.close();
                acknowledged = load.acknowledged();
            }
            Set<String> stored = storedEventIds(connection);
            await().atMost(Duration.ofSeconds(60)).until(() -> processed.keySet().containsAll(stored));
            long caughtUp = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
            container.stop();
            Outcome outcome = new Outcome(acknowledged, load.failed(), load.unconfirmed(), stored, processed,
                    outOfOrder(handledIds), acknowledgedAfterFailover, load.longestGapMillis(), writableAgain, caughtUp);
            log.info("failover ({}, {}, {} consumer): {}", durability.isRequested() ? "publishes wait for 1 replica"
                    : "asynchronous", replicasFallBehind ? "replicas fell behind" : "plain kill",
                    mode.name().toLowerCase(Locale.ROOT), outcome);
            return outcome;
        }
    }

    private Set<String> storedEventIds(StreamsConnection connection) {
        Set<String> ids = new HashSet<>();
        for (StreamKey key : reputation.keys()) {
            for (StreamMessage<String, String> entry : connection.sync().xrange(key.key(), Range.create("-", "+"))) {
                ids.add(entry.getBody().get(WireFields.EVENT_ID));
            }
        }
        return ids;
    }

    /** Entries handled for the first time after a later entry of their partition had been. */
    private static long outOfOrder(Map<StreamKey, List<String>> handledIds) {
        long outOfOrder = 0;
        for (List<String> ids : handledIds.values()) {
            Set<String> seen = new HashSet<>();
            String latest = null;
            for (String id : ids) {
                if (seen.add(id)) {
                    if (latest != null && compareIds(id, latest) < 0) {
                        outOfOrder++;
                    } else {
                        latest = id;
                    }
                }
            }
        }
        return outOfOrder;
    }

    private static int compareIds(String a, String b) {
        String[] x = a.split("-");
        String[] y = b.split("-");
        int byTime = Long.compare(Long.parseLong(x[0]), Long.parseLong(y[0]));
        return byTime != 0 ? byTime : Long.compare(Long.parseLong(x[1]), Long.parseLong(y[1]));
    }

    private static long pid(ClusterNode node) {
        for (String line : String.valueOf(node.call("INFO", "server")).split("\r?\n")) {
            if (line.startsWith("process_id:")) {
                return Long.parseLong(line.substring("process_id:".length()).trim());
            }
        }
        throw new IllegalStateException("INFO server of " + node + " names no process_id");
    }

    private static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -" + signal + " " + pid).isTrue();
        } catch (IOException e) {
            throw new IllegalStateException("cannot send SIG" + signal + " to " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted sending SIG" + signal + " to " + pid, e);
        }
    }

    /** What a failover cost. */
    private static final class Outcome {
        final int acknowledged;
        final int failed;
        final int unconfirmed;
        final long lost;
        final long unprocessed;
        final long duplicates;
        final long outOfOrder;
        final int acknowledgedAfterFailover;
        final long longestPublishGapMillis;
        final long writableAgainMillis;
        final long caughtUpMillis;

        Outcome(Set<String> acknowledged, int failed, int unconfirmed, Set<String> stored,
                Map<String, AtomicInteger> processed, long outOfOrder, int acknowledgedAfterFailover,
                long longestPublishGapMillis,
                long writableAgainMillis, long caughtUpMillis) {
            this.acknowledged = acknowledged.size();
            this.failed = failed;
            this.unconfirmed = unconfirmed;
            this.lost = acknowledged.stream().filter(id -> !stored.contains(id)).count();
            this.unprocessed = stored.stream().filter(id -> !processed.containsKey(id)).count();
            this.duplicates = processed.values().stream().mapToLong(count -> count.get() - 1).sum();
            this.outOfOrder = outOfOrder;
            this.acknowledgedAfterFailover = acknowledgedAfterFailover;
            this.longestPublishGapMillis = longestPublishGapMillis;
            this.writableAgainMillis = writableAgainMillis;
            this.caughtUpMillis = caughtUpMillis;
        }

        @Override
        public String toString() {
            return "acknowledged=" + acknowledged + " failed=" + failed + " (unconfirmed=" + unconfirmed + ") lost="
                    + lost + " unprocessed=" + unprocessed + " duplicates=" + duplicates + " outOfOrder=" + outOfOrder
                    + " acknowledgedAfterFailover="
                    + acknowledgedAfterFailover + " longestPublishGapMs=" + longestPublishGapMillis
                    + " killToLostShardWritableMs=" + writableAgainMillis
                    + " killToAllStoredProcessedMs=" + caughtUpMillis;
        }
    }
}
