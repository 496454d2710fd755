package io.valkeystreams.core.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.valkeystreams.core.admin.AclRules;
import io.valkeystreams.core.admin.AclUsers;
import io.valkeystreams.core.admin.Provisioner;
import io.valkeystreams.core.admin.StatusReader;
import io.valkeystreams.core.admin.StreamStatus;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.publish.PublishResult;
import io.valkeystreams.core.publish.Publisher;
import io.valkeystreams.test.SpawnedValkeyServer;
import io.valkeystreams.test.TestCertificates;
import io.valkeystreams.test.ValkeyBinary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code rediss://} to a valkey-server that only speaks TLS to clients, with a throw-away CA. */
class TlsIT {

    private static TestCertificates certificates;
    private static SpawnedValkeyServer server;

    private final StreamCatalog catalog = StreamCatalog.platform();

    @BeforeAll
    static void startTlsServer() {
        assumeTrue(TestCertificates.opensslAvailable(), "openssl is not installed");
        certificates = TestCertificates.generate();
        server = SpawnedValkeyServer.builder(ValkeyBinary.find().orElseThrow())
                .tls(certificates.serverCertificate(), certificates.serverKey(), certificates.caCertificate()).start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (certificates != null) {
            certificates.close();
        }
    }

    @Test
    void aRedissUriNamingTheCaCertificateProvisionsPublishesAndReadsStatusAsAnAclUser() {
        AclUsers.create(server, AclRules.of(catalog).setUserCommand("tls-app"));
        String url = "rediss://tls-app:" + AclUsers.PASSWORD + "@127.0.0.1:" + server.tlsPort()
                + "?cacert=" + certificates.caCertificate();

        try (StreamsConnection connection = StreamsConnection.connect(url);
             Publisher publisher = Publisher.builder(connection, catalog).build()) {
            assertThat(new Provisioner(connection).provision(catalog).createdKeys()).hasSize(29);
            PublishResult result = publisher.publish("reputation.events", "user-1", Map.of("event_type", "over_tls"));
            List<StreamStatus> status = new StatusReader(connection).read(catalog);

            assertThat(result.key().key()).isEqualTo("reputation.events:4");
            assertThat(status.get(0).partitions().get(4).length()).isEqualTo(1);
            assertThat(connection.describe()).doesNotContain(AclUsers.PASSWORD);
        }
    }

    @Test
    void aClientThatDoesNotTrustTheCaFailsWithAClearConnectionException() {
        assertThatThrownBy(() -> StreamsConnection.connect(server.tlsUrl()))
                .isInstanceOf(ConnectionException.class)
                .hasMessageStartingWith("connecting to " + server.tlsUrl() + " failed: the TLS handshake failed")
                .hasMessageContaining("?cacert=/path/to/ca.pem");
    }

    @Test
    void aCaThatDidNotSignTheServerCertificateIsNotEnough() {
        try (TestCertificates otherCa = TestCertificates.generate()) {
            assertThatThrownBy(() -> StreamsConnection.connect(server.tlsUrl() + "?cacert=" + otherCa.caCertificate()))
                    .isInstanceOf(ConnectionException.class)
                    .hasMessageContaining("the TLS handshake failed");
        }
    }
}
