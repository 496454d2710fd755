package io.valkeystreams.cli;

import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.connection.StreamsConnection;
import picocli.CommandLine.Option;

/** The {@code --url} option every command shares. */
final class ConnectionOptions {

    static final String DEFAULT_URL = "redis://127.0.0.1:6379";

    @Option(names = "--url", paramLabel = "URI",
            description = "Valkey to use: redis://[user:password@]host:port, rediss://…, redis-sentinel://…, "
                    + "redis-cluster://h1:p1,h2:p2. Default: $VALKEY_URL, else " + DEFAULT_URL + ".")
    String url;

    String resolvedUrl() {
        if (url != null && !url.isBlank()) {
            return url;
        }
        String env = System.getenv("VALKEY_URL");
        return env != null && !env.isBlank() ? env : DEFAULT_URL;
    }

    StreamsConnection connect() {
        return StreamsConnection.connect(resolvedUrl());
    }

    StreamCatalog catalog() {
        return StreamCatalog.platform();
    }
}
