package io.valkeystreams.test;

import java.io.IOException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/** A {@code valkey/valkey} container started with Testcontainers, used when no binary is installed. */
final class ContainerValkeyServer implements ValkeyServer {

    static final String IMAGE = "valkey/valkey:8.0";
    private static final int VALKEY_PORT = 6379;

    private final GenericContainer<?> container;

    private ContainerValkeyServer(GenericContainer<?> container) {
        this.container = container;
    }

    /** Whether Testcontainers is on the class path and a Docker engine answers. */
    static boolean dockerAvailable() {
        try {
            Class.forName("org.testcontainers.DockerClientFactory");
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static ContainerValkeyServer start() {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(IMAGE))
                .withExposedPorts(VALKEY_PORT);
        container.start();
        return new ContainerValkeyServer(container);
    }

    @Override
    public String host() {
        return container.getHost();
    }

    @Override
    public int port() {
        return container.getMappedPort(VALKEY_PORT);
    }

    @Override
    public String url() {
        return "redis://" + host() + ":" + port();
    }

    @Override
    public boolean isRunning() {
        try (RespClient client = RespClient.connect(host(), port(), null, null)) {
            return "PONG".equals(client.call("PING"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void flushAll() {
        try (RespClient client = RespClient.connect(host(), port(), null, null)) {
            client.call("FLUSHALL");
        } catch (IOException e) {
            throw new ValkeyServerException("the Valkey container did not accept FLUSHALL: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        container.stop();
    }
}
