package io.valkeystreams.core.connection;

import io.lettuce.core.RedisURI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed connection string: one URI for standalone or sentinel, several seed URIs for a cluster.
 *
 * @param uris          Lettuce URIs (one, or the cluster seeds)
 * @param cluster       whether the string named a cluster
 * @param display       the string with any password masked
 * @param caCertificate PEM file of the CAs to trust for TLS ({@code ?cacert=}), or null for the JVM's truststore
 */
record ConnectionUri(List<RedisURI> uris, boolean cluster, String display, Path caCertificate) {

    /** Query parameter naming a PEM file of CA certificates to trust for {@code rediss://}. */
    static final String CA_CERTIFICATE_PARAMETER = "cacert";

    private static final String CLUSTER = "redis-cluster://";
    private static final String TLS_CLUSTER = "rediss-cluster://";
    private static final String MASK = "***";
    private static final Pattern CA_CERTIFICATE = Pattern.compile("([?&])" + CA_CERTIFICATE_PARAMETER + "=([^&#]*)&?");
    private static final int SHORTEST_SECRET_PIECE = 3;

    /** Whether the string set the command timeout itself ({@code ?timeout=2s}). */
    boolean explicitTimeout() {
        return display.contains("timeout=");
    }

    static ConnectionUri parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ConnectionException("connection URI must not be blank; use redis://host:port");
        }
        String trimmed = text.trim();
        String display = redact(trimmed);
        try {
            Path caCertificate = caCertificate(trimmed, display);
            String lettuceUri = caCertificate == null ? trimmed : withoutCaCertificate(trimmed);
            if (lettuceUri.startsWith(CLUSTER) || lettuceUri.startsWith(TLS_CLUSTER)) {
                boolean tls = lettuceUri.startsWith(TLS_CLUSTER);
                String rest = lettuceUri.substring((tls ? TLS_CLUSTER : CLUSTER).length());
                String credentials = "";
                int at = rest.lastIndexOf('@');
                if (at >= 0) {
                    credentials = rest.substring(0, at + 1);
                    rest = rest.substring(at + 1);
                }
                List<RedisURI> seeds = new ArrayList<>();
                for (String host : rest.split(",")) {
                    if (host.isBlank()) {
                        continue;
                    }
                    seeds.add(RedisURI.create((tls ? "rediss://" : "redis://") + credentials + host.trim()));
                }
                if (seeds.isEmpty()) {
                    throw new IllegalArgumentException("no cluster node given");
                }
                return new ConnectionUri(List.copyOf(seeds), true, display, caCertificate);
            }
            if (!lettuceUri.matches("(redis|rediss|redis-socket|redis-sentinel|rediss-sentinel)://.*")) {
                throw new IllegalArgumentException("the scheme must be redis://, rediss://, redis-sentinel:// or "
                        + "redis-cluster://");
            }
            return new ConnectionUri(List.of(RedisURI.create(lettuceUri)), false, display, caCertificate);
        } catch (ConnectionException e) {
            throw e;
        } catch (RuntimeException e) {
            throw invalid(trimmed, display, e);
        }
    }

    /**
     * Masks the password part of a URI: everything between the scheme and the last {@code @}, except
     * a user name before the first {@code :}. Text without a scheme is masked from its start, so a
     * string that is not a URI at all still does not show its password.
     */
    static String redact(String uri) {
        int[] secret = secretRange(uri);
        return secret == null ? uri : uri.substring(0, secret[0]) + MASK + uri.substring(secret[1]);
    }

    /** Start (inclusive) and end (exclusive) of the password part of a URI, or null when it has none. */
    private static int[] secretRange(String uri) {
        int scheme = uri.indexOf("://");
        int start = scheme < 0 ? 0 : scheme + 3;
        int at = uri.lastIndexOf('@');
        if (at < start) {
            return null;
        }
        int colon = uri.indexOf(':', start);
        return new int[] {colon >= 0 && colon < at ? colon + 1 : start, at};
    }

    /**
     * Explains an unparseable URI without its password. Lettuce's messages may quote the URI or a
     * piece of it; when they would show any part of the password they are replaced by advice, and
     * the original exception (whose message holds the password) is not kept as the cause.
     */
    private static ConnectionException invalid(String uri, String display, RuntimeException failure) {
        String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        int[] range = secretRange(uri);
        String secret = range == null ? "" : uri.substring(range[0], range[1]);
        if (secret.isEmpty()) {
            return new ConnectionException("invalid connection URI '" + display + "': " + reason, failure);
        }
        String cleaned = reason.replace(uri, display);
        if (quotesPartOf(secret, cleaned)) {
            cleaned = failure.getClass().getSimpleName() + " (details withheld: they would show the password; "
                    + "percent-encode '/', '@', ':', '?', '#' and spaces in a password: %2F %40 %3A %3F %23 %20)";
        }
        return new ConnectionException("invalid connection URI '" + display + "': " + cleaned);
    }

    /**
     * Whether a message quotes a piece of the secret: a word of it (split where URI parsers split),
     * or any tail of it together with the {@code @} that follows it in the URI.
     */
    private static boolean quotesPartOf(String secret, String message) {
        for (String piece : secret.split("[/@:?#&=\\s]+")) {
            if (piece.length() >= SHORTEST_SECRET_PIECE && message.contains(piece)) {
                return true;
            }
        }
        for (int start = 0; start < secret.length(); start++) {
            if (message.contains(secret.substring(start) + "@")) {
                return true;
            }
        }
        return false;
    }

    private static Path caCertificate(String uri, String display) {
        Matcher matcher = CA_CERTIFICATE.matcher(uri);
        int at = uri.lastIndexOf('@');
        if (!matcher.find(Math.max(at, 0))) {
            return null;
        }
        String value = URLDecoder.decode(matcher.group(2), StandardCharsets.UTF_8);
        if (!uri.startsWith("rediss")) {
            throw new ConnectionException("connection URI '" + display + "' names a CA certificate ("
                    + CA_CERTIFICATE_PARAMETER + "=) but does not use TLS; use rediss://, rediss-sentinel:// or "
                    + "rediss-cluster://");
        }
        Path path = Path.of(value);
        if (value.isBlank() || !Files.isReadable(path)) {
            throw new ConnectionException("connection URI '" + display + "': the CA certificate file '" + value
                    + "' (" + CA_CERTIFICATE_PARAMETER + "=) does not exist or cannot be read");
        }
        return path;
    }

    private static String withoutCaCertificate(String uri) {
        int at = Math.max(uri.lastIndexOf('@'), 0);
        Matcher matcher = CA_CERTIFICATE.matcher(uri);
        matcher.find(at);
        String before = uri.substring(0, matcher.start());
        String after = uri.substring(matcher.end());
        if (after.isEmpty() || after.startsWith("#")) {
            return before + after;
        }
        return before + matcher.group(1) + after;
    }
}
