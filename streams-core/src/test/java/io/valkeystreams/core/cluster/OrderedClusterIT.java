package io.valkeystreams.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.valkeystreams.core.admin.Provisioner;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.lease.LeaseStore;
import io.valkeystreams.core.lease.PartitionLease;
import io.valkeystreams.core.publish.PublishRequest;
import io.valkeystreams.core.publish.Publisher;
import io.valkeystreams.test.ValkeyCluster;
import io.valkeystreams.test.ValkeyClusterTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ordered mode on a real cluster with three instances of a service, each a JVM of its own
 * ({@link OrderedWorker}); one is killed with SIGKILL while events are being published and handled. Every
 * user's events must be handled in publish order with none lost; duplicates (events the killed instance had
 * handled but not acknowledged) are counted and logged.
 */
@ValkeyClusterTest
class OrderedClusterIT {

    private static final Logger log = LoggerFactory.getLogger(OrderedClusterIT.class);
    private static final int USERS = 24;
    private static final int EVENTS_PER_USER = 60;

    private final StreamDefinition reputation = StreamCatalog.platform().require("reputation.events");
    private final Map<String, Process> workers = new LinkedHashMap<>();

    @AfterEach
    void stopWorkers() throws IOException, InterruptedException {
        for (Process worker : workers.values()) {
            worker.getOutputStream().close();
        }
        for (Process worker : workers.values()) {
            if (!worker.waitFor(20, TimeUnit.SECONDS)) {
                worker.destroyForcibly();
            }
        }
    }

    @Test
    void withThreeInstancesAndOneKilledEveryUsersEventsAreHandledInPublishOrderWithNoneLost(ValkeyCluster cluster)
            throws Exception {
        try (StreamsConnection connection = StreamsConnection.connect(cluster.url());
             Publisher publisher = Publisher.builder(connection, StreamCatalog.platform()).build()) {
            new Provisioner(connection).provision(List.of(reputation));
            RoutingErrors.reset(cluster);
            LeaseStore leases = LeaseStore.on(connection);
            for (String name : List.of("w1", "w2", "w3")) {
                workers.put(name, spawn(cluster.url(), name));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> holders(leases).size() == 3);

            publisher.publishAll(events(0, EVENTS_PER_USER / 2));
            await().atMost(Duration.ofSeconds(30)).until(() -> handledBy(connection, "w2") > 0);
            workers.get("w2").destroyForcibly().waitFor();
            long killedAt = System.nanoTime();
            log.info("killed w2 (SIGKILL) once it had handled events ({} recorded)", handledBy(connection, "w2"));
            publisher.publishAll(events(EVENTS_PER_USER / 2, EVENTS_PER_USER));

            await().atMost(Duration.ofSeconds(60)).until(() -> holders(leases).equals(Set.of("w1", "w3")));
            log.info("w2's partitions held by w1 and w3 {} ms after the kill (lease time {})",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt), OrderedWorker.LEASE_TIME);
            await().atMost(Duration.ofSeconds(60)).until(() -> handledFirstTimes(connection).values().stream()
                    .allMatch(seqs -> seqs.size() == EVENTS_PER_USER));
            Map<String, List<Integer>> firstTimes = handledFirstTimes(connection);
            for (int user = 0; user < USERS; user++) {
                assertThat(firstTimes.get("user-" + user)).as("user-" + user + ", in the order first handled")
                        .isSorted().doesNotHaveDuplicates().hasSize(EVENTS_PER_USER);
            }
            long handled = 0;
            Map<String, Long> byWorker = new LinkedHashMap<>();
            for (int user = 0; user < USERS; user++) {
                Map<String, List<Integer>> byHolder = new LinkedHashMap<>();
                for (String record : connection.sync().lrange(OrderedWorker.RECORD_PREFIX + "user-" + user, 0, -1)) {
                    String[] parts = record.split(" ");
                    handled++;
                    byWorker.merge(parts[1], 1L, Long::sum);
                    byHolder.computeIfAbsent(parts[1] + " token " + parts[2], k -> new ArrayList<>())
                            .add(Integer.parseInt(parts[0]));
                }
                String name = "user-" + user;
                byHolder.forEach((holder, seqs) -> assertThat(seqs).as(name + " handled by " + holder)
                        .isSorted().doesNotHaveDuplicates());
            }
            log.info("ordered mode, 3 instances, w2 killed: published={} handled={} duplicates={} lost=0 byInstance={}",
                    USERS * EVENTS_PER_USER, handled, handled - USERS * EVENTS_PER_USER, byWorker);
            assertThat(byWorker).containsKeys("w1", "w2", "w3");
            assertThat(RoutingErrors.counted(cluster)).as("MOVED, ASK or CROSSSLOT replies").isEmpty();
        }
    }

    private List<PublishRequest> events(int fromSeq, int toSeq) {
        List<PublishRequest> events = new ArrayList<>();
        for (int seq = fromSeq; seq < toSeq; seq++) {
            for (int user = 0; user < USERS; user++) {
                events.add(PublishRequest.of(reputation.name(), "user-" + user,
                        Map.of("event_type", "rated", "user_id", "user-" + user, "seq", Integer.toString(seq))));
            }
        }
        return events;
    }

    private static long handledBy(StreamsConnection connection, String worker) {
        long handled = 0;
        for (int user = 0; user < USERS; user++) {
            handled += connection.sync().lrange(OrderedWorker.RECORD_PREFIX + "user-" + user, 0, -1).stream()
                    .filter(record -> record.split(" ")[1].equals(worker)).count();
        }
        return handled;
    }

    private Set<String> holders(LeaseStore leases) {
        Set<String> owners = new HashSet<>();
        for (StreamKey key : reputation.keys()) {
            Optional<PartitionLease> holder = leases.holder(key, OrderedWorker.GROUP);
            if (holder.isEmpty()) {
                return Set.of();
            }
            owners.add(holder.get().owner());
        }
        return owners;
    }

    /** Per user, the sequence numbers in the order each was handled for the first time. */
    private static Map<String, List<Integer>> handledFirstTimes(StreamsConnection connection) {
        Map<String, List<Integer>> firstTimes = new LinkedHashMap<>();
        for (int user = 0; user < USERS; user++) {
            List<Integer> seqs = new ArrayList<>();
            Set<Integer> seen = new HashSet<>();
            for (String record : connection.sync().lrange(OrderedWorker.RECORD_PREFIX + "user-" + user, 0, -1)) {
                int seq = Integer.parseInt(record.split(" ")[0]);
                if (seen.add(seq)) {
                    seqs.add(seq);
                }
            }
            firstTimes.put("user-" + user, seqs);
        }
        return firstTimes;
    }

    private static Process spawn(String url, String name) throws IOException {
        Path logFile = Path.of("target", "ordered-worker-" + name + ".log");
        Files.createDirectories(logFile.getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Xmx128m",
                OrderedWorker.class.getName(), url, name)
                .redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
    }
}
