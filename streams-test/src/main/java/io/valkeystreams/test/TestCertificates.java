package io.valkeystreams.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away certificate authority and a server certificate it signed, as PEM files in a
 * temporary directory, for TLS tests: the server certificate names {@code 127.0.0.1} and
 * {@code localhost}, so clients that verify host names accept it. Made with the {@code openssl}
 * command (EC P-256 keys, valid for two days); the directory is deleted on {@link #close()}.
 */
public final class TestCertificates implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Path dir;

    private TestCertificates(Path dir) {
        this.dir = dir;
    }

    /** Whether an {@code openssl} command is available to {@link #generate()}. */
    public static boolean opensslAvailable() {
        try {
            openssl(Path.of(System.getProperty("java.io.tmpdir")), "version");
            return true;
        } catch (ValkeyServerException e) {
            return false;
        }
    }

    /**
     * Generates a new CA and a server certificate for {@code 127.0.0.1} and {@code localhost}.
     *
     * @throws ValkeyServerException when openssl is missing or fails; the message quotes its output
     */
    public static TestCertificates generate() {
        Path dir;
        try {
            dir = Files.createTempDirectory("valkey-tls-");
            Files.writeString(dir.resolve("server.ext"), String.join("\n",
                    "basicConstraints=CA:FALSE",
                    "keyUsage=critical,digitalSignature,keyEncipherment",
                    "extendedKeyUsage=serverAuth",
                    "subjectAltName=IP:127.0.0.1,DNS:localhost", ""), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a directory for test certificates", e);
        }
        TestCertificates certificates = new TestCertificates(dir);
        try {
            openssl(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=valkey-streams test CA",
                    "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
            openssl(dir, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost");
            openssl(dir, "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                    "-out", "server.crt", "-days", "2", "-extfile", "server.ext");
            return certificates;
        } catch (RuntimeException e) {
            certificates.close();
            throw e;
        }
    }

    /** The CA certificate (PEM): what a client must trust. */
    public Path caCertificate() {
        return dir.resolve("ca.crt");
    }

    /** The server certificate (PEM), signed by the CA. */
    public Path serverCertificate() {
        return dir.resolve("server.crt");
    }

    /** The server's private key (PEM, unencrypted). */
    public Path serverKey() {
        return dir.resolve("server.key");
    }

    /** Deletes the files. */
    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    private static void openssl(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new ValkeyServerException("openssl " + args[0] + " did not finish within " + TIMEOUT.toSeconds() + "s");
            }
            if (process.exitValue() != 0) {
                throw new ValkeyServerException(String.join(" ", command) + " failed (exit code " + process.exitValue()
                        + "):\n" + output);
            }
        } catch (IOException e) {
            throw new ValkeyServerException("cannot run openssl (is it installed?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ValkeyServerException("interrupted while running openssl", e);
        }
    }
}
