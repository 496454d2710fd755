package io.valkeystreams.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SpawnedValkeyServerTest {

    private Path binary;

    @BeforeEach
    void needsBinary() {
        binary = ValkeyBinary.find().orElse(null);
        assumeTrue(binary != null, "valkey-server is not installed; run scripts/ensure-valkey");
    }

    @Test
    void startsOnAFreePortAnswersAndIsGoneAfterClose() {
        SpawnedValkeyServer server = SpawnedValkeyServer.builder(binary).start();
        try {
            assertThat(server.isRunning()).isTrue();
            assertThat(server.call("SET", "k", "v")).isEqualTo("OK");
            server.flushAll();
            assertThat(server.call("DBSIZE")).isEqualTo(0L);
        } finally {
            server.close();
        }
        assertThat(server.isRunning()).isFalse();
        assertThat(server.directory()).doesNotExist();
    }

    @Test
    void aPortInUseIsReportedByNumber() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            SpawnedValkeyServer server = SpawnedValkeyServer.builder(binary).port(port).build();
            try {
                assertThatThrownBy(server::startProcess)
                        .isInstanceOf(ValkeyServerException.class)
                        .hasMessageContaining("port " + port + " is already in use");
            } finally {
                server.close();
            }
        }
    }

    @Test
    void aServerThatDiedSaysSoAndCanBeStartedAgainWithItsData() {
        try (SpawnedValkeyServer server = SpawnedValkeyServer.builder(binary).args("--appendonly", "yes",
                "--appendfsync", "always").start()) {
            server.call("SET", "survives", "yes");
            server.kill();

            assertThat(server.isRunning()).isFalse();
            assertThatThrownBy(() -> server.call("PING"))
                    .isInstanceOf(ValkeyServerException.class)
                    .hasMessageContaining("is not running");

            server.startProcess();
            assertThat(server.isRunning()).isTrue();
            assertThat(server.call("GET", "survives")).isEqualTo("yes");
        }
    }

    @Test
    void aBadArgumentMakesStartFailWithTheServersOwnWords() {
        SpawnedValkeyServer server = SpawnedValkeyServer.builder(binary).args("--no-such-option", "1").build();
        try {
            assertThatThrownBy(server::startProcess)
                    .isInstanceOf(ValkeyServerException.class)
                    .hasMessageContaining("exit")
                    .hasMessageContaining("no-such-option");
        } finally {
            server.close();
        }
    }
}
