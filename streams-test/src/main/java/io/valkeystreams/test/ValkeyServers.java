package io.valkeystreams.test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Resolves a real server for tests, in this order: {@code VALKEY_URL}, a {@code valkey-server} or
 * {@code redis-server} binary (spawned on a free port), Docker through Testcontainers, else a
 * {@link ValkeyServerException} that says how to get one.
 */
public final class ValkeyServers {

    /** Environment variable naming an external server to use instead of spawning one. */
    public static final String URL_ENV = "VALKEY_URL";

    static final String NO_SERVER_MESSAGE = "No Valkey server for tests: set VALKEY_URL=redis://host:port to use a "
            + "running server, or install valkey-server on PATH (run scripts/ensure-valkey; Debian: apt-get install "
            + "valkey-server, macOS: brew install valkey), or start a Docker engine so Testcontainers can run "
            + ContainerValkeyServer.IMAGE;

    private ValkeyServers() {
    }

    /** Resolves a server from this process's environment. The caller closes it. */
    public static ValkeyServer resolve() {
        return resolve(System.getenv(), ContainerValkeyServer::dockerAvailable);
    }

    static ValkeyServer resolve(Map<String, String> environment, BooleanSupplier dockerAvailable) {
        String url = environment.get(URL_ENV);
        if (url != null && !url.isBlank()) {
            return ExternalValkeyServer.of(url.trim());
        }
        Optional<Path> binary = ValkeyBinary.find(environment.get(ValkeyBinary.BINARY_ENV), environment.get("PATH"));
        if (binary.isPresent()) {
            return SpawnedValkeyServer.builder(binary.get()).start();
        }
        if (dockerAvailable.getAsBoolean()) {
            return ContainerValkeyServer.start();
        }
        throw new ValkeyServerException(NO_SERVER_MESSAGE);
    }
}
