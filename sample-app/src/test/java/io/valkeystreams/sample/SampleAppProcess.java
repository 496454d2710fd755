package io.valkeystreams.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The sample app as its own JVM, started from the repackaged jar exactly as {@code java -jar
 * sample-app/target/sample-app.jar} runs it; its output goes to a log file under {@code target/}.
 */
final class SampleAppProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private SampleAppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the app against a Valkey URL with extra {@code --name=value} arguments. */
    static SampleAppProcess start(String valkeyUrl, String logName, String... args) {
        Path jar = Path.of(System.getProperty("sample.jar", "target/sample-app.jar"));
        assertThat(jar).as("the repackaged jar; run the test through Maven (it is built in the package phase)")
                .exists();
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xmx512m", "-jar", jar.toString(),
                "--server.port=" + port, "--spring.data.redis.url=" + valkeyUrl, "--spring.main.banner-mode=off"));
        command.addAll(List.of(args));
        Path log = jar.resolveSibling(logName);
        try {
            Files.deleteIfExists(log);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            return new SampleAppProcess(process, port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** Waits until {@code /actuator/health/readiness} answers 200. */
    SampleAppProcess awaitReady(Duration timeout) {
        Awaitility.await("sample app on port " + port + " (log " + log + ")").atMost(timeout)
                .pollInterval(Duration.ofMillis(250)).ignoreExceptionsInstanceOf(IOException.class).until(() -> {
                    assertThat(process.isAlive()).as("the app exited; see " + log).isTrue();
                    return get("/actuator/health/readiness").statusCode() == 200;
                });
        return this;
    }

    /** GETs a path of the app. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Kills the process as a crash would (SIGKILL): nothing is finished or acknowledged. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
