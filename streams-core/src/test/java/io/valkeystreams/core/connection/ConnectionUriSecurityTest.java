package io.valkeystreams.core.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectionUriSecurityTest {

    @Test
    void passwordsHoldingReservedCharactersAreMaskedWhole() {
        assertThat(ConnectionUri.redact("redis://u:SEC/RET@h:6379")).isEqualTo("redis://u:***@h:6379");
        assertThat(ConnectionUri.redact("redis://u:SEC@RET@h:6379")).isEqualTo("redis://u:***@h:6379");
        assertThat(ConnectionUri.redact("redis://u:SEC?RET#X@h:6379/1")).isEqualTo("redis://u:***@h:6379/1");
        assertThat(ConnectionUri.redact("redis-sentinel://:SECRET@h1:26379,h2:26379#m"))
                .isEqualTo("redis-sentinel://:***@h1:26379,h2:26379#m");
    }

    @Test
    void textWithoutASchemeIsMaskedFromItsStart() {
        assertThat(ConnectionUri.redact("u:SECRET@h:6379")).isEqualTo("u:***@h:6379");
        assertThat(ConnectionUri.redact("SECRET@h:6379")).isEqualTo("***@h:6379");
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis://u:SEC/RET@h:6379", "redis://u:SECRET@[::1", "redis://u:SEC RET@h:6379",
            "redis://u:SECRET@h:6379/notadb", "http://u:SECRET@h", "u:SECRET@h:6379",
            "rediss://u:SECRET@h:6379?verifyPeer=maybe", "redis-cluster://u:SECRET@h1:1/x,h2:1",
            "redis://u:SECRET@h:6379?cacert=/nowhere/ca.pem"})
    void anUnparseableUriIsRefusedWithoutShowingThePasswordAnywhereInTheException(String uri) {
        Throwable failure = catchThrowable(() -> ConnectionUri.parse(uri));

        assertThat(failure).isInstanceOf(ConnectionException.class).hasMessageContaining("connection URI");
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).contains("***").doesNotContain("SECRET").doesNotContain("SEC RET")
                .doesNotContain("RET@");
    }

    @Test
    void evenAOneCharacterTailOfThePasswordThatLettuceQuotesIsWithheld() {
        assertThatThrownBy(() -> ConnectionUri.parse("redis://u:SECRET/x@h:6379"))
                .isInstanceOf(ConnectionException.class)
                .hasMessage("invalid connection URI 'redis://u:***@h:6379': NumberFormatException (details withheld: "
                        + "they would show the password; percent-encode '/', '@', ':', '?', '#' and spaces in a "
                        + "password: %2F %40 %3A %3F %23 %20)")
                .hasNoCause();
        assertThatThrownBy(() -> ConnectionUri.parse("redis://h:6379/x"))
                .isInstanceOf(ConnectionException.class)
                .hasMessage("invalid connection URI 'redis://h:6379/x': For input string: \"x\"")
                .hasCauseInstanceOf(NumberFormatException.class);
    }

    @Test
    void aCaCertificateInTheUriIsTakenOutOfWhatLettuceSees(@TempDir Path dir) throws Exception {
        Path ca = Files.writeString(dir.resolve("my ca.pem"), "not read here");
        String encoded = ca.toString().replace(" ", "%20");

        ConnectionUri uri = ConnectionUri.parse("rediss://u:pw@h:6380?timeout=2s&cacert=" + encoded + "&clientName=app");

        assertThat(uri.caCertificate()).isEqualTo(ca);
        assertThat(uri.uris().get(0).isSsl()).isTrue();
        assertThat(uri.uris().get(0).getTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(uri.uris().get(0).getClientName()).isEqualTo("app");
        assertThat(uri.uris().get(0).toString()).doesNotContain("cacert");
        assertThat(ConnectionUri.parse("rediss-cluster://h1:7000,h2:7001?cacert=" + encoded).caCertificate()).isEqualTo(ca);
        assertThat(ConnectionUri.parse("rediss://h:6380").caCertificate()).isNull();
    }

    @Test
    void aCaCertificateNeedsATlsUriAndAReadableFile(@TempDir Path dir) throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "x");

        assertThatThrownBy(() -> ConnectionUri.parse("redis://h:6379?cacert=" + ca))
                .isInstanceOf(ConnectionException.class).hasMessageContaining("does not use TLS; use rediss://");
        assertThatThrownBy(() -> ConnectionUri.parse("rediss://h:6379?cacert=" + dir.resolve("missing.pem")))
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("the CA certificate file '" + dir.resolve("missing.pem") + "'");
    }
}
