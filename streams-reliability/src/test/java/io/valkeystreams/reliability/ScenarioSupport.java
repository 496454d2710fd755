package io.valkeystreams.reliability;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.valkeystreams.core.admin.Provisioner;
import io.valkeystreams.core.admin.StatusReader;
import io.valkeystreams.core.admin.StreamStatus;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.publish.Publisher;
import io.valkeystreams.core.publish.PublisherOptions;
import io.valkeystreams.test.SpawnedValkeyServer;
import io.valkeystreams.test.ValkeyBinary;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * What every scenario needs: dedicated servers (so faults stay inside the scenario), connections,
 * publishers and consumers that are all closed after the test, and the question "has every group
 * finished everything it read?".
 */
abstract class ScenarioSupport {

    protected static final StreamCatalog PLATFORM = StreamCatalog.platform();

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    /** Starts a dedicated server with extra arguments; skips the test when there is no server binary. */
    protected SpawnedValkeyServer dedicatedServer(String... args) {
        Path binary = ValkeyBinary.find().orElse(null);
        assumeTrue(binary != null, "the fault suite needs a valkey-server binary (scripts/ensure-valkey installs one)");
        return closeLater(SpawnedValkeyServer.builder(binary).args(args).start());
    }

    protected StreamsConnection connect(String url) {
        return closeLater(StreamsConnection.connect(url));
    }

    protected Publisher publisher(StreamsConnection connection) {
        return publisher(connection, PublisherOptions.defaults());
    }

    protected Publisher publisher(StreamsConnection connection, PublisherOptions options) {
        return publisher(connection, PLATFORM, options);
    }

    protected Publisher publisher(StreamsConnection connection, StreamCatalog catalog, PublisherOptions options) {
        return closeLater(Publisher.builder(connection, catalog).options(options).build());
    }

    protected ProbeConsumers consumers(Ledger ledger) {
        return closeLater(new ProbeConsumers(ledger));
    }

    protected static StreamDefinition stream(String name) {
        return PLATFORM.require(name);
    }

    protected static void provision(StreamsConnection connection, StreamDefinition... streams) {
        new Provisioner(connection).provision(List.of(streams));
    }

    /**
     * Whether the groups have been delivered every entry of every partition key (their last-delivered ID is
     * the key's last entry) and have nothing pending.
     */
    protected static boolean drained(StreamsConnection connection, StreamDefinition stream, String... groups) {
        StreamStatus status = new StatusReader(connection).read(stream);
        for (StreamStatus.PartitionStatus partition : status.partitions()) {
            List<StreamMessage<String, String>> last = partition.exists()
                    ? connection.sync().xrevrange(partition.key(), Range.create("-", "+"), Limit.from(1)) : List.of();
            String lastId = last.isEmpty() ? "0-0" : last.get(0).getId();
            for (String group : groups) {
                StreamStatus.GroupStatus found = partition.groups().stream()
                        .filter(each -> each.group().equals(group)).findFirst().orElse(null);
                if (found == null) {
                    if (!last.isEmpty()) {
                        return false;
                    }
                } else if (found.pending() != 0 || compareIds(found.lastDeliveredId(), lastId) < 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int compareIds(String a, String b) {
        String[] x = a.split("-");
        String[] y = b.split("-");
        int first = Long.compare(Long.parseLong(x[0]), Long.parseLong(y[0]));
        return first != 0 ? first : Long.compare(Long.parseLong(x[1]), Long.parseLong(y[1]));
    }

    /** Entries pending for a group over every partition key. */
    protected static long pending(StreamsConnection connection, StreamDefinition stream, String group) {
        return stream.keys().stream()
                .mapToLong(key -> connection.sync().xpending(key.key(), group).getCount()).sum();
    }

    protected <T extends AutoCloseable> T closeLater(T resource) {
        resources.push(resource);
        return resource;
    }

    /** Stops traffic and consumers first (whatever order they were made in), then closes the rest, newest first. */
    @AfterEach
    void closeEverything() throws Exception {
        List<AutoCloseable> ordered = new ArrayList<>();
        resources.stream().filter(ScenarioSupport::isActivity).forEach(ordered::add);
        resources.stream().filter(resource -> !isActivity(resource)).forEach(ordered::add);
        resources.clear();
        Exception first = null;
        for (AutoCloseable resource : ordered) {
            try {
                resource.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static boolean isActivity(AutoCloseable resource) {
        return resource instanceof SteadyTraffic || resource instanceof ProbeConsumers
                || resource instanceof ChildConsumer;
    }
}
