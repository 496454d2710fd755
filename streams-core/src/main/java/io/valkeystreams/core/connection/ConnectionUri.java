package io.valkeystreams.core.connection;

import io.lettuce.core.RedisURI;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed connection string: one URI for standalone or sentinel, several seed URIs for a cluster.
 *
 * @param uris    Lettuce URIs (one, or the cluster seeds)
 * @param cluster whether the string named a cluster
 * @param display the string with any password masked
 */
record ConnectionUri(List<RedisURI> uris, boolean cluster, String display) {

    /** Whether the string set the command timeout itself ({@code ?timeout=2s}). */
    boolean explicitTimeout() {
        return display.contains("timeout=");
    }

    private static final String CLUSTER = "redis-cluster://";
    private static final String TLS_CLUSTER = "rediss-cluster://";

    static ConnectionUri parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ConnectionException("connection URI must not be blank; use redis://host:port");
        }
        String trimmed = text.trim();
        String display = redact(trimmed);
        try {
            if (trimmed.startsWith(CLUSTER) || trimmed.startsWith(TLS_CLUSTER)) {
                boolean tls = trimmed.startsWith(TLS_CLUSTER);
                String rest = trimmed.substring((tls ? TLS_CLUSTER : CLUSTER).length());
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
                return new ConnectionUri(List.copyOf(seeds), true, display);
            }
            if (!trimmed.matches("(redis|rediss|redis-socket|redis-sentinel|rediss-sentinel)://.*")) {
                throw new IllegalArgumentException("the scheme must be redis://, rediss://, redis-sentinel:// or "
                        + "redis-cluster://");
            }
            return new ConnectionUri(List.of(RedisURI.create(trimmed)), false, display);
        } catch (IllegalArgumentException e) {
            throw new ConnectionException("invalid connection URI '" + display + "': " + e.getMessage(), e);
        }
    }

    /** Masks the password part of a URI. */
    static String redact(String uri) {
        return uri.replaceAll("(://[^:@/]*:)[^@/]*@", "$1***@").replaceAll("(://)[^:@/]+@", "$1***@");
    }
}
