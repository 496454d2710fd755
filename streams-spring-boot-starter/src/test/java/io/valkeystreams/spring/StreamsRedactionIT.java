package io.valkeystreams.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.valkeystreams.core.admin.AclRules;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.events.ReputationEventPublisher;
import io.valkeystreams.core.metrics.LagMonitor;
import io.valkeystreams.spring.actuate.StreamsEndpoint;
import io.valkeystreams.spring.actuate.StreamsHealthIndicator;
import io.valkeystreams.test.SpawnedValkeyServer;
import io.valkeystreams.test.ValkeyBinary;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Runs the starter with spring.data.redis.password on success and failure paths, with every logger
 * at DEBUG, and reads logs, start-up failures and their analyses, the streams endpoint, health details
 * and a Prometheus scrape: the password appears in none of them.
 */
class StreamsRedactionIT {

    private static final String SECRET = "Starter-S3cret-PW";
    private static final String USER = "redaction-starter";
    private static final List<String> LOUD_LOGGERS = List.of(Logger.ROOT_LOGGER_NAME, "io.lettuce", "io.netty",
            "org.springframework");

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final List<Level> savedLevels = new ArrayList<>();
    private final List<String> seen = new ArrayList<>();

    @BeforeEach
    void captureEveryLoggerAtDebug() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        logs.setContext(context);
        logs.start();
        for (String name : LOUD_LOGGERS) {
            Logger logger = context.getLogger(name);
            savedLevels.add(logger.getLevel());
            logger.setLevel(Level.DEBUG);
        }
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(logs);
    }

    @AfterEach
    void restoreLoggers() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(logs);
        for (int i = 0; i < LOUD_LOGGERS.size(); i++) {
            context.getLogger(LOUD_LOGGERS.get(i)).setLevel(savedLevels.get(i));
        }
    }

    @Test
    void thePasswordIsInNoLogFailureAnalysisEndpointHealthDetailOrScrape() throws Exception {
        try (SpawnedValkeyServer server = SpawnedValkeyServer.builder(ValkeyBinary.find().orElseThrow()).start()) {
            List<String> words = new ArrayList<>(List.of(AclRules.of(StreamCatalog.platform()).setUserCommand(USER)
                    .split(" ")));
            words.add(">" + SECRET);
            server.call(words.toArray(String[]::new));

            withPassword(server.port(), SECRET).run(context -> {
                assertThat(context).hasNotFailed();
                context.getBean(ReputationEventPublisher.class).publishReputationChange("user-1", "x", 1, null, null, null);
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> context.getBean(LagMonitor.class).snapshot().collectedAt() != null);
                seen.add(context.getBean(StreamsConnection.class).toString());
                seen.add(String.valueOf(context.getBean(StreamsEndpoint.class).streams()));
                seen.add(describe(context.getBean(StreamsHealthIndicator.class).health(true)));
                seen.add(context.getBean(PrometheusMeterRegistry.class).scrape());

                server.kill();
                StreamsHealthIndicator health = context.getBean(StreamsHealthIndicator.class);
                await().atMost(Duration.ofSeconds(10)).until(() -> health.health(true).getStatus().equals(Status.DOWN));
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> context.getBean(LagMonitor.class).snapshot().lastError() != null);
                seen.add(describe(health.health(true)));
                seen.add(context.getBean(PrometheusMeterRegistry.class).scrape());
                server.startProcess();
            });
            failing(withPassword(server.port(), SECRET + "-wrong"));
            failing(withPassword(closedPort(), SECRET));
            failing(StarterContexts.on("redis://" + USER + ":" + SECRET + "@127.0.0.1:" + closedPort()));
            failing(StarterContexts.on("redis://" + USER + ":" + SECRET + "@127.0.0.1:" + server.port()));
        }

        assertThat(seen).hasSizeGreaterThan(10).allSatisfy(text -> assertThat(text).doesNotContain(SECRET));
        assertThat(logs.list).as("the capture saw the handshake that carries the password")
                .anySatisfy(event -> assertThat(event.getFormattedMessage()).contains("type=HELLO"));
        assertThat(logs.list).allSatisfy(event -> assertThat(event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy())))
                .doesNotContain(SECRET));
    }

    private void failing(ApplicationContextRunner runner) {
        runner.run(context -> {
            assertThat(context).hasFailed();
            StringWriter trace = new StringWriter();
            context.getStartupFailure().printStackTrace(new PrintWriter(trace));
            seen.add(trace.toString());
            FailureAnalysis analysis = new StreamsFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            seen.add(analysis.getDescription() + "\n" + analysis.getAction());
        });
    }

    private static String describe(Health health) {
        return health.getStatus() + " " + health.getDetails();
    }

    private static ApplicationContextRunner withPassword(int port, String password) {
        return StarterContexts.withoutUrl().withPropertyValues("spring.data.redis.host=127.0.0.1",
                "spring.data.redis.port=" + port, "spring.data.redis.username=" + USER,
                "spring.data.redis.password=" + password, "spring.data.redis.timeout=2s",
                "management.endpoints.web.exposure.include=streams");
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
