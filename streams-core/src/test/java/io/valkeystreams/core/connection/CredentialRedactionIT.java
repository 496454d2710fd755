package io.valkeystreams.core.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.valkeystreams.core.admin.AclRules;
import io.valkeystreams.core.admin.Provisioner;
import io.valkeystreams.core.admin.RetentionTrimmer;
import io.valkeystreams.core.admin.StatusReader;
import io.valkeystreams.core.admin.TrimMode;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.publish.Publisher;
import io.valkeystreams.test.SpawnedValkeyServer;
import io.valkeystreams.test.ValkeyBinary;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Runs the library with a password in the URI, on success and failure paths, with every logger at
 * DEBUG, and checks that the password is in no log line and no exception (message, cause or trace).
 */
class CredentialRedactionIT {

    private static final String SECRET = "S3cr3t-Redaction-PW";
    private static final String USER = "redaction-app";
    private static final List<String> LOUD_LOGGERS = List.of(Logger.ROOT_LOGGER_NAME, "io.lettuce", "io.netty");

    private final StreamCatalog catalog = StreamCatalog.platform();
    private final List<Throwable> failures = new ArrayList<>();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final List<Level> savedLevels = new ArrayList<>();

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
    void thePasswordAppearsInNoLogAndNoExceptionOnSuccessAndFailurePaths() {
        try (SpawnedValkeyServer server = SpawnedValkeyServer.builder(ValkeyBinary.find().orElseThrow()).start()) {
            List<String> words = new ArrayList<>(List.of(AclRules.of(catalog).setUserCommand(USER).split(" ")));
            words.add(">" + SECRET);
            server.call(words.toArray(String[]::new));
            String url = "redis://" + USER + ":" + SECRET + "@127.0.0.1:" + server.port() + "?timeout=1s";

            try (StreamsConnection connection = StreamsConnection.connect(url);
                 Publisher publisher = Publisher.builder(connection, catalog).build()) {
                new Provisioner(connection).provision(catalog);
                publisher.publish("reputation.events", "user-1", Map.of("event_type", "x"));
                new RetentionTrimmer(connection).trim(catalog, TrimMode.EXACT);
                new StatusReader(connection).read(catalog);
                assertThat(connection.describe()).isEqualTo("redis://" + USER + ":***@127.0.0.1:" + server.port()
                        + "?timeout=1s");
                assertThat(connection.toString()).doesNotContain(SECRET);

                server.kill();
                failures.add(catchThrowable(() -> new StatusReader(connection).read(catalog)));
                failures.add(catchThrowable(() -> publisher.publish("reputation.events", "u", Map.of("event_type", "x"))));
            }
            failures.add(catchThrowable(() -> StreamsConnection.connect(url)));
            server.startProcess();
            failures.add(catchThrowable(() -> StreamsConnection.connect(url.replace(SECRET, SECRET + "-wrong"))));
        }
        for (String bad : List.of("redis://" + USER + ":" + SECRET + "@[::1", "redis://" + USER + ":" + SECRET + "/x@h:1",
                "redis://" + USER + ":" + SECRET + " x@h:1", "redis://" + USER + ":" + SECRET + "@h:1/db",
                "http://" + USER + ":" + SECRET + "@h:1", USER + ":" + SECRET + "@h:1")) {
            failures.add(catchThrowable(() -> StreamsConnection.connect(bad)));
        }

        assertThat(failures).hasSize(10).allSatisfy(failure -> assertThat(failure).isInstanceOf(ConnectionException.class));
        assertThat(failures).extracting(CredentialRedactionIT::fullTrace).allSatisfy(trace -> assertThat(trace)
                .doesNotContain(SECRET));
        assertThat(logs.list).as("the capture saw the handshake that carries the password")
                .anySatisfy(event -> assertThat(event.getFormattedMessage()).contains("type=HELLO"));
        assertThat(logs.list).allSatisfy(event -> assertThat(event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy())))
                .doesNotContain(SECRET));
    }

    private static String fullTrace(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
