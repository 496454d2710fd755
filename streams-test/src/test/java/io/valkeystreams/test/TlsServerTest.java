package io.valkeystreams.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TlsServerTest {

    private Path binary;

    @BeforeEach
    void needsBinaryAndOpenssl() {
        binary = ValkeyBinary.find().orElse(null);
        assumeTrue(binary != null, "valkey-server is not installed; run scripts/ensure-valkey");
        assumeTrue(TestCertificates.opensslAvailable(), "openssl is not installed");
    }

    @Test
    void aTlsServerAnswersOnItsTlsPortToAClientTrustingTheTestCaAndKeepsThePlainPort() throws Exception {
        try (TestCertificates certificates = TestCertificates.generate();
             SpawnedValkeyServer server = SpawnedValkeyServer.builder(binary)
                     .tls(certificates.serverCertificate(), certificates.serverKey(), certificates.caCertificate())
                     .start()) {
            assertThat(server.tlsPort()).isPositive().isNotEqualTo(server.port());
            assertThat(server.tlsUrl()).isEqualTo("rediss://127.0.0.1:" + server.tlsPort());
            assertThat(server.isRunning()).isTrue();

            assertThat(pingOverTls(server.tlsPort(), certificates.caCertificate())).isEqualTo("+PONG");
        }
    }

    @Test
    void aClientThatDoesNotTrustTheCaIsRefusedAtTheHandshake() throws Exception {
        try (TestCertificates certificates = TestCertificates.generate();
             TestCertificates otherCa = TestCertificates.generate();
             SpawnedValkeyServer server = SpawnedValkeyServer.builder(binary)
                     .tls(certificates.serverCertificate(), certificates.serverKey(), certificates.caCertificate())
                     .start()) {
            assertThatThrownBy(() -> pingOverTls(server.tlsPort(), otherCa.caCertificate()))
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }

    private static String pingOverTls(int port, Path caCertificate) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream pem = Files.newInputStream(caCertificate)) {
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            byte[] reply = new byte[5];
            int read = socket.getInputStream().readNBytes(reply, 0, reply.length);
            return new String(reply, 0, read, StandardCharsets.US_ASCII);
        }
    }
}
