package io.valkeystreams.reliability;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The test's handle on a {@link ConsumerProcess}: start it, wait for it, kill it, or stop it. */
final class ChildConsumer implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final Path records;
    private final Path heapSamples;

    private ChildConsumer(Process process, Path log, Path records, Path heapSamples) {
        this.process = process;
        this.log = log;
        this.records = records;
        this.heapSamples = heapSamples;
    }

    /**
     * Launches {@code java <jvmArgs> -cp <this JVM's class path> ConsumerProcess key=value…}; its output
     * goes to {@code <dir>/<name>.log}, its records to {@code <dir>/<name>.records}.
     */
    static ChildConsumer start(String name, Path dir, List<String> jvmArgs, Map<String, String> options) {
        try {
            Files.createDirectories(dir);
            Path log = dir.resolve(name + ".log");
            Path records = dir.resolve(name + ".records");
            Path heap = dir.resolve(name + ".heap");
            Files.deleteIfExists(records);
            Files.deleteIfExists(heap);
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command()
                    .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(jvmArgs);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), ConsumerProcess.class.getName()));
            command.add("records=" + records);
            if (options.containsKey("sampleMillis")) {
                command.add("heapSamples=" + heap);
            }
            options.forEach((key, value) -> command.add(key + "=" + value));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            return new ChildConsumer(process, log, records, heap);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a consumer process", e);
        }
    }

    /** Waits until its containers run; returns its consumer name. */
    String awaitReady(Duration timeout) {
        await("consumer process ready (see " + log + ")").atMost(timeout)
                .until(() -> !process.isAlive() || output().contains(ConsumerProcess.READY));
        if (!process.isAlive()) {
            throw new IllegalStateException("the consumer process exited with " + process.exitValue() + ":\n" + output());
        }
        String out = output();
        int start = out.indexOf(ConsumerProcess.READY) + ConsumerProcess.READY.length() + 1;
        return out.substring(start, out.indexOf('\n', start)).trim();
    }

    /** Calls recorded so far (complete lines). */
    long recorded() {
        if (!Files.exists(records)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(records, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.endsWith(" .")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path records() {
        return records;
    }

    Path heapSamples() {
        return heapSamples;
    }

    /** SIGKILL, and wait until it is gone. */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** Asks it to stop gracefully and waits for it; returns its exit code. */
    int stop(Duration timeout) {
        try (OutputStream input = process.getOutputStream()) {
            input.write("stop\n".getBytes(StandardCharsets.UTF_8));
        } catch (IOException alreadyGone) {
            // it has exited; its exit code tells
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                awaitExit();
                throw new IllegalStateException("the consumer process did not stop within " + timeout + ":\n" + output());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return process.exitValue();
    }

    String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitExit() {
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            awaitExit();
        }
    }
}
