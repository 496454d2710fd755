package io.valkeystreams.cli;

import static io.valkeystreams.cli.CliIT.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.valkeystreams.cli.CliIT.Result;
import io.valkeystreams.core.admin.AclRules;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.test.SpawnedValkeyServer;
import io.valkeystreams.test.TestCertificates;
import io.valkeystreams.test.ValkeyBinary;
import io.valkeystreams.test.ValkeyServer;
import io.valkeystreams.test.ValkeyTest;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@ValkeyTest
class SecurityCliIT {

    private static final String USER = "cli-app";
    private static final String SECRET = "Cli-S3cret-Pw";

    @AfterEach
    void deleteUser(ValkeyServer server) {
        ((SpawnedValkeyServer) server).call("ACL", "DELUSER", USER);
    }

    @Test
    void aclPrintsTheGeneratedLineWhichTheServerAcceptsAndUnderWhichInitAndStatusWork(ValkeyServer server) {
        Result acl = run("acl", "--user", USER);

        assertThat(acl.exitCode()).isZero();
        assertThat(acl.out().strip()).isEqualTo(AclRules.of(StreamCatalog.platform()).setUserCommand(USER));
        createUser((SpawnedValkeyServer) server, acl.out().strip());
        String url = "redis://" + USER + ":" + SECRET + "@" + server.host() + ":" + server.port();
        assertThat(run("init", "--url", url).out()).contains("created 29 stream keys and 83 consumer groups");
        assertThat(run("trim", "--url", url).exitCode()).isZero();
        assertThat(run("status", "--url", url).out()).contains("total: 0 entries in 7 streams");
    }

    @Test
    void aclHasVariantsForAnAclFileAndAClusterAndHelpWithExamples() {
        assertThat(run("acl", "--acl-file").out()).startsWith("user valkey-streams on resetkeys resetchannels");
        assertThat(run("acl", "--cluster").out()).contains("+cluster|nodes +cluster|myid");
        Result help = run("acl", "--help");
        assertThat(help.out()).contains("Examples:", "--user", "--cluster", "--acl-file", "docs/security.md");
        Result badUser = run("acl", "--user", "two words");
        assertThat(badUser.exitCode()).isEqualTo(1);
        assertThat(badUser.err()).contains("ACL user name");
    }

    @Test
    void aMissingPermissionNamesTheCommandAndTheKey(ValkeyServer server) {
        createUser((SpawnedValkeyServer) server, AclRules.of(StreamCatalog.platform()).setUserCommand(USER)
                .replace(" +xgroup|create", ""));

        Result init = run("init", "--url", "redis://" + USER + ":" + SECRET + "@" + server.host() + ":" + server.port());

        assertThat(init.exitCode()).isEqualTo(1);
        assertThat(init.err()).contains("XGROUP CREATE reputation.events:0 reputation_calculator failed",
                "NOPERM", "'xgroup|create'", "valkey-streams acl").doesNotContain(SECRET);
    }

    @Test
    void failuresNeverPrintThePasswordInProcessOrFromTheJar(ValkeyServer server) throws Exception {
        createUser((SpawnedValkeyServer) server, AclRules.of(StreamCatalog.platform()).setUserCommand(USER)
                .replace(" +type", ""));
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String hostPort = server.host() + ":" + server.port();
        List<List<String>> commands = List.of(
                List.of("status", "--url", "redis://" + USER + ":" + SECRET + "-wrong@" + hostPort),
                List.of("status", "--url", "redis://" + USER + ":" + SECRET + "@127.0.0.1:" + closedPort),
                List.of("status", "--url", "redis://" + USER + ":" + SECRET + "/x@" + hostPort),
                List.of("status", "--url", "redis://" + USER + ":" + SECRET + "@[::1"),
                List.of("init", "--url", "redis://" + USER + ":" + SECRET + "@" + hostPort),
                List.of("trim", "--url", "rediss://" + USER + ":" + SECRET + "@" + hostPort + "?timeout=1s"));

        for (List<String> command : commands) {
            Result inProcess = run(command.toArray(String[]::new));
            assertThat(inProcess.exitCode()).as(String.join(" ", command)).isEqualTo(1);
            assertThat(inProcess.out() + inProcess.err()).as(String.join(" ", command)).doesNotContain(SECRET);
        }
        for (List<String> command : commands.subList(0, 2)) {
            String output = runJar(command);
            assertThat(output).as(String.join(" ", command)).startsWith("valkey-streams status:").doesNotContain(SECRET);
        }
    }

    @Test
    void statusOverTlsTrustsTheCaNamedInTheUrlAndExplainsAnUntrustedCertificate() {
        assumeTrue(TestCertificates.opensslAvailable(), "openssl is not installed");
        try (TestCertificates certificates = TestCertificates.generate();
             SpawnedValkeyServer tls = SpawnedValkeyServer.builder(ValkeyBinary.find().orElseThrow())
                     .tls(certificates.serverCertificate(), certificates.serverKey(), certificates.caCertificate())
                     .start()) {
            Result trusted = run("init", "--url", tls.tlsUrl() + "?cacert=" + certificates.caCertificate());
            Result untrusted = run("status", "--url", tls.tlsUrl());

            assertThat(trusted.exitCode()).isZero();
            assertThat(trusted.out()).contains("created 29 stream keys");
            assertThat(untrusted.exitCode()).isEqualTo(1);
            assertThat(untrusted.err()).contains("the TLS handshake failed", "?cacert=");
        }
    }

    private static void createUser(SpawnedValkeyServer server, String setUserCommand) {
        List<String> words = new ArrayList<>(List.of(setUserCommand.split(" ")));
        words.add(">" + SECRET);
        server.call(words.toArray(String[]::new));
    }

    private static String runJar(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target", "valkey-streams-cli.jar").toString()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(1);
        return output;
    }
}
