package io.valkeystreams.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValkeyServersTest {

    @Test
    void whenNothingIsAvailableThenTheFailureSaysHowToGetAServer() {
        assertThatThrownBy(() -> ValkeyServers.resolve(Map.of("PATH", "/nonexistent"), () -> false))
                .isInstanceOf(ValkeyServerException.class)
                .hasMessageContaining("VALKEY_URL")
                .hasMessageContaining("scripts/ensure-valkey")
                .hasMessageContaining("Docker");
    }

    @Test
    void valkeyUrlWinsOverEverythingElse() {
        try (ValkeyServer server = ValkeyServers.resolve(Map.of("VALKEY_URL", "redis://example.invalid:7000"), () -> true)) {
            assertThat(server).isInstanceOf(ExternalValkeyServer.class);
            assertThat(server.host()).isEqualTo("example.invalid");
            assertThat(server.port()).isEqualTo(7000);
        }
    }

    @Test
    void aValkeyUrlOfAnotherSchemeIsRefusedWithoutShowingItsPassword() {
        assertThatThrownBy(() -> ExternalValkeyServer.of("http://user:s3cret@host:1"))
                .isInstanceOf(ValkeyServerException.class)
                .hasMessageContaining("redis://")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void aBinaryIsFoundOnPathAndAMissingOneIsNot(@TempDir Path dir) throws Exception {
        Path fake = Files.createFile(dir.resolve("valkey-server"));
        fake.toFile().setExecutable(true);
        assertThat(ValkeyBinary.find(null, "/nonexistent:" + dir)).contains(fake);
        assertThat(ValkeyBinary.find(null, "/nonexistent")).isEmpty();
        assertThat(ValkeyBinary.find(null, null)).isEmpty();
    }

    @Test
    void anExplicitBinaryThatIsNotExecutableIsNamedInTheError(@TempDir Path dir) {
        assertThatThrownBy(() -> ValkeyBinary.find(dir.resolve("nope").toString(), null))
                .isInstanceOf(ValkeyServerException.class)
                .hasMessageContaining("VALKEY_SERVER_BIN")
                .hasMessageContaining("nope");
    }
}
