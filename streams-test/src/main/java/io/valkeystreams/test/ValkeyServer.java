package io.valkeystreams.test;

/**
 * A real Valkey (or Redis) server handed to a test: an external one named by {@code VALKEY_URL},
 * a {@code valkey-server} process spawned for the test run, or a Testcontainers container.
 */
public interface ValkeyServer extends AutoCloseable {

    /** Host name or address clients connect to. */
    String host();

    /** TCP port clients connect to. */
    int port();

    /** A Lettuce-style URI for this server, such as {@code redis://127.0.0.1:41234}. */
    String url();

    /** Whether the server currently answers {@code PING}. */
    boolean isRunning();

    /**
     * Removes every key of every database, so the next test starts from an empty keyspace.
     *
     * @throws ValkeyServerException when the server does not answer
     */
    void flushAll();

    /** Stops the server if this object owns it; a no-op for an external server. */
    @Override
    void close();
}
