package io.valkeystreams.core.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.lettuce.core.RedisCommandExecutionException;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.connection.CommandException;
import io.valkeystreams.core.connection.ConnectionException;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.publish.Durability;
import io.valkeystreams.core.publish.PublishRequest;
import io.valkeystreams.core.publish.Publisher;
import io.valkeystreams.core.publish.PublisherOptions;
import io.valkeystreams.test.SpawnedValkeyServer;
import io.valkeystreams.test.ValkeyBinary;
import io.valkeystreams.test.ValkeyServer;
import io.valkeystreams.test.ValkeyTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@ValkeyTest
class AclIT {

    private static final String USER = "streams-app";

    private final StreamCatalog catalog = StreamCatalog.platform();
    private final String line = AclRules.of(catalog).setUserCommand(USER);

    @AfterEach
    void deleteUser(ValkeyServer server) {
        ((SpawnedValkeyServer) server).call("ACL", "DELUSER", USER);
    }

    @Test
    void aUserWithTheGeneratedRulesProvisionsPublishesToEveryStreamTrimsAndReadsStatusWithoutOneRefusal() {
        try (SpawnedValkeyServer server = SpawnedValkeyServer.builder(ValkeyBinary.find().orElseThrow())
                .args("--appendonly", "yes").start()) {
            AclUsers.create(server, line);
            server.call("ACL", "LOG", "RESET");

            try (StreamsConnection connection = StreamsConnection.connect(AclUsers.url(server.host(), server.port(), USER));
                 Publisher publisher = Publisher.builder(connection, catalog).build();
                 Publisher durable = Publisher.builder(connection, catalog).options(PublisherOptions.builder()
                         .durability(Durability.appendOnlyFile(0, Duration.ofSeconds(5))).build()).build()) {
                assertThat(new Provisioner(connection).provision(catalog).createdKeys()).hasSize(29);
                List<PublishRequest> batch = new ArrayList<>();
                for (StreamDefinition stream : catalog.streams()) {
                    publisher.publish(stream.name(), "user-1", Map.of("event_type", "acl_check"));
                    durable.publish(stream.name(), "user-2", Map.of("event_type", "acl_check"));
                    batch.add(PublishRequest.of(stream.name(), "user-3", Map.of("event_type", "acl_check")));
                }
                publisher.publishAll(batch);
                RetentionTrimmer trimmer = new RetentionTrimmer(connection);
                trimmer.trim(catalog, TrimMode.APPROXIMATE);
                trimmer.trim(catalog, TrimMode.EXACT);
                List<StreamStatus> status = new StatusReader(connection).read(catalog);

                assertThat(status).hasSize(7).allSatisfy(stream -> assertThat(stream.partitions().stream()
                        .mapToLong(StreamStatus.PartitionStatus::length).sum()).isEqualTo(3));
            }
            assertThat(AclUsers.refusals(server::call, USER)).as("commands the server refused the user").isEmpty();
        }
    }

    @Test
    void theAclFileLineLoadsIntoAServerAndLetsTheUserProvision(@TempDir Path dir) throws Exception {
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(AclUsers.PASSWORD.getBytes(StandardCharsets.UTF_8)));
        Path aclFile = Files.writeString(dir.resolve("users.acl"), AclRules.of(catalog).aclFileLine(USER) + " #" + hash + "\n");

