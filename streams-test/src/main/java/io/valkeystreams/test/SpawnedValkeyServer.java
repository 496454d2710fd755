package io.valkeystreams.test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A {@code valkey-server} (or {@code redis-server}) process owned by a test: free port, its own
 * temporary directory, killed on {@link #close()} and at JVM exit. It can be stopped, killed and
 * started again on the same port and directory to test crash recovery.
 */
public final class SpawnedValkeyServer implements ValkeyServer {

    /** How long a server may take to print that it is ready. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(20);

    private static final int MAX_PORT_ATTEMPTS = 5;
    private static final int KEPT_OUTPUT_LINES = 30;
    private static final String READY_MARKER = "Ready to accept connections";

    private final Path binary;
    private final List<String> extraArgs;
    private final boolean clusterBus;
    private final List<Path> tlsFiles;
    private final Path dir;
    private final boolean ownsDir;
    private final Duration startTimeout;
    private final Thread shutdownHook;
    private final Deque<String> output = new ArrayDeque<>();
    private volatile int port;
    private volatile int busPort;
    private volatile int tlsPort;
    private volatile Process process;

    private SpawnedValkeyServer(Builder builder) {
        this.binary = builder.binary;
        this.extraArgs = List.copyOf(builder.extraArgs);
        this.clusterBus = builder.clusterBus;
        this.tlsFiles = builder.tlsFiles;
        this.startTimeout = builder.startTimeout;
        this.port = builder.port;
        try {
            this.ownsDir = builder.dir == null;
            this.dir = ownsDir ? Files.createTempDirectory("valkey-test-") : builder.dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for valkey-server", e);
        }
        this.shutdownHook = new Thread(this::destroyQuietly, "valkey-test-server-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts a builder for a server run by the given binary. */
    public static Builder builder(Path binary) {
        return new Builder(binary);
    }

    /** Starts a server from the binary found by {@link ValkeyBinary#find()}, on a free port. */
    public static SpawnedValkeyServer start() {
        Path binary = ValkeyBinary.find().orElseThrow(() -> new ValkeyServerException(ValkeyServers.NO_SERVER_MESSAGE));
        return builder(binary).start();
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String url() {
        return "redis://" + host() + ":" + port;
    }

    /** The cluster bus port ({@code --cluster-port}), or 0 when the server was not built with {@link Builder#clusterBus()}. */
    public int clusterBusPort() {
        return busPort;
    }

    /**
     * The TLS port ({@code --tls-port}), or 0 when the server was not built with {@link Builder#tls}; the
     * plain {@link #port()} stays open for the test plumbing.
     */
    public int tlsPort() {
        return tlsPort;
    }

    /** A {@code rediss://} URI for the TLS port, such as {@code rediss://127.0.0.1:41235}. */
    public String tlsUrl() {
        return "rediss://" + host() + ":" + tlsPort;
    }

    /** The working directory of the server (append-only files and snapshots live here). */
    public Path directory() {
        return dir;
    }

    @Override
    public boolean isRunning() {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return false;
        }
        try (RespClient client = RespClient.connect(host(), port, null, null)) {
            return "PONG".equals(client.call("PING"));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void flushAll() {
        call("FLUSHALL");
    }

    /**
     * Sends one command with the test plumbing client and returns its reply (string, long, list or null).
     *
     * @throws ValkeyServerException when the server is down or answers with an error
     */
    public Object call(String... command) {
        Process p = process;
        if (p == null || !p.isAlive()) {
            throw new ValkeyServerException("the valkey-server on port " + port + " is not running"
                    + exitDescription() + "; last output:\n" + lastOutput());
        }
        try (RespClient client = RespClient.connect(host(), port, null, null)) {
            return client.call(command);
        } catch (IOException e) {
            throw new ValkeyServerException("valkey-server on port " + port + " failed on "
                    + command[0] + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts (or restarts) the process on this server's port and directory, and waits until it is ready.
     *
     * @return this server
     * @throws ValkeyServerException when the process cannot start; the message quotes its output
     */
    public synchronized SpawnedValkeyServer startProcess() {
        if (process != null && process.isAlive()) {
            return this;
        }
        boolean choosePort = port == 0;
        for (int attempt = 1; ; attempt++) {
            if (choosePort) {
                port = freePort();
            }
            if (clusterBus && (choosePort || busPort == 0)) {
                busPort = freePortOtherThan(port);
            }
            if (!tlsFiles.isEmpty() && (choosePort || tlsPort == 0)) {
                tlsPort = freePortOtherThan(port);
            }
            StartOutcome outcome = launch();
            if (outcome == StartOutcome.READY) {
                return this;
            }
            if (outcome == StartOutcome.PORT_IN_USE && choosePort && attempt < MAX_PORT_ATTEMPTS) {
                continue;
            }
            String reason = outcome == StartOutcome.PORT_IN_USE
                    ? "port " + port + (clusterBus ? " or cluster bus port " + busPort : "")
                            + (tlsFiles.isEmpty() ? "" : " or TLS port " + tlsPort) + " is already in use"
                    : outcome == StartOutcome.TIMED_OUT
                            ? "it did not become ready within " + startTimeout.toSeconds() + "s"
                            : "it exited" + exitDescription();
            destroyQuietly();
            throw new ValkeyServerException("cannot start " + binary + " on port " + port + ": " + reason
                    + "; last output:\n" + lastOutput());
        }
    }

    /** Stops the process gracefully (SIGTERM: the server fsyncs its append-only file) and waits for it. */
    public synchronized void stop() {
        Process p = process;
        if (p != null) {
            p.destroy();
            awaitExit(p);
        }
    }

    /** Kills the process at once (SIGKILL), as a crash would, and waits for it to be gone. */
    public synchronized void kill() {
        Process p = process;
        if (p != null) {
            p.destroyForcibly();
            awaitExit(p);
        }
    }

    @Override
    public synchronized void close() {
        destroyQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run; nothing left to remove
        }
        if (ownsDir) {
            deleteRecursively(dir);
        }
    }

    @Override
    public String toString() {
        return "SpawnedValkeyServer[" + url() + ", " + binary + "]";
    }

    private enum StartOutcome { READY, PORT_IN_USE, EXITED, TIMED_OUT }

    private StartOutcome launch() {
        List<String> command = new ArrayList<>(List.of(binary.toString(),
                "--port", Integer.toString(port),
                "--bind", "127.0.0.1",
                "--dir", dir.toString(),
                "--save", "",
                "--appendonly", "no",
                "--protected-mode", "no",
                "--daemonize", "no",
                "--loglevel", "notice"));
        if (clusterBus) {
            command.addAll(List.of("--cluster-port", Integer.toString(busPort)));
        }
        if (!tlsFiles.isEmpty()) {
            command.addAll(List.of("--tls-port", Integer.toString(tlsPort), "--tls-cert-file", tlsFiles.get(0).toString(),
                    "--tls-key-file", tlsFiles.get(1).toString(), "--tls-ca-cert-file", tlsFiles.get(2).toString(),
                    "--tls-auth-clients", "no"));
        }
        command.addAll(extraArgs);
        synchronized (output) {
            output.clear();
        }
        CountDownLatch ready = new CountDownLatch(1);
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new ValkeyServerException("cannot run " + binary + ": " + e.getMessage(), e);
        }
        Process p = process;
        Thread reader = new Thread(() -> pump(p, ready), "valkey-test-server-output-" + port);
        reader.setDaemon(true);
        reader.start();
        p.onExit().thenRun(ready::countDown);
        try {
            if (!ready.await(startTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return StartOutcome.TIMED_OUT;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            destroyQuietly();
            throw new ValkeyServerException("interrupted while starting valkey-server on port " + port, e);
        }
        if (p.isAlive()) {
            return StartOutcome.READY;
        }
        awaitExit(p);
        awaitOutput(reader);
        return lastOutput().contains("Address already in use") ? StartOutcome.PORT_IN_USE : StartOutcome.EXITED;
    }

    private void pump(Process p, CountDownLatch ready) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (output) {
                    if (output.size() == KEPT_OUTPUT_LINES) {
                        output.removeFirst();
                    }
                    output.addLast(line);
                }
                if (line.contains(READY_MARKER)) {
                    ready.countDown();
                }
            }
        } catch (IOException streamClosed) {
            // the process ended; its exit is observed through onExit
        }
    }

    /** Lets the output reader drain what an exited process printed, so error messages quote all of it. */
    private void awaitOutput(Thread reader) {
        try {
            reader.join(startTimeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String lastOutput() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    private String exitDescription() {
        Process p = process;
        return p != null && !p.isAlive() ? " (exit code " + p.exitValue() + ")" : "";
    }

    private void awaitExit(Process p) {
        try {
            if (!p.waitFor(startTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void destroyQuietly() {
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroyForcibly();
            awaitExit(p);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free TCP port", e);
        }
    }

    private static int freePortOtherThan(int taken) {
        int candidate = freePort();
        while (candidate == taken) {
            candidate = freePort();
        }
        return candidate;
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    /** Options for a spawned server; defaults suit fast, throw-away test servers. */
    public static final class Builder {
        private final Path binary;
        private final List<String> extraArgs = new ArrayList<>();
        private boolean clusterBus;
        private List<Path> tlsFiles = List.of();
        private Path dir;
        private int port;
        private Duration startTimeout = DEFAULT_START_TIMEOUT;

        private Builder(Path binary) {
            if (binary == null) {
                throw new IllegalArgumentException("binary must not be null");
            }
            this.binary = binary;
        }

        /** Port to listen on; 0 (the default) picks a free one and retries if it is taken meanwhile. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** Working directory; by default a new temporary directory deleted on close. */
        public Builder directory(Path dir) {
            this.dir = dir;
            return this;
        }

        /** Extra server arguments, such as {@code "--appendonly", "yes"}; later ones win. */
        public Builder args(String... args) {
            extraArgs.addAll(List.of(args));
            return this;
        }

        /**
         * Also listens on a cluster bus port, picked (and re-picked on a clash) like the client port and
         * passed as {@code --cluster-port}; for servers started with {@code --cluster-enabled yes}. An
         * explicit bus port is needed because the default, client port + 10000, may not exist.
         */
        public Builder clusterBus() {
            this.clusterBus = true;
            return this;
        }

        /**
         * Also listens for TLS on a free port ({@code --tls-port}, see {@link #tlsPort()}) with the given PEM
         * files, without asking clients for certificates; the plain port stays open. Needs a server built
         * with TLS (Debian's and Homebrew's are).
         */
        public Builder tls(Path certificate, Path key, Path caCertificate) {
            this.tlsFiles = List.of(certificate, key, caCertificate);
            return this;
        }

        /** How long to wait for the server to report it is ready. */
        public Builder startTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("startTimeout must be positive, was " + timeout);
            }
            this.startTimeout = timeout;
            return this;
        }

        /** Creates the server object without starting it. */
        public SpawnedValkeyServer build() {
            return new SpawnedValkeyServer(this);
        }

        /** Creates and starts the server; when it cannot start, its directory is removed before the exception is thrown. */
        public SpawnedValkeyServer start() {
            SpawnedValkeyServer server = build();
            try {
                return server.startProcess();
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
        }
    }
}
