package io.valkeystreams.core.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConnectionUriTest {

    @Test
    void aPlainUriIsStandalone() {
        ConnectionUri uri = ConnectionUri.parse("redis://localhost:6380/2");
        assertThat(uri.cluster()).isFalse();
        assertThat(uri.uris().get(0).getPort()).isEqualTo(6380);
        assertThat(uri.uris().get(0).getDatabase()).isEqualTo(2);
    }

    @Test
    void aClusterUriListsItsSeedsAndKeepsCredentials() {
        ConnectionUri uri = ConnectionUri.parse("redis-cluster://app:pw@h1:7000,h2:7001");
        assertThat(uri.cluster()).isTrue();
        assertThat(uri.uris()).hasSize(2);
        assertThat(uri.uris().get(1).getHost()).isEqualTo("h2");
        assertThat(uri.uris().get(1).getUsername()).isEqualTo("app");
        assertThat(uri.display()).isEqualTo("redis-cluster://app:***@h1:7000,h2:7001");
    }

    @Test
    void passwordsAreMaskedInDisplays() {
        assertThat(ConnectionUri.redact("redis://user:secret@host:1")).isEqualTo("redis://user:***@host:1");
        assertThat(ConnectionUri.redact("redis://secret@host:1")).isEqualTo("redis://***@host:1");
        assertThat(ConnectionUri.redact("redis://host:1")).isEqualTo("redis://host:1");
    }

    @Test
    void badUrisAreRefusedWithoutLeakingThePassword() {
        assertThatThrownBy(() -> ConnectionUri.parse("http://u:topsecret@host"))
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("scheme must be redis://")
                .hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> ConnectionUri.parse(" "))
                .isInstanceOf(ConnectionException.class).hasMessageContaining("must not be blank");
        assertThatThrownBy(() -> ConnectionUri.parse("redis-cluster://"))
                .isInstanceOf(ConnectionException.class).hasMessageContaining("no cluster node");
    }
}