        try (SpawnedValkeyServer server = SpawnedValkeyServer.builder(ValkeyBinary.find().orElseThrow())
                .args("--aclfile", aclFile.toString()).start();
             StreamsConnection connection = StreamsConnection.connect(AclUsers.url(server.host(), server.port(), USER))) {
            assertThat(new Provisioner(connection).provision(catalog).createdGroups()).hasSize(83);
        }
    }

    @Test
    void theRulesAlreadyAllowWhatAConsumerWillSend(ValkeyServer server) {
        SpawnedValkeyServer valkey = (SpawnedValkeyServer) server;
        AclUsers.create(valkey, line);
        String key = "reputation.events:3";
        String dlq = "reputation.events:dlq";

        for (String[] command : List.of(
                new String[] {"XREADGROUP", "GROUP", "g", "c", "COUNT", "10", "BLOCK", "100", "STREAMS", key, ">"},
                new String[] {"XACK", key, "g", "1-1"},
                new String[] {"XPENDING", key, "g", "-", "+", "10"},
                new String[] {"XCLAIM", key, "g", "c", "1000", "1-1"},
                new String[] {"XAUTOCLAIM", key, "g", "c", "1000", "0-0"},
                new String[] {"XINFO", "CONSUMERS", key, "g"},
                new String[] {"XGROUP", "DELCONSUMER", key, "g", "c"},
                new String[] {"XADD", dlq, "*", "dlq_group", "g"},
                new String[] {"XDEL", dlq, "1-1"},
                new String[] {"XTRIM", dlq, "MINID", "~", "0"},
                new String[] {"WAIT", "1", "100"},
                new String[] {"WAITAOF", "1", "0", "100"},
                new String[] {"PUBLISH", "priority.events", "{}"})) {
            assertThat(AclUsers.dryRun(valkey, USER, command)).as(String.join(" ", command)).isEqualTo("OK");
        }
        assertThat(AclUsers.dryRun(valkey, USER, "XADD", "orders.placed", "*", "a", "b"))
                .contains("no permissions to access the 'orders.placed' key");
        assertThat(AclUsers.dryRun(valkey, USER, "PUBLISH", "other.channel", "{}"))
                .contains("no permissions to access the 'other.channel' channel");
        assertThat(AclUsers.dryRun(valkey, USER, "FLUSHALL")).contains("no permissions to run the 'flushall' command");
    }

    @Test
    void aKeyOutsideTheCatalogIsRefusedAndProvisioningAnUnlistedStreamNamesTheCommandAndKey(ValkeyServer server) {
        AclUsers.create((SpawnedValkeyServer) server, line);
        StreamCatalog wider = StreamCatalog.builder()
                .register(StreamDefinition.builder("orders.placed").groups("billing").build()).build();

        try (StreamsConnection connection = StreamsConnection.connect(AclUsers.url(server.host(), server.port(), USER))) {
            assertThatThrownBy(() -> connection.sync().xadd("orders.placed", Map.of("a", "b")))
                    .isInstanceOf(RedisCommandExecutionException.class).hasMessageStartingWith("NOPERM");

            CommandException failure = catchThrowableOfType(CommandException.class,
                    () -> new Provisioner(connection).provision(wider));

            assertThat(failure.errorCode()).isEqualTo("NOPERM");
            assertThat(failure).hasMessageStartingWith("TYPE orders.placed failed: Valkey answered 'NOPERM")
                    .hasMessageContaining("docs/security.md");
        }
    }

    @Test
    void withoutXgroupProvisioningFailsWithAMessageNamingTheCommandAndTheKey(ValkeyServer server) {
        AclUsers.create((SpawnedValkeyServer) server, line.replace(" +xgroup|create", ""));

        try (StreamsConnection connection = StreamsConnection.connect(AclUsers.url(server.host(), server.port(), USER))) {
            CommandException failure = catchThrowableOfType(CommandException.class,
                    () -> new Provisioner(connection).provision(catalog));

            assertThat(failure.errorCode()).isEqualTo("NOPERM");
            assertThat(failure).hasMessageStartingWith("XGROUP CREATE reputation.events:0 reputation_calculator failed: "
                            + "Valkey answered 'NOPERM User " + USER + " has no permissions to run the 'xgroup|create' command'")
                    .hasMessageContaining("valkey-streams acl");
        }
    }

    @Test
    void withoutXaddPublishingFailsWithAMessageNamingTheKeyAndTheCommand(ValkeyServer server) {
        AclUsers.create((SpawnedValkeyServer) server, line.replace(" +xadd", ""));

        try (StreamsConnection connection = StreamsConnection.connect(AclUsers.url(server.host(), server.port(), USER));
             Publisher publisher = Publisher.builder(connection, catalog).build()) {
            new Provisioner(connection).provision(catalog);

            assertThatThrownBy(() -> publisher.publish("reputation.events", "user-1", Map.of("event_type", "x")))
                    .isInstanceOf(CommandException.class)
                    .hasMessageStartingWith("publishing to reputation.events:4 failed: Valkey answered 'NOPERM User "
                            + USER + " has no permissions to run the 'xadd' command'");
        }
    }

    @Test
    void withoutAccessToAStreamsPartitionsProvisioningFailsNamingTheKey(ValkeyServer server) {
        AclUsers.create((SpawnedValkeyServer) server, line.replace(" ~reputation.events:*", ""));

        try (StreamsConnection connection = StreamsConnection.connect(AclUsers.url(server.host(), server.port(), USER))) {
            assertThatThrownBy(() -> new Provisioner(connection).provision(catalog))
                    .isInstanceOf(CommandException.class)
                    .hasMessageStartingWith("TYPE reputation.events:0 failed: Valkey answered 'NOPERM")
                    .hasMessageContaining("access a key");
            assertThatThrownBy(() -> new StatusReader(connection).read(catalog))
                    .isInstanceOf(CommandException.class)
                    .hasMessageStartingWith("reading stream status (TYPE reputation.events:")
                    .hasMessageContaining("NOPERM");
        }
    }

    @Test
    void aWrongPasswordIsRefusedAtConnectWithAClearMessageThatDoesNotRepeatIt(ValkeyServer server) {
        AclUsers.create((SpawnedValkeyServer) server, line);

        assertThatThrownBy(() -> StreamsConnection.connect("redis://" + USER + ":not-the-password@" + server.host()
                + ":" + server.port()))
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("Valkey refused the connection ('WRONGPASS")
                .hasMessageContaining("check the user name and password")
                .hasMessageNotContaining("not-the-password");
    }
}
