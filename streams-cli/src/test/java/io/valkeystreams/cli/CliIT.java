package io.valkeystreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.valkeystreams.test.SpawnedValkeyServer;
import io.valkeystreams.test.ValkeyServer;
import io.valkeystreams.test.ValkeyTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@ValkeyTest
class CliIT {

    record Result(int exitCode, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ValkeyStreamsCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void initCreatesTheCatalogAndASecondRunChangesNothing(ValkeyServer server) {
        Result first = run("init", "--url", server.url());
        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains("created 29 stream keys and 83 consumer groups; 0 keys and 0 groups already existed");

        Result second = run("init", "--url", server.url());
        assertThat(second.out()).contains("created 0 stream keys and 0 consumer groups; 29 keys and 83 groups already existed");
    }

    @Test
    void fourProcessesProvisioningAtOnceLeaveExactlyTheCatalog(ValkeyServer server) throws Exception {
        Path jar = Path.of("target", "valkey-streams-cli.jar");
        assertThat(jar).as("the shaded jar is built in the package phase, before integration tests").exists();
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", jar.toString(), "init", "--json", "--url", server.url()).redirectErrorStream(true).start());
        }
        int createdGroups = 0;
        for (Process process : processes) {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(output).isZero();
            createdGroups += output.split("\"group\"", -1).length - 1 - countExisting(output);
        }
        assertThat(createdGroups).isEqualTo(83);
        Result status = run("status", "--url", server.url());
        assertThat(status.out()).contains("total: 0 entries in 7 streams");
        assertThat(status.out()).doesNotContain("missing");
    }

    private static int countExisting(String json) {
        int start = json.indexOf("\"existingGroups\"");
        return json.substring(start).split("\"group\"", -1).length - 1;
    }

    @Test
    void statusShowsEveryKeyAndGroupAsTableAndJson(ValkeyServer server) {
        run("init", "--url", server.url());
        ((SpawnedValkeyServer) server).call("XADD", "reputation.events:4", "*", "event_type", "x");

        Result table = run("status", "--url", server.url());
        assertThat(table.exitCode()).isZero();
        assertThat(table.out()).contains("reputation.events:4", "reputation_calculator", "analytics.platform.metrics:1",
                "total: 1 entries in 7 streams, lag 3");

        Result json = run("status", "--json", "--url", server.url());
        assertThat(json.out()).contains("\"key\" : \"reputation.events:4\"", "\"lagEntries\" : 1");
    }

    @Test
    void statusWatchRefreshesTheTable(ValkeyServer server) {
        run("init", "--url", server.url());
        Result watched = run("status", "--watch", "10ms", "--watch-count", "2", "--url", server.url());
        assertThat(watched.exitCode()).isZero();
        assertThat(watched.out().split("every 10 ms: valkey-streams status", -1)).hasSize(3);
        assertThat(watched.out()).contains("TRIMMED", "total: 0 entries in 7 streams");
    }

    @Test
    void trimRemovesEntriesOlderThanRetentionAndKeepsYoungerOnes(ValkeyServer server) {
        SpawnedValkeyServer valkey = (SpawnedValkeyServer) server;
        run("init", "--url", server.url());
        long old = Instant.now().minus(Duration.ofDays(8)).toEpochMilli();
        long young = Instant.now().minus(Duration.ofDays(6)).toEpochMilli();
        valkey.call("XADD", "group.mode.activities:1", old + "-0", "event_type", "old");
        valkey.call("XADD", "group.mode.activities:1", young + "-0", "event_type", "young");

        Result trim = run("trim", "--url", server.url());

        assertThat(trim.exitCode()).isZero();
        assertThat(trim.out()).contains("group.mode.activities:1", "removed 1 entries");
        assertThat(valkey.call("XLEN", "group.mode.activities:1")).isEqualTo(1L);
    }

    @Test
    void aServerThatIsDownIsOneClearLineAndExitCodeOne() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Result result = run("status", "--url", "redis://127.0.0.1:" + port);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip()).startsWith("valkey-streams status:").contains("cannot reach Valkey")
                .doesNotContain("\n").doesNotContain("at io.");
    }

    @Test
    void aBadUrlIsOneClearLineWithoutThePassword() {
        Result result = run("init", "--url", "http://admin:hunter2@host:1");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("invalid connection URI").doesNotContain("hunter2");
        assertThat(result.err().strip().lines()).hasSize(1);
    }

    @Test
    void aWrongTypeKeyIsNamed(ValkeyServer server) {
        ((SpawnedValkeyServer) server).call("SET", "reputation.events:2", "x");
        Result result = run("init", "--url", server.url());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("key 'reputation.events:2' holds a string, not a stream");
    }

    @Test
    void unknownOptionsAreUsageErrors() {
        Result result = run("status", "--frobnicate");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown option: '--frobnicate'");
    }

    @Test
    void everyCommandHasHelpWithExamples() throws Exception {
        for (String command : List.of("init", "status", "trim", "publish", "perf")) {
            Result help = run(command, "--help");
            assertThat(help.exitCode()).isZero();
            assertThat(help.out()).contains("Examples:", "--url");
        }
        assertThat(Files.exists(Path.of("target"))).isTrue();
    }
}
