package io.valkeystreams.core.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valkeystreams.test.ValkeyServer;
import io.valkeystreams.test.ValkeyTest;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

@ValkeyTest
class StreamsConnectionIT {

    @Test
    void connectsAndRunsCommands(ValkeyServer server) {
        try (StreamsConnection connection = StreamsConnection.connect(server.url())) {
            assertThat(connection.sync().ping()).isEqualTo("PONG");
            assertThat(connection.isCluster()).isFalse();
        }
    }

    @Test
    void aServerThatIsDownIsAConnectionExceptionNamingIt() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        int closedPort = port;
        assertThatThrownBy(() -> StreamsConnection.connect("redis://127.0.0.1:" + closedPort))
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("127.0.0.1:" + closedPort)
                .hasMessageContaining("cannot reach Valkey");
    }

    @Test
    void serverErrorsBecomeCommandExceptionsWithTheirCode(ValkeyServer server) {
        try (StreamsConnection connection = StreamsConnection.connect(server.url())) {
            connection.sync().set("k", "v");
            assertThatThrownBy(() -> {
                try {
                    connection.sync().xlen("k");
                } catch (RuntimeException e) {
                    throw LettuceErrors.translate("XLEN k", e);
                }
            }).isInstanceOfSatisfying(CommandException.class, e -> assertThat(e.errorCode()).isEqualTo("WRONGTYPE"))
                    .hasMessageContaining("XLEN k failed");
        }
    }
}
