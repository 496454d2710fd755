package io.valkeystreams.core.consume;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Default consumer names: {@code <host>-<pid>-<random>}, unique per container and process. */
final class ConsumerNames {

    private ConsumerNames() {
    }

    static String generate() {
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        return host() + "-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(random);
    }

    private static String host() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return sanitize(fromEnvironment);
        }
        try {
            return sanitize(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }

    private static String sanitize(String text) {
        String cleaned = text.trim().replaceAll("[^A-Za-z0-9._-]", "_");
        return cleaned.isEmpty() ? "unknown-host" : cleaned;
    }
}
