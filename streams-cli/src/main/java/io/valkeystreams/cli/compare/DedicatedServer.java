package io.valkeystreams.cli.compare;

import io.valkeystreams.core.StreamsException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A {@code valkey-server} (or {@code redis-server}) from {@code PATH} started for one comparison on a free
 * loopback port, without persistence ({@code --save "" --appendonly no}) unless AOF with
 * {@code appendfsync everysec} is asked for; stopped on close.
 */
final class DedicatedServer implements AutoCloseable {

    private static final long START_TIMEOUT_SECONDS = 20;

    private final Process process;
    private final Path dir;
    private final int port;
    private final List<String> command;

    private DedicatedServer(Process process, Path dir, int port, List<String> command) {
        this.process = process;
        this.dir = dir;
        this.port = port;
        this.command = command;
    }

    static DedicatedServer start(boolean aofEverySecond) throws IOException, InterruptedException {
        String binary = findBinary();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path dir = Files.createTempDirectory("valkey-compare-");
        List<String> command = new ArrayList<>(List.of(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--dir", dir.toString()));
        command.addAll(aofEverySecond ? List.of("--appendonly", "yes", "--appendfsync", "everysec")
                : List.of("--appendonly", "no"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CountDownLatch ready = new CountDownLatch(1);
        List<String> output = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (ready.getCount() > 0) {
                        synchronized (output) {
                            output.add(line);
                        }
                    }
                    if (line.contains("Ready to accept connections")) {
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                ready.countDown();
            }
        }, "compare-server-output");
        reader.setDaemon(true);
        reader.start();
        if (!ready.await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS) || !process.isAlive()) {
            process.destroyForcibly();
            synchronized (output) {
                throw new StreamsException(binary + " did not start: " + String.join(" / ", output));
            }
        }
        return new DedicatedServer(process, dir, port, command);
    }

    private static String findBinary() {
        for (String name : List.of("valkey-server", "redis-server")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        throw new StreamsException("compare starts its own valkey-server, but neither valkey-server nor redis-server "
                + "is on PATH; run scripts/ensure-valkey, or pass --url of a server to use");
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** The command line it was started with. */
    String commandLine() {
        return String.join(" ", command.stream().map(arg -> arg.isEmpty() ? "\"\"" : arg).toList());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("compare: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
