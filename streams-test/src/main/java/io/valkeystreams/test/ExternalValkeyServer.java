package io.valkeystreams.test;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A server the test run does not own, named by {@code VALKEY_URL}. {@link #flushAll()} empties it,
 * so point {@code VALKEY_URL} only at a server dedicated to tests.
 */
public final class ExternalValkeyServer implements ValkeyServer {

    private final String url;
    private final String host;
    private final int port;
    private final String user;
    private final String password;

    private ExternalValkeyServer(String url, String host, int port, String user, String password) {
        this.url = url;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /**
     * Parses a {@code redis://[[user]:password@]host[:port][/db]} URL.
     *
     * @throws ValkeyServerException when the URL is not of that form
     */
    public static ExternalValkeyServer of(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ValkeyServerException("VALKEY_URL '" + url + "' is not a valid URI: " + e.getMessage(), e);
        }
        if (!"redis".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new ValkeyServerException("VALKEY_URL '" + redact(url)
                    + "' must look like redis://[user:password@]host[:port]; tests support plain redis:// only");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            if (parts.length == 2) {
                user = parts[0].isEmpty() ? null : decode(parts[0]);
                password = decode(parts[1]);
            } else {
                password = decode(parts[0]);
            }
        }
        int port = uri.getPort() == -1 ? 6379 : uri.getPort();
        return new ExternalValkeyServer(url, uri.getHost(), port, user, password);
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public boolean isRunning() {
        try (RespClient client = RespClient.connect(host, port, user, password)) {
            return "PONG".equals(client.call("PING"));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void flushAll() {
        try (RespClient client = RespClient.connect(host, port, user, password)) {
            client.call("FLUSHALL");
        } catch (IOException e) {
            throw new ValkeyServerException("the server at VALKEY_URL " + redact(url) + " did not accept FLUSHALL: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        // not ours to stop
    }

    @Override
    public String toString() {
        return "ExternalValkeyServer[" + redact(url) + "]";
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    static String redact(String url) {
        return url.replaceAll("//[^@/]*@", "//***@");
    }
}
