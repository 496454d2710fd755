package io.valkeystreams.core.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.lettuce.core.KillArgs;
import io.valkeystreams.core.admin.Provisioner;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.test.SpawnedValkeyServer;
import io.valkeystreams.test.ValkeyBinary;
import io.valkeystreams.test.ValkeyServer;
import io.valkeystreams.test.ValkeyTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

@ValkeyTest
class ConsumerResilienceIT extends ContainerTestSupport {

    private final StreamDefinition orders = StreamDefinition.builder("orders").partitions(2).groups("billing").build();
    private final Set<String> handled = ConcurrentHashMap.newKeySet();
    private final RecordingListener listener = new RecordingListener();
    private final ListAppender<ILoggingEvent> engineLog = new ListAppender<>();
    private final Logger readerLogger = (Logger) LoggerFactory.getLogger(StreamReader.class);
    private final Logger recoveryLogger = (Logger) LoggerFactory.getLogger(RecoveryLoop.class);

    @BeforeEach
    void captureEngineLog() {
        engineLog.start();
        readerLogger.addAppender(engineLog);
        readerLogger.setLevel(Level.DEBUG);
        recoveryLogger.addAppender(engineLog);
    }

    @AfterEach
    void releaseEngineLog() {
        readerLogger.detachAppender(engineLog);
        readerLogger.setLevel(null);
        recoveryLogger.detachAppender(engineLog);
    }

    @Test
    void killingEveryClientConnectionIsSurvivedWithoutHelp(ValkeyServer server) {
        StreamsConnection admin = open(server.url());
        new Provisioner(admin).provision(List.of(orders));
        ConsumerContainer container = startContainer(connection);

        publish(admin, 6);
        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 6);
        for (int round = 1; round <= 2; round++) {
            assertThat(admin.sync().clientKill(KillArgs.Builder.typeNormal())).isPositive();
            publish(admin, 6);
            int expected = 6 + 6 * round;
            await().atMost(Duration.ofSeconds(20)).until(() -> handled.size() == expected);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> pending(orders, "billing") == 0);
        assertThat(container.state()).isEqualTo(ContainerState.RUNNING);
    }

    @Test
    void aServerRestartWithPersistenceIsSurvivedAndTheOutageIsLoggedOnce() {
        try (SpawnedValkeyServer dedicated = dedicatedServer("--appendonly", "yes")) {
            StreamsConnection own = open(dedicated.url());
            new Provisioner(own).provision(List.of(orders));
            ConsumerContainer container = startContainer(own);
            publish(own, 4);
            await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 4);

            dedicated.stop();
            await().atMost(Duration.ofSeconds(10)).until(() -> container.state() == ContainerState.DISCONNECTED);
            await().atMost(Duration.ofSeconds(10)).until(() -> readerMessages(Level.DEBUG, "still failing").size() >= 3);
            dedicated.startProcess();
            publish(own, 4);

            await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 8);
            await().atMost(Duration.ofSeconds(10)).until(() -> container.state() == ContainerState.RUNNING);
            assertThat(readerMessages(Level.WARN, "failed; retrying")).hasSize(1);
            assertThat(readerMessages(Level.INFO, "works again")).hasSize(1);
            assertThat(listener.states).containsSubsequence(ContainerState.RUNNING, ContainerState.DISCONNECTED,
                    ContainerState.RUNNING);
            await().atMost(Duration.ofSeconds(10)).until(() -> pendingOn(own) == 0);
        }
    }

    @Test
    void aRestartThatLostTheGroupsIsRepairedByRecreatingThem() {
        try (SpawnedValkeyServer dedicated = dedicatedServer()) {
            StreamsConnection own = open(dedicated.url());
            new Provisioner(own).provision(List.of(orders));
            ConsumerContainer container = startContainer(own);
            publish(own, 4);
            await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 4);

            dedicated.kill();
            dedicated.startProcess();
            await().atMost(Duration.ofSeconds(30)).until(() -> !messages(Level.WARN, "did not exist").isEmpty());
            await().atMost(Duration.ofSeconds(10)).until(() -> own.sync().exists("orders:0", "orders:1") == 2);
            publish(own, 4);

            await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 8);
            assertThat(container.isRunning()).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> pendingOn(own) == 0);
        }
    }

    @Test
    void streamKeysDeletedUnderARunningContainerAreRecreated() {
        new Provisioner(connection).provision(List.of(orders));
        startContainer(connection);
        publish(connection, 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 2);

        connection.sync().del("orders:0", "orders:1");
        await().atMost(Duration.ofSeconds(10)).until(() -> connection.sync().exists("orders:0", "orders:1") == 2);
        publish(connection, 2);

        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 4);
    }

    private SpawnedValkeyServer dedicatedServer(String... args) {
        Path binary = ValkeyBinary.find().orElse(null);
        assumeTrue(binary != null, "needs a valkey-server binary to restart a dedicated server");
        return SpawnedValkeyServer.builder(binary).args(args).start();
    }

    private ConsumerContainer startContainer(StreamsConnection on) {
        return start(ConsumerContainer.builder(on, orders, "billing").listener(listener).options(fast().build())
                .handlers(HandlerRegistry.builder().onAny((envelope, delivery) -> handled.add(envelope.eventId())).build()));
    }

    private void publish(StreamsConnection on, int count) {
        for (int i = 0; i < count; i++) {
            WireEntries.publish(on, orders, i % 2, "order_placed", Map.of("n", Integer.toString(i)));
        }
    }

    private long pendingOn(StreamsConnection on) {
        return orders.keys().stream().mapToLong(key -> on.sync().xpending(key.key(), "billing").getCount()).sum();
    }

    private List<ILoggingEvent> readerMessages(Level level, String text) {
        return messages(level, text).stream()
                .filter(event -> event.getLoggerName().equals(StreamReader.class.getName())).toList();
    }

    private List<ILoggingEvent> messages(Level level, String text) {
        return List.copyOf(engineLog.list).stream()
                .filter(event -> event.getLevel() == level && event.getFormattedMessage().contains(text)).toList();
    }
}
